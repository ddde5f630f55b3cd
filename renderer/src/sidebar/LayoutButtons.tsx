import { useCommand } from '../commands/command-registry';
import { useAppStore } from '../store/app-store';
import type { ViewLayout } from '../store/app-model';

const LAYOUTS: { value: ViewLayout; label: string }[] = [
  { value: '3d', label: '3D' },
  { value: '2d', label: '2D' },
  { value: 'split', label: 'Side by side' },
  { value: 'panels', label: 'Panels' },
];

/**
 * The 3D / 2D / side-by-side switch of a surface (a function's, or a network's landscape), with
 * the Panels layout where the kind has it in this toolbar; the menu's View commands (Ctrl/Cmd+1..3)
 * work while it is shown.
 */
export function LayoutButtons({ panels }: { panels: boolean }) {
  const layout = useAppStore((state) => state.view.layout);
  const updateView = useAppStore((state) => state.updateView);
  useCommand('show-3d', () => updateView({ layout: '3d' }));
  useCommand('show-2d', () => updateView({ layout: '2d' }));
  useCommand('show-split', () => updateView({ layout: 'split' }));
  // Without a Panels button, the panels layout (chosen for functions) shows as 3D.
  const shown = !panels && layout === 'panels' ? '3d' : layout;
  return (
    <div className="segmented" role="group" aria-label="Layout">
      {LAYOUTS.filter(({ value }) => panels || value !== 'panels').map(({ value, label }) => (
        <button key={value} type="button" aria-pressed={shown === value} onClick={() => updateView({ layout: value })}>
          {label}
        </button>
      ))}
    </div>
  );
}
