import { describe, expect, it } from 'vitest';
import { APP_COMMANDS } from '../../../shared/app-commands';
import { describeIssue } from '../../../shared/describe-issue';
import { hostMessageSchema, workerMessageSchema } from '../../../shared/protocol';

describe('command messages', () => {
  it('accepts every app command from the host', () => {
    for (const command of APP_COMMANDS)
      expect(hostMessageSchema.parse({ type: 'command', command })).toEqual({ type: 'command', command });
  });

  it('rejects an unknown command or an extra field, naming it', () => {
    const unknown = hostMessageSchema.safeParse({ type: 'command', command: 'format-disk' });
    expect(unknown.success).toBe(false);
    expect(describeIssue(unknown.error!)).toMatch(/command/);
    const extra = hostMessageSchema.safeParse({ type: 'command', command: 'save-session', path: '/etc/passwd' });
    expect(extra.success).toBe(false);
    expect(describeIssue(extra.error!)).toMatch(/path/);
  });

  it('is not a message a worker may send', () => {
    expect(workerMessageSchema.safeParse({ type: 'command', command: 'save-session' }).success).toBe(false);
  });
});
