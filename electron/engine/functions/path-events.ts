import type { CriticalPointType, RunEvent } from '../../../shared/events';
import { formatFixed, formatValue } from '../../../shared/format-number';
import { classifyStationaryPoint, hessianEigenvalues } from '../../../shared/functions/hessian-classification';
import type { Objective2D } from '../../../shared/functions/objective';
import { StallTracker, type Stall } from '../stall-tracker';
import { locateStationaryPoint } from './critical-points';

export interface PathEventOptions {
  /** Steps the gradient must stay small before the path counts as stalled. */
  stallWindow: number;
  /** "Small": below this fraction of the largest gradient norm seen on the path… */
  stallFraction: number;
  /**
   * …or below flatness · (loss scale / length scale), for a path that starts on a plateau
   * and never sees a large gradient to compare with.
   */
  flatness: number;
  /**
   * …or the path makes no progress: over the window its loss changes by at most this fraction of
   * the loss scale and it travels at most this fraction of the length scale.
   */
  progress: number;
  /** Steps over which reversals are counted, and the share of reversals that means zig-zag. */
  oscillationWindow: number;
  oscillationShare: number;
  /** A gradient norm this many times the largest one up to the path's lowest point. */
  explosionFactor: number;
  /** How far from a stall a stationary point may lie to explain it, relative to 1 + |p|. */
  stationaryRadius: number;
}

export const DEFAULT_PATH_EVENT_OPTIONS: PathEventOptions = {
  stallWindow: 20,
  stallFraction: 1e-3,
  flatness: 1e-8,
  progress: 1e-6,
  oscillationWindow: 10,
  oscillationShare: 0.8,
  explosionFactor: 1e3,
  stationaryRadius: 0.1,
};

export type FinishStatus = 'completed' | 'diverged' | 'cancelled';

export interface PathEventDetector {
  /** Takes point `step` of the path; returns the events that this point completes. */
  observe(step: number, x: number, y: number, loss: number, gradNorm: number): RunEvent[];
  /** Closes whatever is still open when the run ends. */
  finish(status: FinishStatus): RunEvent[];
}

type Point = [number, number];

/**
 * Watches a function run step by step. Events that last (stalls, oscillation) are emitted once
 * they end, so every event is final when it leaves; a stall still open at the end of a run
 * that stays at a minimum becomes "converged".
 */
export function createPathEventDetector(
  objective: Objective2D,
  options: Partial<PathEventOptions> = {},
): PathEventDetector {
  const o = { ...DEFAULT_PATH_EVENT_OPTIONS, ...options };
  const stall = createStallClassifier(objective, o);
  const oscillation = createOscillationTracker(objective, o);
  const explosion = createExplosionTracker(o);
  return {
    observe(step, x, y, loss, gradNorm) {
      const a = stall.observe(step, x, y, loss, gradNorm);
      const b = oscillation.observe(step, x, y);
      const c = explosion.observe(step, x, y, loss, gradNorm);
      // Almost every step has no event: share one empty array rather than allocate.
      return a === NONE && b === NONE && c === NONE ? NONE : [...a, ...b, ...c];
    },
    finish(status) {
      return [...stall.finish(status), ...oscillation.finish()].sort((a, b) => a.step - b.step);
    },
  };
}

const NONE: RunEvent[] = [];

/** What the engine says when a run's values stop being finite (reported by the runner). */
export function divergedEvent(step: number, point: Point): RunEvent {
  return event('diverged', step, undefined, point, undefined);
}

// ---------------------------------------------------------------------------------------------
// Stalls: the gradient stays small or the path makes no progress; what it stalled at decides the event.

