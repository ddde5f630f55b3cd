import { describe, expect, it } from 'vitest';
import { RUN_STATUSES } from '../../../shared/protocol';
import { runRecordSchema } from '../../../shared/run-file';
import { RUN_FILE_STATUSES, SESSION_RUN_STATUSES, savedRunStatus } from '../../../shared/run-status';

describe('a run’s status as a file saves it', () => {
  /** A run that had not ended cannot go on once reopened: every file saves it as cancelled. */
  const unended = { queued: 'cancelled', running: 'cancelled', paused: 'cancelled' };
  const ended = { completed: 'completed', diverged: 'diverged', cancelled: 'cancelled' };

  it.each([
    ['a run file saves a failed run as cancelled', RUN_FILE_STATUSES, 'cancelled'],
    ['a session file keeps a failed run', SESSION_RUN_STATUSES, 'failed'],
  ] as const)('%s, and keeps how every other run ended', (_, statuses, failed) => {
    const saved = Object.fromEntries(RUN_STATUSES.map((status) => [status, savedRunStatus(status, statuses)]));
    expect(saved).toEqual({ ...unended, ...ended, failed });
  });

  it('every status a run file is given passes the run file’s schema', () => {
    const record = { name: 'r', loss: [1], gradNorm: [1], events: [] };
    for (const status of RUN_STATUSES) {
      expect(runRecordSchema.safeParse({ ...record, status: savedRunStatus(status, RUN_FILE_STATUSES) }).success).toBe(
        true,
      );
    }
    expect(runRecordSchema.safeParse({ ...record, status: 'failed' }).success).toBe(false);
  });
});
