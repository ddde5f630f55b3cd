import { isAppUrl } from './window-security';

/** The parts of Electron's WebContents and Session the guards use, so tests can drive them with fakes. */
export interface PreventableEvent {
  preventDefault(): void;
}
export interface NavigationEvent extends PreventableEvent {
  url: string;
}
export interface GuardedContents {
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

/**
 * Keeps a web contents on our own UI: navigation of any frame (and redirects) only within
 * app://gradscape, no new windows, no webviews. main.ts applies it to every web contents
 * Electron creates.
 */
export function guardWebContents(contents: GuardedContents, log: (message: string) => void): void {
  const stayInApp = (event: NavigationEvent): void => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log(`denied navigation to ${event.url}`);
  };
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('denied a webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`denied a new window for ${url}`);
    return { action: 'deny' };
  });
}

/** The UI needs no camera, location, notifications or any other permission: every request and check is refused. */
export function denyPermissions(session: PermissionSession, log: (message: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied the permission "${permission}"`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}
