import { useState } from 'react';
import { SelectField } from '../sidebar/SelectField';
import { useAppStore } from '../store/app-store';
import type { RunEntry } from '../store/app-model';
import { curvatureWords } from './curvature-words';

/**
 * Whether a run is at a minimum or a saddle of its full loss (not just of the slice) at its final
 * point or any checkpoint the user picks: the Hessian's extreme eigenvalues, as Lanczos found
 * them during training where it measured them, or as the workers compute them when asked.
 */
export function CurvatureReadout({ run }: { run: RunEntry }) {
  const curvature = run.checkpoints?.curvature;
  const steps = run.checkpoints ? Array.from(run.checkpoints.steps, String) : [];
  const last = steps.at(-1);
  const [chosen, setChosen] = useState<string | null>(null);
  const asked = useAppStore((state) => state.curvature[run.id]);
  const requestCurvature = useAppStore((state) => state.requestCurvature);
  if (!curvature || last === undefined) return null;
  const step = chosen !== null && steps.includes(chosen) ? chosen : last;
  const measured = Array.from(curvature.steps).indexOf(Number(step));
  const final = Number(step) === run.series.count - 1;
  const pick = (value: string): void => {
    setChosen(value);
    // The checkpoints the run measured answer at once; any other is asked of the workers.
    if (!curvature.steps.includes(Number(value))) requestCurvature(run.id, Number(value));
  };
  let words: string;
  if (measured >= 0) {
    words = curvatureWords(
      Number(step),
      final,
      [curvature.eigenvalues[2 * measured]!, curvature.eigenvalues[2 * measured + 1]!],
      curvature.kinds[measured]!,
    );
  } else if (asked?.step !== Number(step) || asked.status === 'computing') {
    words = `computing the Hessian's extreme eigenvalues at step ${step}…`;
  } else if (asked.status === 'failed') {
    words = `the curvature at step ${step} could not be computed: ${asked.message ?? 'unknown error'}`;
  } else {
    words = curvatureWords(Number(step), final, asked.eigenvalues!, asked.kind!);
  }
  return (
    <div className="landscape-curvature">
      {steps.length > 1 && (
        <SelectField
          label="Curvature at"
          value={step}
          options={steps}
          describe={(value) =>
            `step ${value}${value === last ? ' (last)' : ''}${curvature.steps.includes(Number(value)) ? '' : ' (computed when chosen)'}`
          }
          onChange={pick}
        />
      )}
      <p className="hint" aria-live="polite">
        {run.name}: {words}
      </p>
    </div>
  );
}
