import { describe, expect, it } from 'vitest';
import { commandForKey, matchesAccelerator, type KeyPress } from '../../../renderer/src/commands/shortcut-keys';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe('keyboard shortcuts', () => {
  it('reads CmdOrCtrl as Ctrl off a Mac and Cmd on one', () => {
    expect(matchesAccelerator('CmdOrCtrl+S', press('s', { ctrlKey: true }), false)).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+S', press('s', { metaKey: true }), false)).toBe(false);
    expect(matchesAccelerator('CmdOrCtrl+S', press('s', { metaKey: true }), true)).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+S', press('s', { ctrlKey: true }), true)).toBe(false);
  });

  it('needs exactly the modifiers named', () => {
    expect(matchesAccelerator('CmdOrCtrl+Shift+E', press('E', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+E', press('E', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchesAccelerator('CmdOrCtrl+S', press('s', { ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(matchesAccelerator('Space', press(' '), false)).toBe(true);
  });

  it('finds the command of a shortcut, leaving plain typing keys to the page', () => {
    expect(commandForKey(press('o', { ctrlKey: true }), false)).toBe('open-session');
    expect(commandForKey(press('s', { metaKey: true }), true)).toBe('save-session');
    expect(commandForKey(press('E', { ctrlKey: true, shiftKey: true }), false)).toBe('export-video');
    expect(commandForKey(press('F1'), false)).toBe('show-formats');
    expect(commandForKey(press('f'), false)).toBeNull();
    expect(commandForKey(press(' '), false)).toBeNull();
    expect(commandForKey(press('s'), false)).toBeNull();
  });
});
