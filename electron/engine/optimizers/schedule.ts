import type { ScheduleSpec } from '../../../shared/spec/schedule-spec';

/**
 * The learning rate used at optimizer step t (0-based): torch's value after t calls to
 * scheduler.step(). Closed forms of torch's recursive updates, equal up to rounding.
 */
export function createSchedule(spec: ScheduleSpec | undefined, baseLr: number): (step: number) => number {
  if (!spec || spec.name === 'constant') return () => baseLr;
  const { warmupSteps, startFactor } = spec;
  const decay = decayAfterWarmup(spec, baseLr);
  // torch LinearLR(start_factor, end_factor=1, total_iters=warmupSteps); SequentialLR then
  // restarts the decay at its own step 0 from baseLr.
  return (step) =>
    step < warmupSteps ? baseLr * (startFactor + ((1 - startFactor) * step) / warmupSteps) : decay(step - warmupSteps);
}

function decayAfterWarmup(spec: Exclude<ScheduleSpec, { name: 'constant' }>, baseLr: number): (step: number) => number {
  switch (spec.name) {
    case 'warmup':
      return () => baseLr;
    case 'step':
      return (t) => baseLr * Math.pow(spec.gamma, Math.floor(t / spec.stepSize));
    case 'exponential':
      return (t) => baseLr * Math.pow(spec.gamma, t);
    case 'cosine':
      return (t) => spec.etaMin + ((baseLr - spec.etaMin) * (1 + Math.cos((Math.PI * t) / spec.tMax))) / 2;
  }
}
