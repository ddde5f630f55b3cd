import { useEffect } from 'react';
import { serializeSession } from '../../../shared/session-file';
import { useImportedLandscapes } from '../store/imported-landscapes';
import { useAppStore } from '../store/app-store';
import { captureSession } from './session-snapshot';
import { writeAutosave } from './session-storage';

const AUTOSAVE_SECONDS = 4;

/**
 * Every few seconds, keeps the picture in localStorage when it changed. A picture without runs
 * (or opened surfaces) is not kept, so starting the app does not overwrite the session it offers back.
 */
export function useAutosave(): void {
  useEffect(() => {
    let saved = '';
    const timer = setInterval(() => {
      if (useAppStore.getState().runs.length === 0 && useImportedLandscapes.getState().surfaces.length === 0) return;
      const text = serializeSession(captureSession());
      if (text !== saved && writeAutosave(text)) saved = text;
    }, AUTOSAVE_SECONDS * 1000);
    return () => clearInterval(timer);
  }, []);
}
