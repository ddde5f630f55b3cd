import { app, BrowserWindow, ipcMain, Menu, protocol, session } from 'electron';
import { join } from 'node:path';
import type { AppCommand } from '../shared/app-commands';
import { IPC_CHANNELS } from '../shared/ipc-channels';
import { appMenuTemplate } from './host/app-menu';
import { answerAppRequest } from './host/app-protocol';
import { askWhereToSave } from './host/download-dialog';
import { outsideAsar } from './host/packaged-paths';
import { RunHost } from './host/run-host';
import { bindWindow, type WindowBinding } from './host/window-binding';
import { denyPermissions, guardWebContents } from './host/window-guards';
import { APP_SCHEME, APP_URL, secureWebPreferences } from './host/window-security';

/** The Electron adapter: window, protocol, IPC. Its logic lives in host/, tested in Node. */
const distDir = join(__dirname, '..');
const log = (message: string): void => console.warn(`[gradscape] ${message}`);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();
// Every web contents, the window's and any other, stays on our UI.
app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log));

app.whenReady().then(() => {
  const host = new RunHost({ workerPath: outsideAsar(join(distDir, 'worker.mjs')), log });
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(request.url, join(distDir, 'renderer')));
  denyPermissions(session.defaultSession, log);
  askWhereToSave(session.defaultSession, () => app.getPath('downloads'), log);

  const bindings = new Map<number, WindowBinding>();
  ipcMain.on(IPC_CHANNELS.send, (event, raw: unknown) => {
    bindings.get(event.sender.id)?.receive(raw, event.senderFrame);
  });
  const sendCommand = (command: AppCommand): void => {
    const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    if (window) bindings.get(window.webContents.id)?.command(command);
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ platform: process.platform, send: sendCommand })));

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
    void window.loadURL(APP_URL);
    if (process.argv.includes('--smoke-test')) {
      // For tests where Electron exists: the page has the bridge and no Node, then quit.
      contents.once('did-finish-load', async () => {
        const ok = await contents.executeJavaScript(
          "typeof window.gradscape?.send === 'function' && typeof require === 'undefined'",
        );
        app.exit(ok ? 0 : 1);
      });
    }
  };
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    void host.close().then(() => app.quit());
  });
});
