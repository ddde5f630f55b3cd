import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { join } from 'node:path';
import { IPC_CHANNELS } from '../shared/ipc-channels';
import { contentSecurityPolicy } from './host/content-security-policy';
import { RunHost } from './host/run-host';
import { readStaticFile } from './host/static-files';
import { bindWindow } from './host/window-binding';
import { APP_HOST, APP_SCHEME, APP_URL, isAppUrl, secureWebPreferences } from './host/window-security';

/** The Electron adapter: window, protocol, IPC. Its logic lives in host/, tested in Node. */
const distDir = join(__dirname, '..');
const log = (message: string): void => console.warn(`[gradscape] ${message}`);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

app.enableSandbox();
app.whenReady().then(() => {
  const host = new RunHost({ workerPath: join(distDir, 'worker.mjs'), log });
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? await readStaticFile(join(distDir, 'renderer'), url.pathname) : null;
    if (!file) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.contentType, 'Content-Security-Policy': contentSecurityPolicy() },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  const bindings = new Map<number, ReturnType<typeof bindWindow>>();
  ipcMain.on(IPC_CHANNELS.send, (event, raw: unknown) => {
    bindings.get(event.sender.id)?.receive(raw, event.senderFrame);
  });

  const createWindow = (): void => {
    const window = new BrowserWindow({
      width: 1440,
      height: 900,
      title: 'Gradscape',
      backgroundColor: '#0d1117',
      webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs')),
    });
    const contents = window.webContents;
    const id = contents.id;
    bindings.set(id, bindWindow(contents, host, IPC_CHANNELS.message, log));
    contents.on('destroyed', () => bindings.delete(id));
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    void window.loadURL(APP_URL);
    if (process.argv.includes('--smoke-test')) {
      // For tests where Electron exists: the page has the bridge and no Node, then quit.
      contents.once('did-finish-load', async () => {
        const ok = await contents.executeJavaScript("typeof window.gradscape?.send === 'function' && typeof require === 'undefined'");
        app.exit(ok ? 0 : 1);
      });
    }
  };
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    void host.close().then(() => app.quit());
  });
});
