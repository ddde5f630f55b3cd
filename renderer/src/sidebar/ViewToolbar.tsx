import { useAppStore } from '../store/app-store';
import { usePlaybackStore } from '../store/playback-store';
import { PanelOptions } from '../panels/PanelOptions';
import { Checkbox } from './Checkbox';
import { LayoutButtons } from './LayoutButtons';
import { NumberField } from './NumberField';

const wholeSteps = (value: number): string | null =>
  Number.isInteger(value) && value >= 0 ? null : 'a whole number of steps, 0 or more';

/** Which views of a function's surface to show and what to draw on them. */
export function ViewToolbar() {
  const view = useAppStore((state) => state.view);
  const updateView = useAppStore((state) => state.updateView);
  const trail = usePlaybackStore((state) => state.trail);
  const setTrail = usePlaybackStore((state) => state.setTrail);
  return (
    <div className="toolbar" role="group" aria-label="View options">
      <LayoutButtons panels />
      {view.layout === 'panels' && <PanelOptions cameras />}
      <Checkbox label="Contour lines" checked={view.contours} onChange={(contours) => updateView({ contours })} />
      <Checkbox
        label="Descent arrows"
        title="Arrows point downhill, along −∇f; their length grows with log |∇f|"
        checked={view.gradientField}
        onChange={(gradientField) => updateView({ gradientField })}
      />
      <NumberField
        label="Trail (steps, 0 = all)"
        value={trail}
        step={1}
        min={0}
        check={wholeSteps}
        onChange={setTrail}
      />
    </div>
  );
}
