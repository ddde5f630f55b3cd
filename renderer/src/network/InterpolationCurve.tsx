import { useEffect, useMemo } from 'react';
import { curveBarrier, type CurveBarrier } from '../../../shared/landscape-curve';
import { SelectField } from '../sidebar/SelectField';
import { formatValue } from '../../../shared/format-number';
import { prepareCanvas, useAreaCanvas } from '../plot/use-canvas-size';
import { useAppStore } from '../store/app-store';
import type { CurveState, RunEntry } from '../store/app-model';
import { drawCurveChart } from './draw-curve';
import { curveEndNames } from './interpolation-curve';

const PROGRESS: Record<CurveState['status'], (curve: CurveState) => string> = {
  computing: ({ computed, total }) => `${computed}/${total} points so far`,
  complete: ({ total }) => `${total}/${total} points computed`,
  cancelled: ({ computed, total }) => `cancelled at ${computed}/${total} points`,
  failed: ({ message }) => `failed: ${message ?? 'unknown error'}`,
};

/** The barrier in words: how high the loss rises between the ends above the higher one. */
function describeBarrier({ barrier, peak, ends }: CurveBarrier): string {
  const endsText = `ends ${formatValue(ends[0])} and ${formatValue(ends[1])}`;
  if (barrier <= 0) return `barrier 0: no rise above the higher end (${endsText})`;
  return `barrier ${formatValue(barrier)}: the loss rises to ${formatValue(peak.loss)} at t = ${formatValue(peak.t)} (${endsText})`;
}

/**
 * The loss along a straight line in parameter space (Goodfellow et al. 2015): from `center`'s
 * initial point to its final one, or from its final point to another completed run's, to see
 * whether two solutions are joined by a low-loss path or parted by a barrier. Asked for as a
 * one-row landscape with the slice's resolution, under the view's `sliceKey`.
 */
export function InterpolationCurve({
  sliceKey,
  center,
  runs,
  resolution,
}: {
  sliceKey: string;
  center: RunEntry;
  runs: readonly RunEntry[];
  resolution: number;
}) {
  const curve = useAppStore((state) => state.curves[sliceKey]);
  const requestCurve = useAppStore((state) => state.requestCurve);
  // `runs`: the completed ones, center among them. The line chosen for this center while its
  // partner is still there; else center's own initial → final.
  const partnerId =
    curve && curve.runId === center.id && runs.some((run) => run.id === curve.partner) ? curve.partner : center.id;
  const partner = runs.find((run) => run.id === partnerId) ?? center;
  const stale = !curve || curve.runId !== center.id || curve.partner !== partnerId || curve.resolution !== resolution;
  useEffect(() => {
    if (stale) requestCurve(sliceKey, center.id, partnerId, resolution);
  }, [stale, sliceKey, center.id, partnerId, resolution, requestCurve]);

  const names = useMemo(() => curveEndNames(center, partner), [center, partner]);
  const barrier = useMemo(() => (curve?.status === 'complete' ? curveBarrier(curve.t, curve.values) : null), [curve]);
  const { area, canvas, size } = useAreaCanvas();
  useEffect(() => {
    if (!canvas.current || !size || !curve || stale) return;
    drawCurveChart(prepareCanvas(canvas.current, size), size.width, size.height, {
      t: curve.t,
      loss: curve.values,
      names,
      color: center.color,
      barrier,
    });
  }, [size, curve, stale, names, center.color, barrier]);

  const describe = (id: string): string => {
    const run = runs.find((entry) => entry.id === id) ?? center;
    return curveEndNames(center, run).join(' → ');
  };
  return (
    <div className="landscape-curve">
      <div className="landscape-curve-header">
        {runs.length > 1 ? (
          <SelectField
            label="Line"
            value={partnerId}
            options={runs.map((run) => run.id)}
            describe={describe}
            onChange={(id) => requestCurve(sliceKey, center.id, id, resolution)}
          />
        ) : (
          <span className="hint">Line {describe(center.id)}</span>
        )}
        <p className="hint landscape-curve-status" aria-live="polite">
          {curve && !stale ? PROGRESS[curve.status](curve) : 'asking…'}
          {barrier && ` · ${describeBarrier(barrier)}`}
        </p>
      </div>
      <div className="landscape-curve-chart" ref={area}>
        <canvas ref={canvas} role="img" aria-label={`Loss along the line ${names.join(' → ')}`} />
      </div>
    </div>
  );
}
