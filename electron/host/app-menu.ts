import { COMMAND_SHORTCUTS, type AppCommand } from '../../shared/app-commands';

/** The part of Electron's MenuItemConstructorOptions the menu uses, so it is built and tested without Electron. */
export interface MenuItemTemplate {
  label?: string;
  role?: 'appMenu' | 'about' | 'quit' | 'editMenu' | 'windowMenu' | 'toggleDevTools' | 'togglefullscreen';
  type?: 'separator';
  accelerator?: string;
  /** False: the menu shows the shortcut, the page handles the key (it also types). */
  registerAccelerator?: boolean;
  submenu?: MenuItemTemplate[];
  click?: () => void;
}

export interface AppMenuOptions {
  /** process.platform: macOS puts About and Quit in the application menu. */
  platform: string;
  /** Sends a command to the focused window's UI. */
  send(command: AppCommand): void;
}

const separator: MenuItemTemplate = { type: 'separator' };

/**
 * The application menu: File, Edit, View, Window, Help. Each of our items sends a command to the
 * UI, which carries it out as its keyboard shortcut would; the rest are Electron's roles.
 */
export function appMenuTemplate({ platform, send }: AppMenuOptions): MenuItemTemplate[] {
  const mac = platform === 'darwin';
  const item = (label: string, command: AppCommand): MenuItemTemplate => {
    const { accelerator, pageKey } = COMMAND_SHORTCUTS[command];
    return { label, accelerator, ...(pageKey ? { registerAccelerator: false } : {}), click: () => send(command) };
  };
  const file: MenuItemTemplate = {
    label: 'File',
    submenu: [
      item('Open session…', 'open-session'),
      item('Save session', 'save-session'),
      separator,
      item('Export image…', 'export-image'),
      item('Export video…', 'export-video'),
      ...(mac ? [] : [separator, { role: 'quit' as const, label: 'Quit', accelerator: 'Ctrl+Q' }]),
    ],
  };
  const view: MenuItemTemplate = {
    label: 'View',
    submenu: [
      item('Presentation mode', 'toggle-presentation'),
      item('Play/Pause', 'toggle-playback'),
      separator,
      item('3D surface', 'show-3d'),
      item('2D map', 'show-2d'),
      item('Side by side', 'show-split'),
      separator,
      { role: 'togglefullscreen' },
      { role: 'toggleDevTools' },
    ],
  };
  const help: MenuItemTemplate = {
    label: 'Help',
    submenu: [
      item('File formats', 'show-formats'),
      ...(mac ? [] : [{ role: 'about' as const, label: 'About Gradscape' }]),
    ],
  };
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    help,
  ];
}
