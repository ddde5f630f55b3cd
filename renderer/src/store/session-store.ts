import { create } from 'zustand';
import { parseSessionText, serializeSession } from '../../../shared/session-file';
import { fileStem, saveFile } from '../export/save-file';
import { useAppStore } from './app-store';
import { captureSession, restoreSession } from '../session/session-snapshot';
import {
  clearAutosave,
  readAutosave,
  readRecent,
  rememberRecent,
  type RecentSession,
} from '../session/session-storage';

interface SessionState {
  /** The previous start's autosave, until the user restores or declines it. */
  offer: string | null;
  recent: RecentSession[];
  save(): void;
  /** Opens a session's text; a damaged file leaves the picture as it was and says why. */
  open(text: string, name: string): boolean;
  acceptOffer(): void;
  declineOffer(): void;
}

/** A picture's name for its files: the catalog function, "expression", or the network's dataset (a CSV's file name). */
export function problemName(): string {
  const { kind, problem, network } = useAppStore.getState();
  if (kind === 'network') {
    const { dataset } = network.mlp;
    return 'name' in dataset ? dataset.name : dataset.file.replace(/\.csv$/i, '');
  }
  return 'function' in problem ? problem.function : 'expression';
}

export const useSessionStore = create<SessionState>()((set, get) => ({
  offer: readAutosave(),
  recent: readRecent(),
  save() {
    const name = `${fileStem(problemName())}.gradscape.json`;
    const text = serializeSession({ ...captureSession(), savedAt: new Date().toISOString() });
    saveFile(name, new Blob([text], { type: 'application/json' }));
    set({ recent: rememberRecent(name, text) });
  },
  open(text, name) {
    try {
      restoreSession(parseSessionText(text));
    } catch (error) {
      useAppStore.setState({ notice: `Could not open ${name}: ${(error as Error).message}` });
      return false;
    }
    set({ offer: null, recent: rememberRecent(name, text) });
    return true;
  },
  acceptOffer() {
    const { offer } = get();
    if (offer !== null) get().open(offer, 'the last session');
    set({ offer: null });
  },
  declineOffer() {
    clearAutosave();
    set({ offer: null });
  },
}));
