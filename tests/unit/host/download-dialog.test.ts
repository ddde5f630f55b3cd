import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { askWhereToSave, saveDialogOptions, type DownloadingSession } from '../../../electron/host/download-dialog';

const DOWNLOADS = join('/home', 'ada', 'Downloads');

describe('save dialog options', () => {
  it('proposes the UI’s file name in the downloads folder, filtered to the file’s kind', () => {
    expect(saveDialogOptions('himmelblau-2026-01-02T10-00.gradscape.json', DOWNLOADS)).toEqual({
      title: 'Save session',
      defaultPath: join(DOWNLOADS, 'himmelblau-2026-01-02T10-00.gradscape.json'),
      buttonLabel: 'Save',
      filters: [
        { name: 'Gradscape session', extensions: ['json'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    const kinds = ['a-3d.png', 'a.mp4', 'a.webm', 'a-surface.csv', 'a-surface.npy', 'a-runs.json'].map(
      (name) => saveDialogOptions(name, DOWNLOADS).filters[0],
    );
    expect(kinds).toEqual([
      { name: 'PNG image', extensions: ['png'] },
      { name: 'MP4 video', extensions: ['mp4'] },
      { name: 'WebM video', extensions: ['webm'] },
      { name: 'CSV table', extensions: ['csv'] },
      { name: 'NumPy array', extensions: ['npy'] },
      { name: 'JSON', extensions: ['json'] },
    ]);
    expect(saveDialogOptions('a-runs.json', DOWNLOADS).title).toBe('Save file');
  });

  it('offers all files for a name of no known kind', () => {
    expect(saveDialogOptions('notes.txt', DOWNLOADS).filters).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });
});

describe('downloads in Electron', () => {
  const download = (url: string, filename: string) => ({
    getURL: () => url,
    getFilename: () => filename,
    cancel: vi.fn(),
    setSaveDialogOptions: vi.fn(),
  });
  const session = () => {
    const emitter = new EventEmitter();
    const log = vi.fn();
    askWhereToSave(emitter as unknown as DownloadingSession, () => DOWNLOADS, log);
    return { emit: (item: ReturnType<typeof download>) => emitter.emit('will-download', {}, item), log };
  };

  it("asks where to save the UI's own files", () => {
    const { emit } = session();
    const item = download('blob:app://gradscape/5b1c0f4e-0000-4000-8000-000000000000', 'rosenbrock.mp4');
    emit(item);
    expect(item.setSaveDialogOptions).toHaveBeenCalledExactlyOnceWith(saveDialogOptions('rosenbrock.mp4', DOWNLOADS));
    expect(item.cancel).not.toHaveBeenCalled();
  });

  it('cancels a download from anywhere else, saying so', () => {
    const { emit, log } = session();
    for (const url of [
      'https://evil.example/a.exe',
      'blob:https://evil.example/1',
      'blob:app://gradscape.evil.example/1',
      'app://gradscape/index.html',
      'data:text/plain,x',
    ]) {
      const item = download(url, 'a.exe');
      emit(item);
      expect(item.cancel).toHaveBeenCalledOnce();
      expect(item.setSaveDialogOptions).not.toHaveBeenCalled();
    }
    expect(log).toHaveBeenCalledWith('cancelled a download from https://evil.example/a.exe');
  });
});
