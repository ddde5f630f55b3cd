import { NetworkRunFields } from '../network/NetworkRunFields';
import { useAppStore } from '../store/app-store';
import { NumberField } from './NumberField';
import { OptimizerFields } from './OptimizerFields';

const positiveInteger = (value: number): string | null =>
  Number.isInteger(value) && value >= 1 && value <= 1_000_000 ? null : 'a whole number from 1 to 1,000,000';

/** The next run: optimizer, steps, start point (typed, or a click on the surface) or initialization, live pace. */
export function RunPanel() {
  const draft = useAppStore((state) => state.draft);
  const connected = useAppStore((state) => state.bridge !== null);
  const kind = useAppStore((state) => state.kind);
  const { setOptimizer, updateDraft, startRun } = useAppStore.getState();
  return (
    <>
      <OptimizerFields value={draft.optimizer} onChange={setOptimizer} />
      <fieldset>
        <legend>Run</legend>
        <NumberField
          label="Steps"
          value={draft.steps}
          step={1}
          check={positiveInteger}
          onChange={(steps) => updateDraft({ steps })}
        />
        {kind === 'network' ? (
          <NetworkRunFields />
        ) : (
          <>
            <NumberField
              label="Start x"
              value={draft.start[0]}
              onChange={(x) => updateDraft({ start: [x, draft.start[1]] })}
            />
            <NumberField
              label="Start y"
              value={draft.start[1]}
              onChange={(y) => updateDraft({ start: [draft.start[0], y] })}
            />
          </>
        )}
        <NumberField
          label="Live pace (steps/s, 0 = full speed)"
          value={draft.pace}
          check={(value) => (value >= 0 ? null : 'must be 0 or more')}
          onChange={(pace) => updateDraft({ pace })}
        />
        {kind === 'function' && <p className="hint">Click the surface to choose the start.</p>}
        <button type="button" className="primary" onClick={startRun} disabled={!connected}>
          Run
        </button>
      </fieldset>
    </>
  );
}
