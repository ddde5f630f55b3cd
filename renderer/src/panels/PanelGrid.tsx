import { useEffect, useMemo, type ComponentType } from 'react';
import { ViewSourceProvider } from '../scene/view-source';
import { useAppStore } from '../store/app-store';
import { createCameraSync, type CameraSync } from './camera-sync';
import type { PanelViewProps } from './panel-views';
import { PanelHeader } from './PanelHeader';
import { PanelTimeline } from './PanelTimeline';
import { usePanelClock } from './use-panel-clock';
import { ALL_RUNS, panelRunId, usePanelStore } from '../store/panel-store';

interface PanelProps {
  index: number;
  View: ComponentType<PanelViewProps>;
  cameraSync: CameraSync;
}

/** One viewport: its header, its view of the chosen run(s), and its own timeline when unlocked. */
function Panel({ index, View, cameraSync }: PanelProps) {
  const shownRuns = useAppStore((state) => state.shownRuns);
  const choice = usePanelStore((state) => state.choices[index]);
  const lockTimeline = usePanelStore((state) => state.lockTimeline);
  const runId = panelRunId(choice, shownRuns, index);
  const panelClock = usePanelClock(lockTimeline, runId);
  const source = useMemo(() => ({ runId, clock: panelClock.clock }), [runId, panelClock.clock]);
  const run = shownRuns.find((entry) => entry.id === runId) ?? null;
  return (
    <section className="viewport-panel" aria-label={`Panel ${index + 1}`} data-run-id={runId ?? ALL_RUNS}>
      <ViewSourceProvider value={source}>
        <PanelHeader index={index} run={run} shownRuns={shownRuns} />
        <div className="view">
          <View index={index} cameraSync={cameraSync} />
        </div>
        {panelClock.own && <PanelTimeline index={index} panelClock={panelClock} />}
      </ViewSourceProvider>
    </section>
  );
}

/** 2 to 4 panels over the same problem, cameras and timeline locked together unless unlocked. */
export function PanelGrid({ View }: { View: ComponentType<PanelViewProps> }) {
  const count = usePanelStore((state) => state.count);
  const lockCameras = usePanelStore((state) => state.lockCameras);
  const cameraSync = useMemo(() => createCameraSync(usePanelStore.getState().lockCameras), []);
  useEffect(() => cameraSync.setLocked(lockCameras), [cameraSync, lockCameras]);
  return (
    <div className={`panel-grid panel-grid-${count}`}>
      {Array.from({ length: count }, (_, index) => (
        <Panel key={index} index={index} View={View} cameraSync={cameraSync} />
      ))}
    </div>
  );
}
