import { useEffect } from 'react';
import { runCommand } from '../commands/command-registry';
import { usePresentation } from '../store/presentation-store';

/** F toggles presentation mode, as in slide viewers (Escape leaves it), unless a field is being typed in. */
export function usePresentationKey(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      if (
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        target?.closest('input, textarea, select, [contenteditable="true"]')
      )
        return;
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
    <button
      type="button"
      className="presentation-toggle"
      aria-pressed={on}
      aria-keyshortcuts="F"
      title="Presentation mode (F)"
      onClick={toggle}
    >
      {on ? 'Exit presentation' : 'Present'}
    </button>
  );
}
