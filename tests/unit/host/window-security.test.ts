import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/host/content-security-policy';
import type { RunHost } from '../../../electron/host/run-host';
import { bindWindow, type WindowContents } from '../../../electron/host/window-binding';
import { isAppUrl, isTrustedSender, secureWebPreferences } from '../../../electron/host/window-security';

describe('window security', () => {
  it('turns on isolation and the sandbox and keeps Node out of the page', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('has a CSP that allows only our own scripts, no eval, and no remote hosts', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/'unsafe-eval'|https?:|\*/);
    expect(contentSecurityPolicy('ws://127.0.0.1:5000')).toContain("connect-src 'self' ws://127.0.0.1:5000");
  });

  it('trusts only the main frame of app://gradscape', () => {
    expect(isAppUrl('app://gradscape/index.html')).toBe(true);
    for (const url of [
      'https://gradscape/index.html',
      'app://evil/index.html',
      'file:///etc/passwd',
      'not a url',
      undefined,
    ]) {
      expect(isAppUrl(url)).toBe(false);
    }
    expect(isTrustedSender({ url: 'app://gradscape/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://gradscape/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('window binding', () => {
  function fakeWindow() {
    const emitter = new EventEmitter();
    const contents = Object.assign(emitter, { send: vi.fn(), isDestroyed: () => false }) as unknown as WindowContents &
      EventEmitter;
    const received: unknown[] = [];
    const closed = vi.fn();
    const host = {
      connect: vi.fn(() => ({ receive: (raw: unknown) => received.push(raw), close: closed })),
    } as unknown as RunHost;
    return { contents, host, received, closed };
  }

  it('drops IPC from foreign senders and forwards our own', () => {
    const { contents, host, received } = fakeWindow();
    const log = vi.fn();
    const binding = bindWindow(contents, host, 'gradscape:message', log);
    binding.receive({ type: 'cancel', runId: 'a' }, { url: 'https://evil.example/', parent: null });
    expect(received).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/untrusted sender/));
    binding.receive({ type: 'cancel', runId: 'a' }, { url: 'app://gradscape/index.html', parent: null });
    expect(received).toEqual([{ type: 'cancel', runId: 'a' }]);
  });

  it('cancels the window’s runs on reload, crash and close', () => {
    const { contents, host, closed } = fakeWindow();
    const binding = bindWindow(contents, host, 'gradscape:message', () => {});
    const trusted = { url: 'app://gradscape/index.html', parent: null };
    binding.receive({}, trusted);
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    expect(closed).not.toHaveBeenCalled();
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    expect(closed).toHaveBeenCalledTimes(1);
    binding.receive({}, trusted);
    contents.emit('render-process-gone');
    expect(closed).toHaveBeenCalledTimes(2);
    binding.receive({}, trusted);
    contents.emit('destroyed');
    expect(closed).toHaveBeenCalledTimes(3);
  });
});
