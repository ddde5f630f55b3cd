import { useEffect } from 'react';
import { create } from 'zustand';
import { runCommand } from '../commands/command-registry';

/** Presentation mode: the side panels hidden and the text larger, for a projector or a recording. */
export const usePresentation = create<{ on: boolean; toggle(): void }>()((set, get) => ({
  on: false,
  toggle: () => set({ on: !get().on }),
}));

/** F toggles presentation mode, as in slide viewers (Escape leaves it), unless a field is being typed in. */
export function usePresentationKey(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey || target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const { on, toggle } = usePresentation.getState();
      if (event.key === 'f' || event.key === 'F') runCommand('toggle-presentation');
      else if (event.key === 'Escape' && on) toggle();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

export function PresentationToggle() {
  const on = usePresentation((state) => state.on);
  const toggle = usePresentation((state) => state.toggle);
  return (
    <button type="button" className="presentation-toggle" aria-pressed={on} aria-keyshortcuts="F" title="Presentation mode (F)" onClick={toggle}>
      {on ? 'Exit presentation' : 'Present'}
    </button>
  );
}
