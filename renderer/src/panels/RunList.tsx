import { FINAL_STATUSES } from '../../../shared/protocol';
import { useAppStore, type RunEntry } from '../store/app-store';
import { StepReadout } from './StepReadout';

function RunRow({ run }: { run: RunEntry }) {
  const { controlRun, removeRun } = useAppStore.getState();
  const active = !FINAL_STATUSES.has(run.status);
  return (
    <li className="run" data-run-id={run.id} data-status={run.status}>
      <span className="swatch" style={{ background: run.color }} aria-hidden="true" />
      <span className="run-name">{run.name}</span>
      <span className="run-status" aria-label={`status of ${run.name}`}>
        {run.status}
      </span>
      <span className="run-progress">
        step {Math.max(run.count - 1, 0)}/{run.steps}
      </span>
      <span className="run-actions">
        {run.status === 'paused' ? (
          <button type="button" onClick={() => controlRun(run.id, 'resume')} aria-label={`Resume ${run.name}`}>
            ▶
          </button>
        ) : (
          <button type="button" onClick={() => controlRun(run.id, 'pause')} disabled={!active} aria-label={`Pause ${run.name}`}>
            ❚❚
          </button>
        )}
        <button type="button" onClick={() => controlRun(run.id, 'cancel')} disabled={!active} aria-label={`Cancel ${run.name}`}>
          ■
        </button>
        <button type="button" onClick={() => removeRun(run.id)} aria-label={`Remove ${run.name}`}>
          ✕
        </button>
      </span>
      <StepReadout run={run} />
      {run.message && <span className="run-message">{run.message}</span>}
    </li>
  );
}

/** Every run on this surface with its status, controls and values at the playback step. */
export function RunList() {
  const runs = useAppStore((state) => state.runs);
  return (
    <section className="runs" aria-label="Runs">
      <h2>Runs</h2>
      {runs.length === 0 ? <p className="hint">No runs yet: press Run.</p> : null}
      <ul>
        {runs.map((run) => (
          <RunRow key={run.id} run={run} />
        ))}
      </ul>
    </section>
  );
}
