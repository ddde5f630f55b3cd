import { usePlaybackStore } from '../playback/playback-store';
import { usePresentation } from '../presentation/presentation';
import { useAppStore, type ViewLayout } from '../store/app-store';
import { useCommand } from './command-registry';

/** Only functions have a 3D surface and a 2D map to choose between. */
const showLayout = (layout: ViewLayout) => (): void => {
  const { kind, updateView } = useAppStore.getState();
  if (kind === 'function') updateView({ layout });
};

/** The View menu's commands. */
export function useViewCommands(): void {
  useCommand('toggle-presentation', () => usePresentation.getState().toggle());
  useCommand('toggle-playback', () => usePlaybackStore.getState().togglePlay());
  useCommand('show-3d', showLayout('3d'));
  useCommand('show-2d', showLayout('2d'));
  useCommand('show-split', showLayout('split'));
}
