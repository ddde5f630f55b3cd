import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate, type MenuItemTemplate } from '../../../electron/host/app-menu';

const build = (platform: string) => {
  const send = vi.fn();
  return { menu: appMenuTemplate({ platform, send }), send };
};
const menuNamed = (menu: MenuItemTemplate[], label: string): MenuItemTemplate[] =>
  menu.find((entry) => entry.label === label)!.submenu!;
const itemNamed = (menu: MenuItemTemplate[], path: [string, string]): MenuItemTemplate =>
  menuNamed(menu, path[0]).find((entry) => entry.label === path[1])!;

describe('application menu', () => {
  it('has File, Edit, View, Window and Help on Linux and Windows, with Quit and About in them', () => {
    const { menu } = build('linux');
    expect(menu.map((entry) => entry.label ?? entry.role)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'Help']);
    expect(menuNamed(menu, 'File').map((entry) => entry.label ?? entry.type)).toEqual([
      'Open session…',
      'Save session',
      'separator',
      'Export image…',
      'Export video…',
      'separator',
      'Quit',
    ]);
    expect(itemNamed(menu, ['File', 'Quit'])).toMatchObject({ role: 'quit', accelerator: 'Ctrl+Q' });
    expect(menuNamed(menu, 'Help').map((entry) => [entry.label, entry.role])).toEqual([
      ['File formats', undefined],
      ['About Gradscape', 'about'],
    ]);
  });

  it('puts About and Quit in the application menu on macOS', () => {
    const { menu } = build('darwin');
    expect(menu[0]).toEqual({ role: 'appMenu' });
    expect(menuNamed(menu, 'File').some((entry) => entry.role === 'quit')).toBe(false);
    expect(menuNamed(menu, 'Help').some((entry) => entry.role === 'about')).toBe(false);
  });

  it('sends each item its command, with the shortcut the browser uses too', () => {
    const { menu, send } = build('linux');
    const expected: [string, string, string, string][] = [
      ['File', 'Open session…', 'CmdOrCtrl+O', 'open-session'],
      ['File', 'Save session', 'CmdOrCtrl+S', 'save-session'],
      ['File', 'Export image…', 'CmdOrCtrl+E', 'export-image'],
      ['File', 'Export video…', 'CmdOrCtrl+Shift+E', 'export-video'],
      ['View', 'Presentation mode', 'F', 'toggle-presentation'],
      ['View', 'Play/Pause', 'Space', 'toggle-playback'],
      ['View', '3D surface', 'CmdOrCtrl+1', 'show-3d'],
      ['View', '2D map', 'CmdOrCtrl+2', 'show-2d'],
      ['View', 'Side by side', 'CmdOrCtrl+3', 'show-split'],
      ['Help', 'File formats', 'F1', 'show-formats'],
    ];
    for (const [menuLabel, label, accelerator, command] of expected) {
      const item = itemNamed(menu, [menuLabel, label]);
      expect(item.accelerator).toBe(accelerator);
      send.mockClear();
      item.click!();
      expect(send).toHaveBeenCalledExactlyOnceWith(command);
    }
  });

  it('leaves plain keys that also type (F, Space) to the page: the menu shows them without taking them', () => {
    const { menu } = build('linux');
    expect(itemNamed(menu, ['View', 'Presentation mode']).registerAccelerator).toBe(false);
    expect(itemNamed(menu, ['View', 'Play/Pause']).registerAccelerator).toBe(false);
    expect(itemNamed(menu, ['File', 'Save session']).registerAccelerator).toBeUndefined();
  });
});
