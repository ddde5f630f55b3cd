import { useEffect, useRef, useState } from 'react';
import { useCommand } from '../commands/command-registry';
import { NumberField } from '../sidebar/NumberField';
import { problemName } from '../store/session-store';
import { useAppStore } from '../store/app-store';
import { useImportedLandscapes } from '../store/imported-landscapes';
import '../imported/imported-image';
import { imageViewsFor, viewPng } from './image-views';
import { encodeNpy } from './npy';
import { fileStem, saveFile } from './save-file';
import { runsCsv, runsJson, surfaceCsv } from './tables';
import { VideoExport } from './VideoExport';

const MAX_SIDE = 8192;
const pixels = (value: number): string | null =>
  Number.isInteger(value) && value >= 16 && value <= MAX_SIDE ? null : `16 to ${MAX_SIDE} pixels`;

/** Images of the views and the data behind them, as files. */
export function ExportPanel() {
  const kind = useAppStore((state) => state.kind);
  // Opening or closing a surface file adds or removes its view from the list.
  useImportedLandscapes((state) => state.surfaces.length > 0);
  const views = imageViewsFor(kind);
  const [chosen, setSource] = useState('3d');
  // A choice the problem kind does not have (3D view, then a network) falls back to its first view.
  const source = views.find((view) => view.id === chosen) ?? views[0];
  const [width, setWidth] = useState(1920);
  const [height, setHeight] = useState(1080);
  const hasSurface = useAppStore((state) => state.surface !== null);
  const hasRuns = useAppStore((state) => state.runs.length > 0);
  const panels = useAppStore((state) =>
    state.kind === 'network' ? state.view.networkView === 'panels' : state.view.layout === 'panels',
  );
  const fail = (error: unknown): void => useAppStore.setState({ notice: `Export failed: ${(error as Error).message}` });
  const stem = (): string => fileStem(problemName());
  // The menu's Export image… and Export video…: open the panel at the control that saves it.
  const panel = useRef<HTMLDetailsElement>(null);
  const [reveal, setReveal] = useState<'image' | 'video' | null>(null);
  useCommand('export-image', () => setReveal('image'));
  useCommand('export-video', () => {
    setSource('3d');
    setReveal('video');
  });
  useEffect(() => {
    if (!reveal || !panel.current) return;
    panel.current.open = true;
    panel.current
      .querySelector<HTMLElement>(reveal === 'image' ? '.export-actions button' : '.video-export button')
      ?.focus();
    setReveal(null);
  }, [reveal]);

  const savePng = (): void => {
    if (!source) return;
    const name = source.fileName ? fileStem(source.fileName()) : stem();
    viewPng(source.id, width, height).then((blob) => saveFile(`${name}-${source.id}.png`, blob), fail);
  };
  const saveSurface = (format: 'csv' | 'npy'): void => {
    const { surface } = useAppStore.getState();
    if (!surface) return;
    const data = format === 'csv' ? surfaceCsv(surface) : encodeNpy(surface.z, [surface.y.length, surface.x.length]);
    saveFile(`${stem()}-surface.${format}`, new Blob([data as BlobPart]));
  };
  const saveRuns = (format: 'json' | 'csv'): void => {
    const { problem, bounds, runs, surface } = useAppStore.getState();
    const text = format === 'csv' ? runsCsv(runs) : JSON.stringify(runsJson(problem, bounds, runs, surface));
    saveFile(
      `${stem()}-runs.${format}`,
      new Blob([text], { type: format === 'csv' ? 'text/csv' : 'application/json' }),
    );
  };

  return (
    <details className="panel export-panel" ref={panel}>
      <summary>Export</summary>
      <div className="field">
        <label htmlFor="export-source">Image of</label>
        <select id="export-source" value={source?.id} onChange={(event) => setSource(event.target.value)}>
          {views.map(({ id, label }) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {panels && source?.id === '3d' && (
        <p className="hint">With panels shown, the 3D image and the video are of panel 1.</p>
      )}
      <NumberField label="Image width (px)" value={width} step={1} min={16} check={pixels} onChange={setWidth} />
      {source?.takesHeight && (
        <NumberField label="Image height (px)" value={height} step={1} min={16} check={pixels} onChange={setHeight} />
      )}
      <div className="export-actions">
        <button type="button" disabled={!source} onClick={savePng}>
          Save PNG
        </button>
        <button type="button" disabled={!hasSurface} onClick={() => saveSurface('csv')}>
          Surface CSV
        </button>
        <button
          type="button"
          disabled={!hasSurface}
          onClick={() => saveSurface('npy')}
          title="z[j, i] = f(x[i], y[j]), float64"
        >
          Surface NPY
        </button>
        <button type="button" disabled={!hasRuns} onClick={() => saveRuns('json')}>
          Runs JSON
        </button>
        <button type="button" disabled={!hasRuns} onClick={() => saveRuns('csv')}>
          Runs CSV
        </button>
      </div>
      {source?.id === '3d' && <VideoExport width={width} height={height} />}
    </details>
  );
}
