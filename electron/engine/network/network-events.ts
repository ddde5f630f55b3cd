import type { RunEvent } from '../../../shared/events';
import { formatValue } from '../../../shared/format-number';
import type { Activation } from '../../../shared/spec/network-spec';
import { StallTracker, type Stall } from '../stall-tracker';
import { classifyCurvature, type ExtremeCurvature } from './curvature';
import { denseLayerSlices, type DenseLayerSlice } from './param-layout';

/** What the detector sees at each point of a network run. */
export interface NetworkObservation {
  step: number;
  /** Loss over the training set, evaluation mode. */
  loss: number;
  gradNorm: number;
  /** Per dense layer (kernel and bias), input side first. */
  layerGradNorms: Float64Array;
  params: Float32Array;
  /** ReLU nets: per hidden layer, each unit's largest output over the training rows. */
  unitMaxima?: Float32Array[];
}

/** A layer's gradient this many times below a later layer's has vanished… */
const VANISHING_RATIO = 1e-3;
/** …as has one too small to move float32 weights at any sensible learning rate. */
const GRADIENT_FLOOR = 1e-8;
/**
 * A gradient norm of at least 1 that is this many times the initial one (counted as at least
 * 0.01, so a near-zero start does not count), or this many times the loss, is exploding.
 */
const EXPLODING_FACTOR = 1e3;
const EXPLODING_REFERENCE_FLOOR = 1e-2;
/** Relative loss change over a plateau window below which the loss counts as flat. */
const FLAT_CHANGE = 1e-3;
/** A plateau lasts at least this many plateau windows. */
const PLATEAU_WINDOWS = 3;
/** A run that ends flat above this fraction of its initial loss ended stuck on a plateau. */
const STUCK_FRACTION = 0.5;
/** Identical units: their values differ by at most this fraction of the largest of them. */
const SAME_UNIT_TOLERANCE = 1e-6;
/** Conditions must last this many steps (fewer in shorter runs) before they are reported. */
const MIN_STRETCH = 10;
/** A stall: the gradient small for this many steps (as for functions)… */
const STALL_WINDOW = 20;
/** …below this fraction of the largest gradient norm seen… */
const STALL_FRACTION = 1e-3;
/**
 * …or below this fraction of loss / (1 + |θ|): moving the whole length of θ would change the loss
 * by about 1%, which catches a run that starts at a saddle and never saw a large gradient.
 */
const STALL_FLATNESS = 1e-2;
/** …or no progress: over the window the loss and θ change by at most this fraction of |loss| and 1 + |θ|. */
const STALL_PROGRESS = 1e-6;
/** Each stall costs a Lanczos run: the first few of a run are classified. */
const MAX_CLASSIFIED_STALLS = 4;

export interface NetworkEventDetector {
  observe(point: NetworkObservation): RunEvent[];
  /** Closes what is still open when the run stops at `lastStep`; a stall open at a completed run's end at a minimum is convergence. */
  finish(lastStep: number, status?: 'completed' | 'diverged'): RunEvent[];
}

/** The Hessian's extreme eigenpairs at some parameters, for classifying stalls. */
export type CurvatureProbe = (params: Float32Array) => ExtremeCurvature;

/**
 * Gradient pathologies along a network run: vanishing and exploding gradients, hidden units kept
 * identical by a symmetric initialization, ReLU units that died, and plateaus. A condition that
 * lasts is reported once, when it ends (or the run does), with its first and last step.
 */
