import { useEffect, useId, useMemo, useRef, useState, type CSSProperties, type PointerEvent } from 'react';
import { createMapFrame, MAP_MARGIN, type MapFrame } from '../map/map-frame';
import { ColorBar, colorBarWidth } from '../plot/ColorBar';
import { colorScaleOf } from '../plot/color-scale';
import { formatValue } from '../../../shared/format-number';
import { prepareCanvas, useElementSize } from '../plot/use-canvas-size';
import { SceneCanvas } from '../scene/SceneCanvas';
import { SceneSurfaceProvider } from '../scene/scene-surface';
import { MAIN_SLICE, type SliceState } from '../store/app-model';
import { useAppStore } from '../store/app-store';
import { landscapeHoverOf } from '../store/landscape-hover-store';
import type { CameraSync } from '../panels/camera-sync';
import { CameraLink } from '../panels/CameraLink';
import { CurvatureReadout } from './CurvatureReadout';
import { drawSlice, nearestCheckpoint, sliceImage } from './draw-slice';
import { SliceCriticalPoints } from './SliceCriticalPoints';
import { SliceHoverReadout } from './SliceHoverReadout';
import { placedPaths, sliceSceneLabel, sliceSceneRuns, sliceSceneSurface } from './slice-scene';
import { InterpolationCurve } from './InterpolationCurve';
// Registers the landscape's image with the export panel, drawn whether or not the view is shown.
import './landscape-image';
import { DEFAULT_SLICE_CHOICES, sliceAxisLabels, type SliceChoices } from './slice-choices';
import { SliceControls } from './SliceControls';
import { useCheckpointsReached } from './use-checkpoints-reached';
import { livePaths } from './live-checkpoints';

/** A colour bar at least this tall (room allowing) beside a flat slice, so its labels stay legible. */
const MIN_BAR_HEIGHT = 110;

const PROGRESS: Record<SliceState['status'], (slice: SliceState) => string> = {
  choosing: () => 'choosing the plane…',
  computing: ({ computed, total }) => `${computed}/${total} points so far`,
  complete: ({ total }) => `${total}/${total} points computed`,
  cancelled: ({ computed, total }) => `cancelled at ${computed}/${total} points`,
  failed: ({ message }) => `failed: ${message ?? 'unknown error'}`,
};

/** A panel of the Landscape panels layout: its place, and the link between the panels' cameras. */
export interface LandscapePanel {
  index: number;
  cameraSync: CameraSync;
}

/**
 * The loss over a plane through a completed network run, streamed coarse to fine from the
 * workers, with every shown run's checkpoints on it: in 3D (each checkpoint at its true loss,
 * a drop line to the slice under it), as a 2D map, or both side by side. A slice can mislead:
 * hovering a checkpoint shows its true loss and how far it lies from the plane. Without `runId`
 * it is the app's main view (centred on the newest completed run, or the one chosen); with it,
 * it keeps to that run and its own slice, so several can sit side by side. In a panel it is 3D,
 * its camera linked to the other panels'.
 */