function createStallClassifier(objective: Objective2D, o: PathEventOptions) {
  const hessian = new Float64Array(3);
  const tracker = new StallTracker({
    window: o.stallWindow,
    fraction: o.stallFraction,
    flatness: o.flatness,
    progress: o.progress,
  });
  let largestGradient = 0;
  let lowestLoss = Infinity;
  let highestLoss = -Infinity;
  /** Spectral norm of the Hessian at the start: the curvature scale for "degenerate". */
  let startCurvature: number | undefined;
  /** The previous point, for the distance travelled (two numbers: no allocation per step). */
  let [previousX, previousY] = [Number.NaN, Number.NaN];
  /** Where the open stall's gradient was smallest. */
  let [bestX, bestY] = [0, 0];

  const curvatureAt = ([x, y]: Point): [number, number] => {
    objective.hessian(x, y, hessian);
    return hessianEigenvalues(hessian);
  };

  const classify = (stall: Stall | undefined, status: FinishStatus | undefined): RunEvent[] => {
    if (!stall) return NONE;
    const { start, last } = stall;
    const best: Point = [bestX, bestY];
    const radius = o.stationaryRadius * (1 + length(bestX, bestY));
    const stationary = locateStationaryPoint(objective, bestX, bestY, {
      radius,
      gradientTolerance: 1e-6 * Math.max(largestGradient, Number.MIN_VALUE),
    });
    const point = stationary ?? best;
    const eigenvalues = curvatureAt(point);
    const finite = eigenvalues.every(Number.isFinite) ? eigenvalues : undefined;
    if (!stationary) return [event('plateau', start, last, point, finite)];
    const type = classifyStationaryPoint(eigenvalues, startCurvature ?? 0);
    const stayed = status === 'completed' || status === 'cancelled';
    return [event(type === 'minimum' && stayed ? 'converged' : type, start, last, point, finite)];
  };

  return {
    observe(step: number, x: number, y: number, loss: number, gradNorm: number): RunEvent[] {
      if (startCurvature === undefined) {
        const [low, high] = curvatureAt([x, y]);
        startCurvature = Number.isFinite(high) ? Math.max(Math.abs(low), Math.abs(high)) : 0;
      }
      largestGradient = Math.max(largestGradient, gradNorm);
      lowestLoss = Math.min(lowestLoss, loss);
      highestLoss = Math.max(highestLoss, loss);
      // The first point has none before it: it moved nowhere.
      const moved = Number.isNaN(previousX) ? 0 : length(x - previousX, y - previousY);
      previousX = x;
      previousY = y;
      const lossScale = Math.max(highestLoss - lowestLoss, Math.abs(loss));
      const ended = tracker.observe(step, loss, gradNorm, moved, lossScale, 1 + length(x, y));
      if (ended) return classify(ended, undefined);
      if (tracker.bestStep === step) [bestX, bestY] = [x, y];
      return NONE;
    },
    finish: (status: FinishStatus): RunEvent[] => classify(tracker.close(), status),
  };
}

// ---------------------------------------------------------------------------------------------
// Oscillation: successive steps reverse direction.

function createOscillationTracker(objective: Objective2D, o: PathEventOptions) {
  const hessian = new Float64Array(3);
  /** Ring buffer: the step of each reversal in the window, or -1. */
  const reversals = new Float64Array(o.oscillationWindow).fill(-1);
  /** The window's points, whose mean is where the zig-zag is centred when it is detected. */
  const windowX = new Float64Array(o.oscillationWindow);
  const windowY = new Float64Array(o.oscillationWindow);
  let reversalCount = 0;
  let count = 0;
  let [px, py, dx, dy] = [0, 0, 0, 0];
  let episode: { start: number; last: number; centre: Point } | undefined;

  const close = (): RunEvent[] => {
    const current = episode;
    episode = undefined;
    if (!current) return NONE;
    const { centre } = current;
    objective.hessian(centre[0], centre[1], hessian);
    const eigenvalues = hessianEigenvalues(hessian);
    const finite = eigenvalues.every(Number.isFinite) ? eigenvalues : undefined;
    return [event('oscillation', current.start, current.last, centre, finite)];
  };

  return {
    observe(step: number, x: number, y: number): RunEvent[] {
      const mx = x - px;
      const my = y - py;
      const moved = length(mx, my);
      const previousMove = length(dx, dy);
      // A step too small to see (rounding at convergence) reverses nothing.
      const visible = count > 0 && moved > 1e-12 * (1 + length(x, y));
      const reversed = visible && previousMove > 0 && mx * dx + my * dy < -0.5 * moved * previousMove;
      if (count > 0) {
        dx = visible ? mx : 0;
        dy = visible ? my : 0;
      }
      px = x;
      py = y;
      const slot = count++ % o.oscillationWindow;
      if (reversals[slot]! >= 0) reversalCount--;
      reversals[slot] = reversed ? step : -1;
      windowX[slot] = x;
      windowY[slot] = y;
      if (reversed) reversalCount++;
      const share = reversalCount / o.oscillationWindow;
      if (episode) {
        if (reversed) episode.last = step;
        return share < o.oscillationShare / 2 ? close() : NONE;
      }
      if (share >= o.oscillationShare) {
        // The zig-zag began two points before the first reversed step in the window.
        const first = Math.min(...Array.from(reversals).filter((s) => s >= 0));
        const filled = Math.min(count, o.oscillationWindow);
        const centre: Point = [mean(windowX.subarray(0, filled)), mean(windowY.subarray(0, filled))];
        episode = { start: Math.max(0, first - 2), last: step, centre };
      }
      return NONE;
    },
    finish: close,
  };
}