export function createNetworkEventDetector(
  sizes: readonly number[],
  activation: Activation,
  steps: number,
  curvatureAt?: CurvatureProbe,
): NetworkEventDetector {
  const layers = denseLayerSlices(sizes);
  const minStretch = Math.min(MIN_STRETCH, steps + 1);
  const plateauWindow = Math.max(MIN_STRETCH, Math.round(steps / 20));
  const losses: number[] = [];
  let initialGradNorm = 0;
  /** Last step of the last plateau reported, so the next one does not overlap it. */
  let plateauEnd = -1;

  const vanishing = new Stretch<{ layer: number; later: number; ratio: number }>();
  const exploding = new Stretch<{ peak: number }>();
  const plateau = new Stretch<undefined>();
  const symmetry = new SymmetryWatch(layers);
  const dead = new DeadUnitWatch(sizes);
  const stall = curvatureAt && new StallWatch(layers.at(-1)!.end, Math.min(STALL_WINDOW, steps + 1), curvatureAt);

  const vanishingEvent = (s: Closed<{ layer: number; later: number; ratio: number }>): RunEvent | undefined => {
    if (s.length < minStretch) return undefined;
    const { layer, later, ratio } = s.worst;
    const which = `hidden layer ${layer + 1}`;
    const cause =
      ratio > 0
        ? `was ${timesSmaller(ratio)} smaller than at the ${describeLayer(later, layers.length)}`
        : `fell below ${formatValue(GRADIENT_FLOOR)}, too small to move its weights`;
    return {
      type: 'vanishing_gradient',
      step: s.start,
      endStep: s.end,
      message: `${during(s)} the gradient reaching ${which} ${cause}, so the early layers barely learn; an initialization scaled to the layer sizes (glorot, he) or a ReLU activation helps.`,
    };
  };
  const explodingEvent = (s: Closed<{ peak: number }>): RunEvent => ({
    type: 'exploding_gradient',
    step: s.start,
    endStep: s.end,
    message: `${during(s)} the gradient norm reached ${formatValue(s.worst.peak)}, so each step can throw the weights far; a smaller learning rate or gradient clipping (clipNorm) tames it.`,
  });
  const plateauEvent = (s: Closed<undefined>, stuck: boolean): RunEvent => ({
    type: 'plateau',
    step: s.start,
    endStep: s.end,
    message: stuck
      ? `From step ${s.start} to the end the loss stayed near ${formatValue(losses[s.end]!)}: training is stuck on a plateau, where the gradient is too weak to make progress.`
      : `${during(s)} the loss stayed near ${formatValue(losses[s.end]!)}: a plateau, where the gradient is weak, before it fell again.`,
  });

  return {
    observe(point) {
      const events: RunEvent[] = [];
      const { step, loss, gradNorm, layerGradNorms } = point;
      losses.push(loss);
      if (step === 0) initialGradNorm = gradNorm;

      const worstVanishing = findVanishingLayer(layerGradNorms);
      if (worstVanishing) vanishing.hold(step, worstVanishing, (a, b) => (b.ratio < a.ratio ? b : a));
      else push(events, close(vanishing, vanishingEvent));

      const explodes =
        gradNorm >= 1 &&
        (gradNorm > EXPLODING_FACTOR * Math.max(initialGradNorm, EXPLODING_REFERENCE_FLOOR) ||
          gradNorm > EXPLODING_FACTOR * Math.abs(loss));
      if (explodes) exploding.hold(step, { peak: gradNorm }, (a, b) => (b.peak > a.peak ? b : a));
      else push(events, close(exploding, explodingEvent));

      const past = losses[step - plateauWindow];
      if (past !== undefined && Math.abs(loss - past) <= FLAT_CHANGE * Math.abs(past)) {
        // The flat stretch began a window before the first step that looks back over flat loss.
        plateau.hold(step, undefined, () => undefined, Math.max(step - plateauWindow, plateauEnd + 1));
      } else {
        const ended = plateau.close();
        if (ended && ended.length >= PLATEAU_WINDOWS * plateauWindow && loss < losses[ended.end]!) {
          events.push(plateauEvent(ended, false));
          plateauEnd = ended.end;
        }
      }

      push(events, ...symmetry.observe(point.params, step, minStretch));
      if (activation === 'relu' && point.unitMaxima) events.push(...dead.observe(point.unitMaxima, step));
      push(events, stall?.observe(point));
      return events;
    },
    finish(lastStep, status = 'completed') {
      const events: RunEvent[] = [];
      push(events, stall?.close(status === 'completed'));
      push(events, close(vanishing, vanishingEvent), close(exploding, explodingEvent));
      const openPlateau = plateau.close();
      const stuck = openPlateau && openPlateau.end === lastStep && losses[lastStep]! > STUCK_FRACTION * losses[0]!;
      if (stuck && openPlateau.length >= PLATEAU_WINDOWS * plateauWindow) {
        events.push(plateauEvent(openPlateau, true));
      }
      push(events, ...symmetry.finish(minStretch));
      return events.sort((a, b) => a.step - b.step);
    },
  };
}

export function divergedEvent(step: number): RunEvent {
  return {
    type: 'diverged',
    step,
    message: `At step ${step} the loss stopped being a finite number, so the run stopped and kept its last finite weights; a smaller learning rate or gradient clipping usually prevents this.`,
  };
}

