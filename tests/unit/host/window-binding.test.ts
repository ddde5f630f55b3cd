import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { hostMessageSchema } from '../../../shared/protocol';
import { bindWindow, type WindowContents } from '../../../electron/host/window-binding';
import type { RunHost } from '../../../electron/host/run-host';

function fakeWindow(options: { destroyed?: boolean; gesture?: Promise<unknown>; url?: string } = {}) {
  const contents = Object.assign(new EventEmitter(), {
    send: vi.fn(),
    isDestroyed: () => options.destroyed ?? false,
    getURL: () => options.url ?? 'app://gradscape/index.html',
    executeJavaScript: vi.fn(() => options.gesture ?? Promise.resolve(0)),
  });
  const log = vi.fn();
  const binding = bindWindow(contents as unknown as WindowContents, {} as RunHost, 'channel', log);
  return { contents, binding, log };
}

describe('menu commands to a window', () => {
  it('sends a schema-valid command message on the host channel, after marking the page as touched by the user', async () => {
    const { contents, binding } = fakeWindow();
    binding.command('open-session');
    await vi.waitUntil(() => contents.send.mock.calls.length === 1);
    expect(contents.executeJavaScript).toHaveBeenCalledWith('0', true);
    const [channel, message] = contents.send.mock.calls[0]!;
    expect(channel).toBe('channel');
    expect(hostMessageSchema.parse(message)).toEqual({ type: 'command', command: 'open-session' });
  });

  it('sends nothing to a closed window, and says so when the page cannot take it', async () => {
    const closed = fakeWindow({ destroyed: true });
    closed.binding.command('save-session');
    const failing = fakeWindow({ gesture: Promise.reject(new Error('the page is loading')) });
    failing.binding.command('save-session');
    await vi.waitUntil(() => failing.log.mock.calls.length === 1);
    expect(failing.log).toHaveBeenCalledWith('could not send the command save-session: the page is loading');
    expect(closed.contents.executeJavaScript).not.toHaveBeenCalled();
    expect([closed.contents.send, failing.contents.send].map((send) => send.mock.calls.length)).toEqual([0, 0]);
  });

  it('hands no user gesture and no command to a page that is not the app', () => {
    const foreign = fakeWindow({ url: 'https://example.com/' });
    foreign.binding.command('open-session');
    expect(foreign.contents.executeJavaScript).not.toHaveBeenCalled();
    expect(foreign.contents.send).not.toHaveBeenCalled();
  });
});
