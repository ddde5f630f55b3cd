import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  denyPermissions,
  guardWebContents,
  type GuardedContents,
  type PermissionSession,
} from '../../../electron/host/window-guards';

/** A web contents as the guards see it: events to emit and the window-open handler they install. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
  }) as unknown as GuardedContents & EventEmitter;
  const log = vi.fn();
  guardWebContents(contents, log);
  const attempt = (event: string, url?: string): boolean => {
    const preventDefault = vi.fn();
    contents.emit(event, { url, preventDefault });
    return preventDefault.mock.calls.length > 0;
  };
  return { attempt, open: (url: string) => openHandler!({ url }), log };
}

const FOREIGN = [
  'https://evil.example/',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'app://evil/index.html',
  'app://gradscape.evil.example/index.html',
  'app://gradscape@evil.example/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'devtools://devtools/bundled/inspector.html',
  '',
];

describe('window guards', () => {
  it.each(FOREIGN)('deny navigating any frame, or redirecting, to %j', (url) => {
    const { attempt, log } = fakeContents();
    expect(attempt('will-frame-navigate', url)).toBe(true);
    expect(attempt('will-redirect', url)).toBe(true);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('denied navigation'));
  });

  it('let the UI move within app://gradscape', () => {
    const { attempt } = fakeContents();
    expect(attempt('will-frame-navigate', 'app://gradscape/index.html')).toBe(false);
    expect(attempt('will-frame-navigate', 'app://gradscape/index.html?run=a#top')).toBe(false);
    expect(attempt('will-redirect', 'app://gradscape/')).toBe(false);
  });

  it.each([...FOREIGN, 'app://gradscape/index.html'])('deny every new window, even for %j', (url) => {
    const { open, log } = fakeContents();
    expect(open(url)).toEqual({ action: 'deny' });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('denied a new window'));
  });

  it('deny webviews', () => {
    expect(fakeContents().attempt('will-attach-webview')).toBe(true);
  });

  it('deny every permission request and check', () => {
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | undefined;
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | undefined;
    denyPermissions(
      { setPermissionRequestHandler: (h) => (request = h), setPermissionCheckHandler: (h) => (check = h) },
      () => {},
    );
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fullscreen',
      'unknown',
    ]) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(check!({}, permission)).toBe(false);
    }
  });
});
