import { APP_COMMANDS, COMMAND_SHORTCUTS, type AppCommand } from '../../../shared/app-commands';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Whether a key press is an Electron accelerator ("CmdOrCtrl+Shift+E"): Cmd on a Mac, Ctrl elsewhere. */
export function matchesAccelerator(accelerator: string, press: KeyPress, mac: boolean): boolean {
  const parts = accelerator.split('+');
  const key = parts.pop()!;
  const wants = new Set(parts);
  const commandOrControl = wants.has('CmdOrCtrl');
  const ctrl = wants.has('Ctrl') || (commandOrControl && !mac);
  const meta = wants.has('Cmd') || (commandOrControl && mac);
  if (
    press.ctrlKey !== ctrl ||
    press.metaKey !== meta ||
    press.shiftKey !== wants.has('Shift') ||
    press.altKey !== wants.has('Alt')
  )
    return false;
  const pressed = press.key === ' ' ? 'Space' : press.key;
  return pressed.toUpperCase() === key.toUpperCase();
}

/** The command a key press asks for, leaving out the plain keys the page handles where it is focused (F, Space). */
export function commandForKey(press: KeyPress, mac: boolean): AppCommand | null {
  return (
    APP_COMMANDS.find((command) => {
      const shortcut = COMMAND_SHORTCUTS[command];
      return !shortcut.pageKey && matchesAccelerator(shortcut.accelerator, press, mac);
    }) ?? null
  );
}