/**
 * The hidden layer whose gradient has vanished most relative to the layers after it; failing
 * that, the earliest one whose gradient fell below the floor.
 */
function findVanishingLayer(norms: Float64Array): { layer: number; later: number; ratio: number } | undefined {
  let relative: { layer: number; later: number; ratio: number } | undefined;
  let belowFloor: { layer: number; later: number; ratio: number } | undefined;
  let laterMax = norms[norms.length - 1]!;
  let laterIndex = norms.length - 1;
  for (let l = norms.length - 2; l >= 0; l--) {
    const norm = norms[l]!;
    // An exactly zero gradient is symmetry or dead units, which their own events explain.
    if (norm > 0) {
      const ratio = laterMax > 0 ? norm / laterMax : 1;
      if (ratio < VANISHING_RATIO && (!relative || ratio < relative.ratio))
        relative = { layer: l, later: laterIndex, ratio };
      if (norm < GRADIENT_FLOOR) belowFloor = { layer: l, later: laterIndex, ratio: 0 };
    }
    if (norm > laterMax) {
      laterMax = norm;
      laterIndex = l;
    }
  }
  return relative ?? belowFloor;
}

type Closed<T> = { start: number; end: number; length: number; worst: T };

/** Consecutive steps on which a condition held, with the worst value seen. */
class Stretch<T> {
  private start = -1;
  private end = -1;
  private worst: T | undefined;

  /** The condition holds at `step`; a new stretch is dated from `from` (conditions that look back start earlier). */
  hold(step: number, value: T, pick: (a: T, b: T) => T, from = step): void {
    if (this.start < 0) {
      this.start = Math.max(0, from);
      this.worst = value;
    } else {
      this.worst = pick(this.worst as T, value);
    }
    this.end = step;
  }

  /** The condition stopped holding (or the run did): the stretch that ends here, if one was open. */
  close(): Closed<T> | undefined {
    if (this.start < 0) return undefined;
    const closed = { start: this.start, end: this.end, length: this.end - this.start + 1, worst: this.worst as T };
    this.start = -1;
    this.worst = undefined;
    return closed;
  }
}

/**
 * Stalls (stall-tracker.ts), classified by the Hessian's extreme eigenvalues where the gradient
 * was smallest, as function paths are: a saddle (negative curvature: the loss can still fall), a
 * minimum (or convergence, if the run ended there), or a degenerate point (flat directions, which
 * curvature alone cannot judge).
 */
class StallWatch {
  private readonly tracker: StallTracker;
  /** The parameters where the open stall's gradient was smallest, and the previous point's. */
  private readonly best: Float32Array;
  private readonly previous: Float32Array;
  private classified = 0;
  private started = false;

  constructor(
    size: number,
    window: number,
    private readonly curvatureAt: CurvatureProbe,
  ) {
    this.tracker = new StallTracker({
      window,
      fraction: STALL_FRACTION,
      flatness: STALL_FLATNESS,
      progress: STALL_PROGRESS,
    });
    this.best = new Float32Array(size);
    this.previous = new Float32Array(size);
  }

  observe({ step, loss, gradNorm, params }: NetworkObservation): RunEvent | undefined {
    // Every step of a run passes here over every parameter (784-128-10: 101,770), so the loops
    // read locals only: fields read per element made the pass 20-30% slower.
    const { previous } = this;
    let squared = 0;
    let movedSquared = 0;
    if (this.started) {
      for (let i = 0; i < params.length; i++) {
        const p = params[i]!;
        const move = p - previous[i]!;
        squared += p * p;
        movedSquared += move * move;
      }
    } else {
      // The first point has no previous one: it moved nowhere.
      for (let i = 0; i < params.length; i++) squared += params[i]! * params[i]!;
    }
    previous.set(params);
    this.started = true;
    const lengthScale = 1 + Math.sqrt(squared);
    const ended = this.tracker.observe(step, loss, gradNorm, Math.sqrt(movedSquared), Math.abs(loss), lengthScale);
    if (ended) return this.classify(ended, false);
    if (this.tracker.bestStep === step) this.best.set(params);
    return undefined;
  }

  /** The stall open when the run stops; `converged`: the run completed inside it. */
  close(converged: boolean): RunEvent | undefined {
    const stall = this.tracker.close();
    return stall && this.classify(stall, converged);
  }

