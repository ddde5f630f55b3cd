import { useEffect } from 'react';
import type { Bridge } from '../../shared/protocol';
import { ChartsPanel } from './charts/ChartsPanel';
import { ContourMap } from './map/ContourMap';
import { EventsPanel } from './panels/EventsPanel';
import { HoverReadout } from './panels/HoverReadout';
import { Legend } from './panels/Legend';
import { ProblemPanel } from './panels/ProblemPanel';
import { RunList } from './panels/RunList';
import { RunPanel } from './panels/RunPanel';
import { Timeline } from './panels/Timeline';
import { ViewToolbar } from './panels/ViewToolbar';
import { usePlaybackKeys } from './playback/use-playback-keys';
import { SceneCanvas } from './scene/SceneCanvas';
import { useAppStore } from './store/app-store';

function Notice() {
  const notice = useAppStore((state) => state.notice);
  const dismiss = useAppStore((state) => state.dismissNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert">
      <span>{notice}</span>
      <button type="button" onClick={dismiss} aria-label="Dismiss message">
        ✕
      </button>
    </div>
  );
}

/** The 3D surface, the 2D map, or both, with the hover read-out over them. */
function Stage() {
  const layout = useAppStore((state) => state.view.layout);
  return (
    <div className={`stage stage-${layout}`}>
      {layout !== '2d' && (
        <div className="view">
          <SceneCanvas />
        </div>
      )}
      {layout !== '3d' && (
        <div className="view">
          <ContourMap />
        </div>
      )}
      <HoverReadout />
      <Notice />
    </div>
  );
}

export function App({ bridge }: { bridge: Bridge }) {
  useEffect(() => useAppStore.getState().connect(bridge), [bridge]);
  usePlaybackKeys();
  const surfaceReady = useAppStore((state) => state.surface !== null);
  return (
    <div className="app">
      <aside className="sidebar" aria-label="Controls">
        <h1>Gradscape</h1>
        <ProblemPanel />
        <RunPanel />
      </aside>
      <main className="explorer" aria-busy={!surfaceReady}>
        <ViewToolbar />
        <Stage />
        <Timeline />
        <ChartsPanel />
      </main>
      <aside className="inspector" aria-label="Runs and events">
        <RunList />
        <EventsPanel />
        <Legend />
      </aside>
    </div>
  );
}
