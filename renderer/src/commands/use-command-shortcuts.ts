import { useEffect } from 'react';
import { runCommand } from './command-registry';
import { commandForKey } from './shortcut-keys';

const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The menu's keyboard shortcuts in a browser, where there is no menu: Ctrl/Cmd+O opens a
 * session, Ctrl/Cmd+S saves it, and so on. In Electron the native menu owns them, so they are
 * not taken twice.
 */
export function useCommandShortcuts(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const mac = isMac();
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return;
      const command = commandForKey(event, mac);
      if (command && runCommand(command)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
