import { useCommand } from '../commands/command-registry';
import { useAppStore, type ViewLayout } from '../store/app-store';
import { usePlaybackStore } from '../playback/playback-store';
import { PanelOptions } from '../viewports/PanelOptions';
import { NumberField } from './NumberField';

const LAYOUTS: { value: ViewLayout; label: string }[] = [
  { value: '3d', label: '3D' },
  { value: '2d', label: '2D' },
  { value: 'split', label: 'Side by side' },
  { value: 'panels', label: 'Panels' },
];

const wholeSteps = (value: number): string | null => (Number.isInteger(value) && value >= 0 ? null : 'a whole number of steps, 0 or more');

/** Which views to show and what to draw on them. */
export function ViewToolbar() {
  const view = useAppStore((state) => state.view);
  const updateView = useAppStore((state) => state.updateView);
  // Mounted only for functions, the one kind with 3D, 2D and side by side: elsewhere the shortcuts stay the browser's.
  useCommand('show-3d', () => updateView({ layout: '3d' }));
  useCommand('show-2d', () => updateView({ layout: '2d' }));
  useCommand('show-split', () => updateView({ layout: 'split' }));
  const trail = usePlaybackStore((state) => state.trail);
  const setTrail = usePlaybackStore((state) => state.setTrail);
  return (
    <div className="toolbar" role="group" aria-label="View options">
      <div className="segmented" role="group" aria-label="Layout">
        {LAYOUTS.map(({ value, label }) => (
          <button key={value} type="button" aria-pressed={view.layout === value} onClick={() => updateView({ layout: value })}>
            {label}
          </button>
        ))}
      </div>
      {view.layout === 'panels' && <PanelOptions cameras />}
      <label>
        <input type="checkbox" checked={view.contours} onChange={(event) => updateView({ contours: event.target.checked })} /> Contour lines
      </label>
      <label title="Arrows point downhill, along −∇f; their length grows with log |∇f|">
        <input type="checkbox" checked={view.gradientField} onChange={(event) => updateView({ gradientField: event.target.checked })} /> Descent arrows
      </label>
      <NumberField label="Trail (steps, 0 = all)" value={trail} step={1} min={0} check={wholeSteps} onChange={setTrail} />
    </div>
  );
}
