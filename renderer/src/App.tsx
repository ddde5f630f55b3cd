import { useEffect } from 'react';
import type { Bridge } from '../../shared/protocol';
import { ChartsPanel } from './charts/ChartsPanel';
import { useCommandShortcuts } from './commands/use-command-shortcuts';
import { listenToHostCommands } from './commands/command-registry';
import { useViewCommands } from './commands/use-view-commands';
import { ComparePresets } from './compare/ComparePresets';
import { SummaryTable } from './compare/SummaryTable';
import { ContourMap } from './function/ContourMap';
import { DatasetView } from './network/DatasetView';
import { LandscapeView } from './network/LandscapeView';
import { ExportPanel } from './export/ExportPanel';
import { FormatsDialog } from './help/FormatsDialog';
import { EventsPanel } from './sidebar/EventsPanel';
import { ImportedLandscapes } from './imported/ImportedLandscapes';
import { useImportedLandscapes } from './store/imported-landscapes';
import { HoverReadout } from './sidebar/HoverReadout';
import { LayoutButtons } from './sidebar/LayoutButtons';
import { Legend } from './sidebar/Legend';
import { ProblemPanel } from './sidebar/ProblemPanel';
import { RunList } from './sidebar/RunList';
import { RunPanel } from './sidebar/RunPanel';
import { Timeline } from './sidebar/Timeline';
import { ViewToolbar } from './sidebar/ViewToolbar';
import { usePlaybackKeys } from './playback/use-playback-keys';
import { PresentationToggle, usePresentationKey } from './presentation/presentation';
import { usePresentation } from './store/presentation-store';
import { FunctionScene } from './function/FunctionScene';
import { RestoreOffer, SessionBar } from './session/SessionBar';
import { useAutosave } from './session/use-autosave';
import { useFileDrop } from './session/use-file-drop';
import { useAppStore } from './store/app-store';
import type { NetworkView } from './store/app-model';
import { CaptionOverlay } from './teaching/CaptionOverlay';
import { ScenarioPicker } from './teaching/ScenarioPicker';
// Registers the 3D view's image with the export panel, drawn off screen when the view is not shown.
import './scene/scene-image';
import { PanelGrid } from './panels/PanelGrid';
import { PanelOptions } from './panels/PanelOptions';
import { panelViewFor } from './panels/panel-views';

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

const NETWORK_VIEW_TABS: { value: NetworkView; label: string }[] = [
  { value: 'dataset', label: 'Dataset' },
  { value: 'landscape', label: 'Loss landscape' },
  { value: 'panels', label: 'Landscape panels' },
];

/** The 3D surface, the 2D map, both, or panels of the surface, with the hover read-out over them. */
function Stage() {
  const layout = useAppStore((state) => state.view.layout);
  const networkView = useAppStore((state) => state.view.networkView);
  const kind = useAppStore((state) => state.kind);
  const imported = useImportedLandscapes((state) => state.surfaces.length > 0);
  if (imported) {
    return (
      <div className="stage stage-2d">
        <div className="view">
          <ImportedLandscapes />
        </div>
        <Notice />
      </div>
    );
  }
  if (kind === 'network' ? networkView === 'panels' : layout === 'panels') {
    return (
      <div className="stage stage-panels">
        <PanelGrid View={panelViewFor(kind)} />
        {kind === 'function' && <HoverReadout />}
        <CaptionOverlay />
        <Notice />
        <RestoreOffer />
      </div>
    );
  }
  if (kind === 'network') {
    return (
      <div className="stage stage-2d">
        <div className="view">{networkView === 'dataset' ? <DatasetView /> : <LandscapeView />}</div>
        <CaptionOverlay />
        <Notice />
      </div>
    );
  }
  return (
    <div className={`stage stage-${layout}`}>
      {layout !== '2d' && (
        <div className="view">
          <FunctionScene />
        </div>
      )}
      {layout !== '3d' && (
        <div className="view">
          <ContourMap />
        </div>
      )}
      <HoverReadout />
      <CaptionOverlay />
      <Notice />
      <RestoreOffer />
    </div>
  );
}

export function App({ bridge }: { bridge: Bridge }) {
  useEffect(() => useAppStore.getState().connect(bridge), [bridge]);
  useEffect(() => listenToHostCommands(bridge), [bridge]);
  usePlaybackKeys();
  useAutosave();
  useFileDrop();
  usePresentationKey();
  useViewCommands();
  useCommandShortcuts(bridge.kind === 'browser');
  const presenting = usePresentation((state) => state.on);
  const kind = useAppStore((state) => state.kind);
  const networkView = useAppStore((state) => state.view.networkView);
  const updateView = useAppStore((state) => state.updateView);
  const surfaceReady = useAppStore((state) => state.kind === 'network' || state.surface !== null);
  return (
    <div className={presenting ? 'app presenting' : 'app'}>
      <aside className="sidebar" aria-label="Controls">
        <h1>Gradscape</h1>
        <SessionBar />
        <ProblemPanel />
        <RunPanel />
        <ScenarioPicker />
        <ComparePresets />
        <ExportPanel />
      </aside>
      <main className="explorer" aria-busy={!surfaceReady}>
        {kind === 'function' ? (
          <ViewToolbar />
        ) : (
          <div className="toolbar" role="group" aria-label="View options">
            <div className="segmented" role="group" aria-label="Network view">
              {NETWORK_VIEW_TABS.map(({ value, label }) => (
                <button
                  key={value}
                  type="button"
                  aria-pressed={networkView === value}
                  onClick={() => updateView({ networkView: value })}
                >
                  {label}
                </button>
              ))}
            </div>
            {networkView === 'landscape' && <LayoutButtons panels={false} />}
            {networkView === 'panels' && <PanelOptions cameras />}
          </div>
        )}
        <Stage />
        <Timeline />
        <ChartsPanel />
        <PresentationToggle />
        <FormatsDialog />
      </main>
      <aside className="inspector" aria-label="Runs and events">
        <RunList />
        <SummaryTable />
        <EventsPanel />
        <Legend />
      </aside>
    </div>
  );
}