  private classify(stall: Stall, converged: boolean): RunEvent | undefined {
    if (this.classified >= MAX_CLASSIFIED_STALLS) return undefined;
    this.classified++;
    const curvature = this.curvatureAt(this.best);
    const kind = classifyCurvature(curvature);
    const [low, high] = curvature.eigenvalues;
    const range = `the Hessian's eigenvalues run from ${formatValue(low)} to ${formatValue(high)}`;
    const when = converged ? `From step ${stall.start} to the end` : during({ start: stall.start, end: stall.last });
    const messages: Record<typeof kind, string> = {
      saddle: `${when} the gradient all but vanished at a saddle point: ${range}, so the loss still falls along some direction; momentum, gradient noise or a larger learning rate escapes sooner.`,
      minimum: converged
        ? `${when} the run settled in a minimum: the loss curves upward in every direction (${range}).`
        : `${when} the gradient all but vanished in a minimum (${range}) before training moved on.`,
      maximum: `${when} the gradient all but vanished at a maximum: the loss curves downward in every direction (${range}).`,
      degenerate: `${when} the gradient all but vanished where the loss is flat along some direction (${range}), often a symmetry of the network such as rescaling a unit's weights; curvature alone cannot tell a minimum from a saddle there.`,
    };
    return {
      type: kind === 'minimum' && converged ? 'converged' : kind,
      step: stall.start,
      endStep: stall.last,
      ...(Number.isFinite(low) && Number.isFinite(high) ? { eigenvalues: [low, high] } : {}),
      message: messages[kind],
    };
  }
}

/** Groups of hidden units that start identical (zeros or constant init), watched until they part. */
interface SymmetricGroup {
  layer: number;
  units: number[];
  since: number;
  last: number;
}

class SymmetryWatch {
  private groups: SymmetricGroup[] = [];
  private started = false;

  constructor(private readonly layers: DenseLayerSlice[]) {}

  observe(params: Float32Array, step: number, minStretch: number): (RunEvent | undefined)[] {
    if (!this.started) {
      this.started = true;
      for (let l = 0; l + 1 < this.layers.length; l++) {
        for (const units of identicalGroups(params, this.layers[l]!, this.layers[l + 1]!)) {
          this.groups.push({ layer: l, units, since: step, last: step });
        }
      }
      return [];
    }
    const events: (RunEvent | undefined)[] = [];
    this.groups = this.groups.filter((group) => {
      const [first, ...rest] = group.units;
      const same = rest.every((unit) =>
        sameUnit(params, this.layers[group.layer]!, this.layers[group.layer + 1]!, first!, unit),
      );
      if (same) group.last = step;
      else events.push(this.event(group, minStretch, false));
      return same;
    });
    return events;
  }

  /** Whole layers still symmetric at the end make one event between them. */
  finish(minStretch: number): (RunEvent | undefined)[] {
    const lasting = this.groups.filter((group) => group.last - group.since + 1 >= minStretch);
    const whole = lasting.filter(
      (group) => group.units.length === this.layers[group.layer]!.outputs && group.since === lasting[0]!.since,
    );
    if (whole.length < 2) return lasting.map((group) => this.event(group, minStretch, true));
    const { since, last } = whole[0]!;
    const merged: RunEvent = {
      type: 'symmetry',
      step: since,
      endStep: last,
      message: `In hidden layers ${listLayers(whole.map((group) => group.layer + 1))}, all the units of each layer started identical and stayed identical through step ${last}, so each layer computes a single feature; random initial weights break this symmetry.`,
    };
    return [
      merged,
      ...lasting.filter((group) => !whole.includes(group)).map((group) => this.event(group, minStretch, true)),
    ];
  }

  private event(group: SymmetricGroup, minStretch: number, open: boolean): RunEvent | undefined {
    if (group.last - group.since + 1 < minStretch) return undefined;
    const width = this.layers[group.layer]!.outputs;
    const which = group.units.length === width ? `All ${width} units` : `${group.units.length} of the ${width} units`;
    const until = open ? `through step ${group.last}` : `until step ${group.last}`;
    return {
      type: 'symmetry',
      step: group.since,
      endStep: group.last,
      message: `${which} of hidden layer ${group.layer + 1} started identical and stayed identical ${until}, so they compute one feature between them; random initial weights break this symmetry.`,
    };
  }
}

/** "1 to 6" for consecutive layers, "1, 3 and 4" otherwise. */
function listLayers(layers: number[]): string {
  if (layers.every((layer, i) => i === 0 || layer === layers[i - 1]! + 1)) return `${layers[0]} to ${layers.at(-1)}`;
  return `${layers.slice(0, -1).join(', ')} and ${layers.at(-1)}`;
}

