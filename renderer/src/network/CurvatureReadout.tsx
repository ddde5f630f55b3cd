import { useState } from 'react';
import { SelectField } from '../panels/SelectField';
import type { RunEntry } from '../store/app-store';
import { curvatureWords } from './curvature-words';

/**
 * Whether a run ends at a minimum or a saddle of its full loss (not just of the slice): the
 * Hessian's extreme eigenvalues, as Lanczos found them during training, at its final point or
 * another checkpoint where they were computed.
 */
export function CurvatureReadout({ run }: { run: RunEntry }) {
  const curvature = run.checkpoints?.curvature;
  const steps = curvature ? Array.from(curvature.steps, String) : [];
  const last = steps.at(-1);
  const [chosen, setChosen] = useState<string | null>(null);
  if (!curvature || last === undefined) return null;
  const step = chosen !== null && steps.includes(chosen) ? chosen : last;
  const k = steps.indexOf(step);
  const final = Number(step) === run.series.count - 1;
  return (
    <div className="landscape-curvature">
      {steps.length > 1 && (
        <SelectField label="Curvature at" value={step} options={steps} describe={(value) => `step ${value}${value === last ? ' (last)' : ''}`} onChange={setChosen} />
      )}
      <p className="hint" aria-live="polite">
        {run.name}: {curvatureWords(Number(step), final, [curvature.eigenvalues[2 * k]!, curvature.eigenvalues[2 * k + 1]!], curvature.kinds[k]!)}
      </p>
    </div>
  );
}
