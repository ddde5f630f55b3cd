import { useEffect } from 'react';
import type { Bridge } from '../../shared/protocol';
import { Legend } from './panels/Legend';
import { ProblemPanel } from './panels/ProblemPanel';
import { RunList } from './panels/RunList';
import { RunPanel } from './panels/RunPanel';
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

export function App({ bridge }: { bridge: Bridge }) {
  useEffect(() => useAppStore.getState().connect(bridge), [bridge]);
  const surfaceReady = useAppStore((state) => state.surface !== null);
  return (
    <div className="app">
      <aside className="sidebar" aria-label="Controls">
        <h1>Gradscape</h1>
        <ProblemPanel />
        <RunPanel />
      </aside>
      <main className="viewport" aria-busy={!surfaceReady}>
        <SceneCanvas />
        <Legend />
        <Notice />
        <RunList />
      </main>
    </div>
  );
}
