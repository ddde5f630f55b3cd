import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/ipc-channels';
import { contentSecurityPolicy } from '../../../electron/host/content-security-policy';
import { APP_URL, secureWebPreferences } from '../../../electron/host/window-security';

/** Electron as main.ts uses it, recording what main.ts asks of it (electron/fiddle's approach: main with electron mocked). */
const fake = vi.hoisted(() => ({
  ready: undefined as unknown as () => void,
  protocolHandler: undefined as unknown as (request: { url: string }) => Promise<Response>,
  schemes: [] as unknown[],
  windows: [] as {
    options: { webPreferences: unknown };
    webContents: FakeContents;
    loadURL: ReturnType<typeof vi.fn>;
  }[],
  permissionRequest: undefined as unknown as (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
  ) => void,
  sandbox: false,
  quit: undefined as unknown as ReturnType<typeof vi.fn>,
  log: [] as string[],
  menu: undefined as unknown as { label?: string; submenu?: { label?: string; click?: () => void }[] }[],
  willDownload: undefined as unknown as (event: unknown, item: unknown) => void,
}));
type FakeContents = EventEmitter & {
  id: number;
  send: ReturnType<typeof vi.fn>;
  openHandler?: (details: { url: string }) => { action: string };
};

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const app = Object.assign(new EventEmitter(), {
    enableSandbox: () => (fake.sandbox = true),
    whenReady: () => new Promise<void>((resolve) => (fake.ready = resolve)),
    quit: (fake.quit = vi.fn()),
    exit: vi.fn(),
    getPath: (name: string) => `/home/user/${name}`,
  });
  let nextId = 1;
  class BrowserWindow {
    readonly webContents: FakeContents;
    readonly loadURL = vi.fn(async () => {});
    constructor(readonly options: { webPreferences: unknown }) {
      this.webContents = Object.assign(new EventEmitter(), {
        id: nextId++,
        send: vi.fn(),
        isDestroyed: () => false,
        getURL: () => 'app://gradscape/index.html',
        executeJavaScript: vi.fn(async () => 0),
        setWindowOpenHandler(this: FakeContents, handler: FakeContents['openHandler']) {
          this.openHandler = handler;
        },
      });
      app.emit('web-contents-created', {}, this.webContents);
      fake.windows.push(this);
    }
    static getAllWindows = () => fake.windows;
    static getFocusedWindow = () => fake.windows[0] ?? null;
  }
  return {
    app,
    BrowserWindow,
    Menu: {
      buildFromTemplate: (template: typeof fake.menu) => template,
      setApplicationMenu: (menu: typeof fake.menu) => (fake.menu = menu),
    },
    ipcMain: new EventEmitter(),
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.schemes.push(...schemes),
      handle: (_scheme: string, handler: typeof fake.protocolHandler) => (fake.protocolHandler = handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof fake.permissionRequest) => (fake.permissionRequest = handler),
        setPermissionCheckHandler: () => {},
        on: (event: string, listener: typeof fake.willDownload) => {
          if (event === 'will-download') fake.willDownload = listener;
        },
      },
    },
  };
});

const electron = (await import('electron')) as unknown as { app: EventEmitter; ipcMain: EventEmitter };

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation((line: string) => fake.log.push(line));
  await import('../../../electron/main');
  fake.ready();
  await vi.waitUntil(() => fake.windows.length === 1);
});

describe('electron/main.ts with Electron mocked', () => {
  it('turns on the sandbox and registers app:// as a standard, secure scheme before the app is ready', () => {
    expect(fake.sandbox).toBe(true);
    expect(fake.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
  });

  it('opens one window with the secure web preferences, on app://gradscape', () => {
    const [window] = fake.windows;
    const preferences = window!.options.webPreferences as ReturnType<typeof secureWebPreferences>;
    expect(preferences).toEqual(secureWebPreferences(preferences.preload));
    expect(preferences.preload).toMatch(/preload\.cjs$/);
    expect(window!.loadURL).toHaveBeenCalledWith(APP_URL);
  });

  it('guards every web contents Electron creates: navigation, new windows, webviews', () => {
    const contents = fake.windows[0]!.webContents;
    const preventDefault = vi.fn();
    contents.emit('will-frame-navigate', { url: 'https://evil.example/', preventDefault });
    contents.emit('will-attach-webview', { preventDefault });
    expect(preventDefault).toHaveBeenCalledTimes(2);
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(fake.log).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/denied navigation to https:\/\/evil\.example/),
        expect.stringMatching(/denied a webview/),
      ]),
    );
  });

  it('refuses permissions and serves the UI only with the CSP', async () => {
    const callback = vi.fn();
    fake.permissionRequest({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const page = await fake.protocolHandler({ url: 'app://gradscape/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect((await fake.protocolHandler({ url: 'app://elsewhere/index.html' })).status).toBe(404);
  });

  it('passes IPC to the host only from the main frame of our UI', () => {
    const contents = fake.windows[0]!.webContents;
    const sender = { id: contents.id };
    const message = { type: 'cancel', runId: 'nothing' };
    electron.ipcMain.emit(
      IPC_CHANNELS.send,
      { sender, senderFrame: { url: 'https://evil.example/', parent: null } },
      message,
    );
    electron.ipcMain.emit(IPC_CHANNELS.send, { sender, senderFrame: { url: APP_URL, parent: {} } }, message);
    electron.ipcMain.emit(
      IPC_CHANNELS.send,
      { sender: { id: 999 }, senderFrame: { url: APP_URL, parent: null } },
      message,
    );
    expect(contents.send).not.toHaveBeenCalled();
    electron.ipcMain.emit(IPC_CHANNELS.send, { sender, senderFrame: { url: APP_URL, parent: null } }, message);
    // The host answered: the message reached it, and was validated there.
    expect(contents.send).toHaveBeenCalledExactlyOnceWith(IPC_CHANNELS.message, {
      type: 'error',
      message: 'no active run "nothing"',
    });
  });

  it("sets the application menu, whose items send their command to the focused window's UI", async () => {
    const contents = fake.windows[0]!.webContents;
    contents.send.mockClear();
    const file = fake.menu.find((menu) => menu.label === 'File')!;
    file.submenu!.find((item) => item.label === 'Save session')!.click!();
    await vi.waitUntil(() => contents.send.mock.calls.length === 1);
    expect(contents.send).toHaveBeenCalledWith(IPC_CHANNELS.message, { type: 'command', command: 'save-session' });
  });

  it("asks where to save each of the UI's downloads, in the downloads folder", () => {
    const item = {
      getURL: () => 'blob:app://gradscape/1234',
      getFilename: () => 'himmelblau.gradscape.json',
      cancel: vi.fn(),
      setSaveDialogOptions: vi.fn(),
    };
    fake.willDownload({}, item);
    expect(item.setSaveDialogOptions).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: '/home/user/downloads/himmelblau.gradscape.json' }),
    );
    expect(item.cancel).not.toHaveBeenCalled();
  });

  it('closes the host and quits when the last window closes', async () => {
    electron.app.emit('window-all-closed');
    await vi.waitUntil(() => fake.quit.mock.calls.length === 1);
  });
});
