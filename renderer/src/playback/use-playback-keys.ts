import { useEffect } from 'react';
import { runCommand } from '../commands/command-registry';
import { usePlaybackStore } from '../store/playback-store';

/** Whether the focused element uses this key itself (typing, a select, the scrubber's arrows, a button's Space). */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return true;
  if (target instanceof HTMLInputElement) return target.type !== 'checkbox' || key === ' ';
  if (target instanceof HTMLButtonElement) return key === ' ' || key === 'Enter';
  return false;
}

/** Space plays or pauses; ← and → step (Shift: ten steps). */
export function usePlaybackKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || ownsKey(event.target, event.key))
        return;
      const playback = usePlaybackStore.getState();
      const stride = event.shiftKey ? 10 : 1;
      if (event.key === ' ') runCommand('toggle-playback');
      else if (event.key === 'ArrowLeft') playback.step(-stride);
      else if (event.key === 'ArrowRight') playback.step(stride);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
