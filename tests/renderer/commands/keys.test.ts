// Which key presses run which commands: Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo (Cmd+Y
// is no redo on a Mac), plain letters and Alt combinations run nothing, "?" needs no Shift, and
// while typing in a text field only the palette's keys count.
import { describe, expect, it } from 'vitest';
import { acceleratorOf, ariaShortcut, formatShortcut } from '../../../renderer/src/commands/keys';
import { commandsOf } from '../../../renderer/src/commands/registry';
import { commandForKey } from '../../../renderer/src/commands/useCommandShortcuts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

const commands = commandsOf({});
const idFor = (k: ReturnType<typeof key>, typing = false) => commandForKey(commands, k, typing)?.id ?? null;

describe('command shortcuts', () => {
  it('maps the platform keys to undo and redo', () => {
    expect(idFor(key('z', { ctrlKey: true }))).toBe('edit.undo');
    expect(idFor(key('z', { metaKey: true }))).toBe('edit.undo');
    expect(idFor(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('edit.redo');
    expect(idFor(key('Z', { metaKey: true, shiftKey: true }))).toBe('edit.redo');
    expect(idFor(key('y', { ctrlKey: true }))).toBe('edit.redo');
  });

  it('ignores plain letters, Alt combinations and Cmd+Y', () => {
    expect(idFor(key('z'))).toBeNull();
    expect(idFor(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(idFor(key('y', { metaKey: true }))).toBeNull();
    expect(idFor(key('k'))).toBeNull();
  });

  it('opens the palette with Ctrl/Cmd+K or Ctrl/Cmd+Shift+P, even from a text field', () => {
    expect(idFor(key('k', { ctrlKey: true }), true)).toBe('view.palette');
    expect(idFor(key('P', { metaKey: true, shiftKey: true }), true)).toBe('view.palette');
  });

  it('opens the shortcuts sheet with "?" (typed with Shift) but not while typing', () => {
    expect(idFor(key('?', { shiftKey: true }))).toBe('help.shortcuts');
    expect(idFor(key('?', { shiftKey: true }), true)).toBeNull();
    expect(idFor(key('z', { ctrlKey: true }), true)).toBeNull();
  });

  it('shows shortcuts for the platform, for screen readers and for Electron', () => {
    expect(formatShortcut('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(formatShortcut('Mod+Shift+Z', true)).toBe('⇧⌘Z');
    expect(ariaShortcut('Mod+K', false)).toBe('Control+K');
    expect(ariaShortcut('Mod+K', true)).toBe('Meta+K');
    expect(acceleratorOf('Mod+Shift+Z')).toBe('CmdOrCtrl+Shift+Z');
    expect(acceleratorOf('?')).toBe('?');
  });
});
