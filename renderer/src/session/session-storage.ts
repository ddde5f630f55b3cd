/**
 * Sessions kept in localStorage: the autosave (offered back on the next start) and a short list
 * of recently saved or opened sessions. Storage may be full or disabled; then nothing is kept,
 * and the app works on.
 */

const AUTOSAVE_KEY = 'gradscape.autosave';
const RECENT_KEY = 'gradscape.recent';
const MAX_RECENT = 5;

export interface RecentSession {
  name: string;
  savedAt: string;
  text: string;
}

function write(key: string, value: string): boolean {
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export const readAutosave = (): string | null => read(AUTOSAVE_KEY);
export const writeAutosave = (text: string): boolean => write(AUTOSAVE_KEY, text);

export function clearAutosave(): void {
  try {
    localStorage.removeItem(AUTOSAVE_KEY);
  } catch {
    // Storage disabled: there is nothing to clear.
  }
}

export function readRecent(): RecentSession[] {
  try {
    const list: unknown = JSON.parse(read(RECENT_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter(isRecent) : [];
  } catch {
    return [];
  }
}

function isRecent(value: unknown): value is RecentSession {
  const entry = value as Partial<RecentSession> | null;
  return typeof entry?.name === 'string' && typeof entry.savedAt === 'string' && typeof entry.text === 'string';
}

/** Puts a session first in the list (once per name); the oldest are dropped, or more when storage is full. */
export function rememberRecent(name: string, text: string): RecentSession[] {
  let list = [
    { name, savedAt: new Date().toISOString(), text },
    ...readRecent().filter((entry) => entry.name !== name),
  ].slice(0, MAX_RECENT);
  while (list.length > 0 && !write(RECENT_KEY, JSON.stringify(list))) list = list.slice(0, -1);
  return list;
}
