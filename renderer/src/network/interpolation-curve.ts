import { curveLine } from '../../../shared/landscape-curve';
import type { LandscapeRequest } from '../../../shared/protocol';
import type { PlaneRun } from './slice-choices';

/** The grid fields of a `landscape` request. */
export type CurveGrid = Pick<LandscapeRequest, 'center' | 'd1' | 'd2' | 'alphas' | 'betas'>;

/** A run's initial point (its first checkpoint) or final point (its last). */
function pointOf(run: PlaneRun, at: 'initial' | 'final'): Float64Array | null {
  if (!run.checkpoints) return null;
  const { params, steps } = run.checkpoints;
  const size = params.length / steps.length;
  return at === 'initial' ? params.subarray(0, size) : params.subarray(params.length - size);
}

/**
 * The line a curve follows from `center`: to `partner`'s final point from center's own final
 * point, or, when the partner is center itself, from its initial point to its final one.
 */
export function curveEnds(
  center: PlaneRun,
  partner: PlaneRun,
): [{ run: PlaneRun; at: 'initial' | 'final' }, { run: PlaneRun; at: 'final' }] {
  return [
    { run: center, at: partner.id === center.id ? 'initial' : 'final' },
    { run: partner, at: 'final' },
  ];
}

/** The ends' names, e.g. "adam #1 initial". */
export function curveEndNames(center: PlaneRun, partner: PlaneRun): [string, string] {
  const [from, to] = curveEnds(center, partner);
  return [`${from.run.name} ${from.at}`, `${to.run.name} ${to.at}`];
}

/** The curve as a one-row landscape (curveLine); null without both runs' checkpoints. */
export function curveGrid(center: PlaneRun, partner: PlaneRun, resolution: number): CurveGrid | null {
  const [from, to] = curveEnds(center, partner).map(({ run, at }) => pointOf(run, at));
  if (!from || !to || from.length !== to.length) return null;
  return curveLine(from, to, resolution);
}
