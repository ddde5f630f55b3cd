import type { RunStatus } from './schemas/run-status';

/** The states a run file records (docs/formats.md): how each run ended. */
export const RUN_FILE_STATUSES = ['completed', 'diverged', 'cancelled'] as const satisfies readonly RunStatus[];

/** A session file also keeps a failed run, beside its message. */
export const SESSION_RUN_STATUSES = [...RUN_FILE_STATUSES, 'failed'] as const satisfies readonly RunStatus[];

/**
 * A run's status as a file of these `statuses` saves it: its end state when the file keeps that
 * state, otherwise cancelled — a run that had not ended (queued, running, paused) cannot go on
 * once the file is reopened, and is shown as it was, stopped.
 */
export function savedRunStatus<S extends RunStatus>(status: RunStatus, statuses: readonly S[]): S | 'cancelled' {
  return (statuses as readonly RunStatus[]).includes(status) ? (status as S) : 'cancelled';
}
