import { describe, expect, it } from 'vitest';
import { RUN_STATUSES } from '../../../shared/protocol';
import { runRecordSchema } from '../../../shared/run-file';
import { RUN_FILE_STATUSES, SESSION_RUN_STATUSES, savedRunStatus } from '../../../shared/run-status';

describe('a run’s status as a file saves it', () => {
  it('a run file keeps how a run ended and saves every other state as cancelled', () => {
    const saved = Object.fromEntries(RUN_STATUSES.map((status) => [status, savedRunStatus(status, RUN_FILE_STATUSES)]));
    expect(saved).toEqual({
      queued: 'cancelled',
      running: 'cancelled',
      paused: 'cancelled',
      completed: 'completed',
      diverged: 'diverged',
      cancelled: 'cancelled',
      failed: 'cancelled',
    });
  });

  it('a session file also keeps a failed run', () => {
    const saved = Object.fromEntries(RUN_STATUSES.map((status) => [status, savedRunStatus(status, SESSION_RUN_STATUSES)]));
    expect(saved).toEqual({
      queued: 'cancelled',
      running: 'cancelled',
      paused: 'cancelled',
      completed: 'completed',
      diverged: 'diverged',
      cancelled: 'cancelled',
      failed: 'failed',
    });
  });

  it('every status a run file is given passes the run file’s schema', () => {
    const record = { name: 'r', loss: [1], gradNorm: [1], events: [] };
    for (const status of RUN_STATUSES) {
      expect(runRecordSchema.safeParse({ ...record, status: savedRunStatus(status, RUN_FILE_STATUSES) }).success).toBe(true);
    }
    expect(runRecordSchema.safeParse({ ...record, status: 'failed' }).success).toBe(false);
  });
});