export function LandscapeView({ runId: fixedRunId, panel }: { runId?: string; panel?: LandscapePanel } = {}) {
  const ownKey = useId();
  const key = fixedRunId === undefined ? MAIN_SLICE : `run-view${ownKey}`;
  const runs = useAppStore((state) => state.runs);
  const shownRuns = useAppStore((state) => state.shownRuns);
  const slice = useAppStore((state) => state.slices[key]);
  const requestSlice = useAppStore((state) => state.requestSlice);
  const cancelSlice = useAppStore((state) => state.cancelSlice);
  const releaseSlice = useAppStore((state) => state.releaseSlice);
  const withCheckpoints = useMemo(() => runs.filter((run) => run.checkpoints), [runs]);
  const centerId =
    fixedRunId ??
    (slice && withCheckpoints.some((run) => run.id === slice.runId) ? slice.runId : withCheckpoints.at(-1)?.id);
  const center = withCheckpoints.find((run) => run.id === centerId);
  // The runs drawn on the plane: the center first, then every other shown one with checkpoints.
  const drawnIds = useMemo(
    () =>
      centerId === undefined
        ? []
        : [centerId, ...shownRuns.filter((run) => run.checkpoints && run.id !== centerId).map((run) => run.id)],
    [centerId, shownRuns],
  );
  const choices = slice?.choices ?? DEFAULT_SLICE_CHOICES;
  const layoutSetting = useAppStore((state) => state.view.layout);
  const colormap = useAppStore((state) => state.view.colormap);
  const layout = panel ? '3d' : layoutSetting === '2d' || layoutSetting === 'split' ? layoutSetting : '3d';

  // The 2D map's area comes and goes with the layout: its size is observed from each mount.
  const [areaElement, setAreaElement] = useState<HTMLDivElement | null>(null);
  const area = useMemo(() => ({ current: areaElement }), [areaElement]);
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useElementSize(area);
  const [hovered, setHovered] = useState<{ path: number; index: number } | null>(null);
  const plane = slice?.plane;
  const scale = useMemo(() => (slice?.values ? colorScaleOf(slice.values) : null), [slice]);
  const image = useMemo(
    () => (plane && slice?.values && scale ? sliceImage(plane, slice.values, scale) : null),
    [plane, slice, scale],
  );
  // The map leaves room on its right for the colour bar.
  const barWidth = scale ? colorBarWidth(scale) : 0;
  const frame = useMemo(
    () =>
      size && plane
        ? createMapFrame(
            [
              [plane.alphas[0]!, plane.alphas.at(-1)!],
              [plane.betas[0]!, plane.betas.at(-1)!],
            ],
            size.width - barWidth,
            size.height,
          )
        : null,
    [size, plane, barWidth],
  );

  // A new center, or a change in the runs shown, asks again (a slice the user cancelled stays).
  const stale =
    centerId !== undefined &&
    (!slice || (slice.status !== 'cancelled' && (slice.runId !== centerId || slice.runIds.join() !== drawnIds.join())));
  useEffect(() => {
    if (stale) requestSlice(key, centerId, choices);
  }, [stale, key, centerId, choices, requestSlice]);
  useEffect(() => (fixedRunId === undefined ? undefined : () => releaseSlice(key)), [fixedRunId, key, releaseSlice]);

  const placed = useMemo(() => placedPaths(slice, runs), [slice, runs]);
  // Each path as far as the timeline has gone: scrubbing back shows where a run was then.
  const placedRuns = useMemo(() => placed.map((path) => path.run), [placed]);
  const reached = useCheckpointsReached(placedRuns, layout !== '3d');
  const paths = useMemo(
    () => placed.map((path, k) => ({ ...path, coordinates: path.coordinates.subarray(0, 2 * (reached[k] ?? 0)) })),
    [placed, reached],
  );
  // Shown runs still training, their paths growing on the plane as their checkpoints arrive.
  const live = useMemo(() => livePaths(shownRuns, plane), [shownRuns, plane]);
  // The map draws them as far as they have come; hovering reads the finished runs' checkpoints.
  const drawnPaths = useMemo(
    () => [...paths, ...live.map(({ run, coordinates }) => ({ color: run.color, coordinates }))],
    [paths, live],
  );

  const sceneRuns = useMemo(() => sliceSceneRuns([...placed, ...live]), [placed, live]);
  // The 3D view's pointer goes to its read-out alone.
  const hoverOfView = useMemo(() => landscapeHoverOf(ownKey), [ownKey]);
  const surface = useMemo(() => {
    const grid = slice && scale ? sliceSceneSurface(slice, scale) : null;
    return grid && { ...grid, hover: hoverOfView };
  }, [slice, scale, hoverOfView]);

  // The hovered checkpoint's (α, β), as numbers so the drawing waits for a real change.
  const hoveredPath = hovered ? paths[hovered.path]?.coordinates : undefined;
  const highlightAlpha = hovered && hoveredPath?.[2 * hovered.index];
  const highlightBeta = hovered && hoveredPath?.[2 * hovered.index + 1];
  useEffect(() => {
    const element = canvas.current;
    if (!element || !size || !plane || !image || !frame) return;
    const context = prepareCanvas(element, size);
    context.clearRect(0, 0, size.width, size.height);
    drawSlice(
      context,
      frame,
      plane,
      image,
      drawnPaths,
      typeof highlightAlpha === 'number' && typeof highlightBeta === 'number'
        ? [highlightAlpha, highlightBeta]
        : undefined,
    );
  }, [size, plane, image, frame, drawnPaths, highlightAlpha, highlightBeta]);

  const hover = (event: PointerEvent<HTMLCanvasElement>): void => {
    const rect = event.currentTarget.getBoundingClientRect();
    if (!frame || !paths.length) return;
    const [alpha, beta] = frame.problemPoint(event.clientX - rect.left, event.clientY - rect.top);
    setHovered(
      nearestCheckpoint(
        paths.map((path) => path.coordinates),
        alpha,
        beta,
      ),
    );
  };

  if (!center) {
    return (
      <p className="hint landscape-empty">
        The loss landscape appears here when a network run completes: the plane of its path's two main directions (PCA).
      </p>
    );
  }
  const ask = (next: SliceChoices): void => requestSlice(key, center.id, next);
  const nameOf = (id: string): string => runs.find((run) => run.id === id)?.name ?? id;
  const axes = plane && slice ? sliceAxisLabels(slice.choices.directions, plane, nameOf) : null;
  const largest = paths.length ? Math.max(...paths.flatMap((path) => Array.from(path.distances))) : null;
  const readout = hovered && paths[hovered.path];
  const step = readout && hovered ? readout.run.checkpoints!.steps[hovered.index]! : null;
  const label = slice ? sliceSceneLabel(slice, center.name, scale) : 'Loss landscape in 3D';
  const settings = (
    <>
      <SliceControls
        choices={choices}
        otherRuns={drawnIds.length - 1}
        busy={slice?.status === 'choosing' || slice?.status === 'computing'}
        onChange={ask}
        onCancel={() => cancelSlice(key)}
      />
      {axes && (
        <p className="hint landscape-axes">
          <span>{axes[0]}</span>
          <span>{axes[1]}</span>
        </p>
      )}
    </>
  );
  const barStyle = {
    right: 8,
    top: 8,
    height: Math.min(200, Math.max(MIN_BAR_HEIGHT, (size?.height ?? 0) - 16)),
    width: barWidth - 12,
  };
  return (
    <div className="dataset-view">
      <div className="dataset-header">
        <p className="hint landscape-status" aria-live="polite">
          {center.name}: {slice ? PROGRESS[slice.status](slice) : 'choosing the plane…'}
          {largest !== null && ` · checkpoints lie up to ${formatValue(largest)} from the plane`}
        </p>
        {fixedRunId === undefined && withCheckpoints.length > 1 && (
          <select
            aria-label="Landscape of run"
            value={center.id}
            onChange={(event) => requestSlice(key, event.target.value, choices)}
          >
            {withCheckpoints.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </select>
        )}
      </div>
      {panel ? (
        // A panel folds its plane's settings away, leaving the room to its 3D view.
        <details className="landscape-panel-options">
          <summary>Plane and grid</summary>
          {settings}
        </details>
      ) : (
        settings
      )}
      {!panel && surface && (
        <SliceCriticalPoints points={surface.criticalPoints} complete={slice?.status === 'complete'} />
      )}
      {!panel && <CurvatureReadout key={center.id} run={center} />}
      <div className={`landscape-views landscape-views-${layout}`}>
        {layout !== '2d' && (
          <div className="landscape-3d">
            {surface && (
              <SceneSurfaceProvider value={surface}>
                <SceneCanvas label={label} runs={sceneRuns} exportable={panel ? panel.index === 0 : true}>
                  {panel && <CameraLink sync={panel.cameraSync} />}
                </SceneCanvas>
              </SceneSurfaceProvider>
            )}
            {surface && <SliceHoverReadout view={ownKey} surface={surface} paths={placed} runs={placedRuns} />}
            {scale && layout === '3d' && <ColorBar scale={scale} colormap={colormap} name="loss" style={barStyle} />}
          </div>
        )}
        {layout !== '3d' && (
          <div className="dataset-canvas" ref={setAreaElement}>
            <canvas
              ref={canvas}
              role="img"
              aria-label={axes ? `Loss landscape slice: ${axes.join('; ')}` : 'Loss landscape slice'}
              onPointerMove={hover}
              onPointerLeave={() => setHovered(null)}
            />
            {readout && hovered && step !== null && (
              <div className="landscape-readout" role="status" style={{ right: barWidth + 16 }}>
                {readout.run.name} · step {step} · true loss {formatValue(readout.run.series.loss[step])} ·{' '}
                {formatValue(readout.distances[hovered.index])} from the plane
              </div>
            )}
            {scale && frame && size && (
              <ColorBar scale={scale} colormap="viridis" name="loss" style={barBeside(frame, size.height, barWidth)} />
            )}
          </div>
        )}
      </div>
      {/* A panel leaves the room to its 3D view; the line's chart is in the Loss landscape tab. */}
      {!panel && (
        <InterpolationCurve sliceKey={key} center={center} runs={withCheckpoints} resolution={choices.resolution} />
      )}
    </div>
  );
}

/** The colour bar right of the map, as tall as the map (or MIN_BAR_HEIGHT, as room allows) and centred on it. */
export function barBeside(frame: MapFrame, areaHeight: number, width: number): CSSProperties & { height: number } {
  const height = Math.min(Math.max(frame.height, MIN_BAR_HEIGHT), areaHeight - MAP_MARGIN.top - MAP_MARGIN.bottom);
  return {
    left: frame.left + frame.width + 12,
    top: frame.top + (frame.height - height) / 2,
    height,
    width: width - 12,
  };
}
