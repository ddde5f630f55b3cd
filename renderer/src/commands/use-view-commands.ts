import { usePlaybackStore } from '../store/playback-store';
import { usePresentation } from '../store/presentation-store';
import { useCommand } from './command-registry';

/** The View menu's commands that apply to every problem (the layouts are the function toolbar's: ViewToolbar). */
export function useViewCommands(): void {
  useCommand('toggle-presentation', () => usePresentation.getState().toggle());
  useCommand('toggle-playback', () => usePlaybackStore.getState().togglePlay());
}
