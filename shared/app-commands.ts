/** What the desktop menu asks the UI to do; the browser's keyboard shortcuts run the same commands. */
export const APP_COMMANDS = [
  'open-session',
  'save-session',
  'export-image',
  'export-video',
  'toggle-presentation',
  'toggle-playback',
  'show-3d',
  'show-2d',
  'show-split',
  'show-formats',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export interface CommandShortcut {
  /** Electron's accelerator syntax, which the menu shows and the browser's key handler matches. */
  accelerator: string;
  /**
   * A plain key that also types: the page handles it (never inside a text field), so the menu
   * only shows it and does not take it from the page.
   */
  pageKey?: true;
}

export const COMMAND_SHORTCUTS: Record<AppCommand, CommandShortcut> = {
  'open-session': { accelerator: 'CmdOrCtrl+O' },
  'save-session': { accelerator: 'CmdOrCtrl+S' },
  'export-image': { accelerator: 'CmdOrCtrl+E' },
  'export-video': { accelerator: 'CmdOrCtrl+Shift+E' },
  'toggle-presentation': { accelerator: 'F', pageKey: true },
  'toggle-playback': { accelerator: 'Space', pageKey: true },
  'show-3d': { accelerator: 'CmdOrCtrl+1' },
  'show-2d': { accelerator: 'CmdOrCtrl+2' },
  'show-split': { accelerator: 'CmdOrCtrl+3' },
  'show-formats': { accelerator: 'F1' },
};
