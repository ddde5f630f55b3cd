import { join } from 'node:path';
import { APP_HOST, APP_SCHEME } from './window-security';

/** The parts of Electron's Session and DownloadItem the save dialog needs, so tests drive them with fakes. */
export interface DownloadItemLike {
  getURL(): string;
  getFilename(): string;
  cancel(): void;
  setSaveDialogOptions(options: SaveDialogOptions): void;
}
export interface DownloadingSession {
  on(event: 'will-download', listener: (event: unknown, item: DownloadItemLike) => void): unknown;
}
export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  buttonLabel: string;
  filters: { name: string; extensions: string[] }[];
}

/** What each file the UI saves is, by its ending; the longest ending that matches wins. */
const KINDS: { ending: string; name: string; extensions: string[] }[] = [
  { ending: '.gradscape.json', name: 'Gradscape session', extensions: ['json'] },
  { ending: '.png', name: 'PNG image', extensions: ['png'] },
  { ending: '.mp4', name: 'MP4 video', extensions: ['mp4'] },
  { ending: '.webm', name: 'WebM video', extensions: ['webm'] },
  { ending: '.csv', name: 'CSV table', extensions: ['csv'] },
  { ending: '.npy', name: 'NumPy array', extensions: ['npy'] },
  { ending: '.json', name: 'JSON', extensions: ['json'] },
];
const ALL_FILES = { name: 'All files', extensions: ['*'] };

/** The native save dialog for a file the UI saves: in the downloads folder, under the UI's name, filtered to its kind. */
export function saveDialogOptions(filename: string, downloadsDir: string): SaveDialogOptions {
  const kind = KINDS.find(({ ending }) => filename.toLowerCase().endsWith(ending));
  return {
    title: kind?.name === 'Gradscape session' ? 'Save session' : 'Save file',
    defaultPath: join(downloadsDir, filename),
    buttonLabel: 'Save',
    filters: kind ? [{ name: kind.name, extensions: kind.extensions }, ALL_FILES] : [ALL_FILES],
  };
}

/** Files the UI saves are blobs it made itself: blob:app://gradscape/<uuid>. */
export function isOwnBlobUrl(url: string): boolean {
  return url.startsWith(`blob:${APP_SCHEME}://${APP_HOST}/`);
}

/**
 * Every download the UI starts (its sessions and exports) asks where to save it with a native
 * dialog; a download from anywhere else is cancelled.
 */
export function askWhereToSave(
  session: DownloadingSession,
  downloadsDir: () => string,
  log: (message: string) => void,
): void {
  session.on('will-download', (_event, item) => {
    const url = item.getURL();
    if (!isOwnBlobUrl(url)) {
      item.cancel();
      log(`cancelled a download from ${url}`);
      return;
    }
    item.setSaveDialogOptions(saveDialogOptions(item.getFilename(), downloadsDir()));
  });
}
