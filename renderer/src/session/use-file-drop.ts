import { useEffect } from 'react';
import { preloadH5 } from '../../../shared/h5-files';
import { isH5FileName, openH5Files } from '../store/imported-landscapes';
import { useSessionStore } from '../store/session-store';

/** A session file dropped anywhere on the window opens it; loss-landscape .h5 files (a surface, its trajectory) open as imported surfaces. */
export function useFileDrop(): void {
  useEffect(() => {
    const hasFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      // File names are hidden until the drop: any file may be an .h5 one, so its reader loads meanwhile.
      preloadH5();
    };
    const onDrop = (event: DragEvent): void => {
      const files = Array.from(event.dataTransfer?.files ?? []);
      const file = files[0];
      if (!file) return;
      event.preventDefault();
      const h5 = files.filter((entry) => isH5FileName(entry.name));
      if (h5.length) {
        void openH5Files(h5);
        return;
      }
      void file.text().then((text) => useSessionStore.getState().open(text, file.name));
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