/** Math.hypot without its cost on every step; falls back to it only where squares overflow. */
function length(x: number, y: number): number {
  const l = Math.sqrt(x * x + y * y);
  return Number.isFinite(l) ? l : Math.hypot(x, y);
}

function mean(values: Float64Array): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

// ---------------------------------------------------------------------------------------------
// Exploding gradients: the norm leaps far above anything seen while the loss was improving.

function createExplosionTracker(o: PathEventOptions) {
  let lowestLoss = Infinity;
  let largestGradient = 0;
  /** Largest gradient norm up to the lowest loss so far. */
  let reference = 0;
  /** One event per blow-up: re-armed when the loss improves again. */
  let armed = true;
  return {
    observe(step: number, x: number, y: number, loss: number, gradNorm: number): RunEvent[] {
      largestGradient = Math.max(largestGradient, gradNorm);
      if (loss < lowestLoss) {
        lowestLoss = loss;
        reference = largestGradient;
        armed = true;
        return NONE;
      }
      if (!armed || reference === 0 || gradNorm < o.explosionFactor * reference) return NONE;
      armed = false;
      return [
        event('exploding_gradient', step, undefined, [x, y], undefined, { gradNorm, factor: gradNorm / reference }),
      ];
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Messages: one sentence each, for a student.

type MessageType = CriticalPointType | 'converged' | 'plateau' | 'oscillation' | 'exploding_gradient' | 'diverged';

function event(
  type: MessageType,
  step: number,
  endStep: number | undefined,
  point: Point,
  eigenvalues: [number, number] | undefined,
  growth?: { gradNorm: number; factor: number },
): RunEvent {
  return {
    type,
    step,
    ...(endStep !== undefined && { endStep }),
    point,
    ...(eigenvalues && { eigenvalues }),
    message: describe(type, formatPoint(point), growth),
  };
}

function describe(type: MessageType, at: string, growth?: { gradNorm: number; factor: number }): string {
  switch (type) {
    case 'converged':
      return `The path converged to a minimum at ${at}: the gradient vanished and the surface curves up in every direction.`;
    case 'minimum':
      return `The path lingered at a minimum ${at} before moving on: the gradient vanished there and the surface curves up in every direction.`;
    case 'saddle':
      return `The path stalled at a saddle point ${at}: the surface curves up one way and down the other, so the gradient vanishes without a minimum.`;
    case 'maximum':
      return `The path stalled at a maximum ${at}: the surface curves down in every direction, so the gradient vanishes on a hilltop, not in a minimum.`;
    case 'degenerate':
      return `The path stalled at a degenerate stationary point ${at}: the gradient vanishes and the surface is flat in at least one direction, so curvature cannot tell a minimum from a saddle.`;
    case 'plateau':
      return `The path crawled across a plateau near ${at}: the surface is almost flat there but no stationary point is near, so tiny gradients make tiny steps.`;
    case 'oscillation':
      return `The path zig-zagged around ${at}: each step overshot and reversed the one before, a sign that the steps are too large for the curvature there.`;
    case 'exploding_gradient':
      return `The gradient exploded at ${at}: its norm reached ${formatValue(growth!.gradNorm)}, ${formatValue(Math.round(growth!.factor))} times the largest seen while the loss was still improving, so the steps overshoot wildly.`;
    case 'diverged':
      return `The path diverged after ${at}: the loss or gradient stopped being a finite number, so the run stopped at its last finite point.`;
  }
}

function formatPoint([x, y]: Point): string {
  return `(${formatFixed(x, 2)}, ${formatFixed(y, 2)})`;
}
