import { useId } from 'react';
import { PANEL_COUNTS, usePanelStore, type PanelCount } from '../store/panel-store';
import { Checkbox } from '../sidebar/Checkbox';

/** The panels layout's toolbar: how many panels, and whether cameras (3D panels only) and timeline are locked. */
export function PanelOptions({ cameras }: { cameras: boolean }) {
  const { count, lockCameras, lockTimeline, setCount, setLockCameras, setLockTimeline } = usePanelStore();
  const countId = useId();
  return (
    <>
      <label htmlFor={countId}>Panels</label>
      <select id={countId} value={count} onChange={(event) => setCount(Number(event.target.value) as PanelCount)}>
        {PANEL_COUNTS.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
      {cameras && (
        <Checkbox
          label="Lock cameras"
          title="Orbiting or zooming one panel moves the others the same way"
          checked={lockCameras}
          onChange={setLockCameras}
        />
      )}
      <Checkbox
        label="Lock timeline"
        title="Every panel follows the timeline below; unlocked, each has its own"
        checked={lockTimeline}
        onChange={setLockTimeline}
      />
    </>
  );
}
