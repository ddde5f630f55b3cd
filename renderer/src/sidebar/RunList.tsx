import { useState } from 'react';
import { FINAL_STATUSES } from '../../../shared/protocol';
import { useAppStore } from '../store/app-store';
import type { RunEntry } from '../store/app-model';
import { StepReadout } from './StepReadout';

/** The run's name, renamed in place: Enter or leaving the field keeps it, Escape drops it. */
function RunName({ run }: { run: RunEntry }) {
  const [editing, setEditing] = useState(false);
  const renameRun = useAppStore((state) => state.renameRun);
  if (!editing) {
    return (
      <button
        type="button"
        className="run-name"
        onClick={() => setEditing(true)}
        aria-label={`Rename ${run.name}`}
        title="Rename"
      >
        {run.name}
      </button>
    );
  }
  const finish = (value: string | null): void => {
    if (value !== null) renameRun(run.id, value);
    setEditing(false);
  };
  return (
    <input
      className="run-name-input"
      aria-label={`New name for ${run.name}`}
      defaultValue={run.name}
      maxLength={80}
      autoFocus
      onBlur={(event) => finish(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') finish(event.currentTarget.value);
        if (event.key === 'Escape') finish(null);
      }}
    />
  );
}

const RUN_CONTROLS = {
  resume: { verb: 'Resume', glyph: '▶' },
  pause: { verb: 'Pause', glyph: '❚❚' },
  cancel: { verb: 'Cancel', glyph: '■' },
} as const;

/** Sends one control action to the run; its accessible name is the action and the run's name. */
function RunControlButton({
  run,
  action,
  disabled = false,
}: {
  run: RunEntry;
  action: keyof typeof RUN_CONTROLS;
  disabled?: boolean;
}) {
  const { verb, glyph } = RUN_CONTROLS[action];
  return (
    <button
      type="button"
      onClick={() => useAppStore.getState().controlRun(run.id, action)}
      disabled={disabled}
      aria-label={`${verb} ${run.name}`}
    >
      {glyph}
    </button>
  );
}

function RunRow({ run }: { run: RunEntry }) {
  const { removeRun, duplicateRun, toggleHidden } = useAppStore.getState();
  const active = !FINAL_STATUSES.has(run.status);
  return (
    <li className={`run${run.hidden ? ' run-hidden' : ''}`} data-run-id={run.id} data-status={run.status}>
      <span className="swatch" style={{ background: run.color }} aria-hidden="true" />
      <RunName run={run} />
      <span className="run-status" aria-label={`status of ${run.name}`}>
        {run.status}
      </span>
      <span className="run-progress">
        step {Math.max(run.count - 1, 0)}/{run.steps}
      </span>
      <span className="run-actions">
        {run.status === 'paused' ? (
          <RunControlButton run={run} action="resume" />
        ) : (
          <RunControlButton run={run} action="pause" disabled={!active} />
        )}
        <RunControlButton run={run} action="cancel" disabled={!active} />
        <button
          type="button"
          onClick={() => toggleHidden(run.id)}
          aria-pressed={!run.hidden}
          aria-label={`Show ${run.name} in the views`}
          title={run.hidden ? 'Show' : 'Hide'}
        >
          {run.hidden ? '◌' : '◉'}
        </button>
        <button
          type="button"
          onClick={() => duplicateRun(run.id)}
          aria-label={`Duplicate ${run.name} into the form`}
          title="Duplicate: load its settings into the form to change and run"
        >
          ⧉
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