/** Units of the layer `into` whose incoming weights, bias and outgoing weights (in `out`) are equal. */
function identicalGroups(params: Float32Array, into: DenseLayerSlice, out: DenseLayerSlice): number[][] {
  // Sort by a fingerprint so equal units are neighbours, then group runs of equal neighbours.
  const fingerprint = (unit: number): number => {
    let sum = params[into.biasOffset + unit]!;
    for (let i = 0; i < into.inputs; i++)
      sum += params[into.kernelOffset + i * into.outputs + unit]! * (1 + i / into.inputs);
    for (let o = 0; o < out.outputs; o++)
      sum += params[out.kernelOffset + unit * out.outputs + o]! * (2 + o / out.outputs);
    return sum;
  };
  const order = Array.from({ length: into.outputs }, (_, unit) => unit).sort((a, b) => fingerprint(a) - fingerprint(b));
  const groups: number[][] = [];
  let group = [order[0]!];
  for (const unit of order.slice(1)) {
    if (sameUnit(params, into, out, group[0]!, unit)) group.push(unit);
    else {
      if (group.length > 1) groups.push(group);
      group = [unit];
    }
  }
  if (group.length > 1) groups.push(group);
  return groups;
}

function sameUnit(params: Float32Array, into: DenseLayerSlice, out: DenseLayerSlice, a: number, b: number): boolean {
  // The unit's values: its bias, its incoming column, its outgoing row.
  const pairs = (visit: (x: number, y: number) => void): void => {
    visit(params[into.biasOffset + a]!, params[into.biasOffset + b]!);
    for (let i = 0; i < into.inputs; i++) {
      const row = into.kernelOffset + i * into.outputs;
      visit(params[row + a]!, params[row + b]!);
    }
    const rowA = out.kernelOffset + a * out.outputs;
    const rowB = out.kernelOffset + b * out.outputs;
    for (let o = 0; o < out.outputs; o++) visit(params[rowA + o]!, params[rowB + o]!);
  };
  let scale = 0;
  let difference = 0;
  pairs((x, y) => {
    scale = Math.max(scale, Math.abs(x), Math.abs(y));
    difference = Math.max(difference, Math.abs(x - y));
  });
  return difference <= SAME_UNIT_TOLERANCE * scale;
}

/** ReLU units that output zero on every training row; reported when a layer's count first rises, doubles, or reaches all. */
class DeadUnitWatch {
  private readonly reported: number[];

  constructor(private readonly sizes: readonly number[]) {
    this.reported = sizes.slice(1, -1).map(() => 0);
  }

  observe(unitMaxima: Float32Array[], step: number): RunEvent[] {
    const events: RunEvent[] = [];
    unitMaxima.forEach((maxima, l) => {
      const width = this.sizes[l + 1]!;
      let count = 0;
      for (const value of maxima) if (value <= 0) count++;
      const last = this.reported[l]!;
      if (count > 0 && (last === 0 || count >= 2 * last || (count === width && last < width))) {
        this.reported[l] = count;
        const which = count === width ? `All ${width} ReLU units` : `${count} of the ${width} ReLU units`;
        events.push({
          type: 'dead_units',
          step,
          message: `${which} of hidden layer ${l + 1} output zero for every training sample, so no gradient reaches them and they have stopped learning; a smaller learning rate, leaky_relu or he initialization helps.`,
        });
      }
    });
    return events;
  }
}

/** "At step 4" or "From step 4 to 9". */
function during({ start, end }: { start: number; end: number }): string {
  return start === end ? `At step ${start}` : `From step ${start} to ${end}`;
}

function describeLayer(layer: number, layers: number): string {
  return layer === layers - 1 ? 'output layer' : `hidden layer ${layer + 1}`;
}

/** "about 10⁷ times" */
function timesSmaller(ratio: number): string {
  const exponent = Math.round(-Math.log10(ratio));
  const superscript = String(exponent).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);
  return `about 10${superscript} times`;
}

function close<T>(stretch: Stretch<T>, describe: (closed: Closed<T>) => RunEvent | undefined): RunEvent | undefined {
  const closed = stretch.close();
  return closed && describe(closed);
}

function push(events: RunEvent[], ...candidates: (RunEvent | undefined)[]): void {
  for (const event of candidates) if (event) events.push(event);
}
