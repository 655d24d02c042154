// Which key presses undo and redo: Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo; plain
// letters, Alt combinations and Cmd+Y (not a redo on a Mac) do nothing.
import { describe, expect, it } from 'vitest';
import { undoShortcutOf } from '../../../renderer/src/app/useUndoShortcuts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('undo shortcuts', () => {
  it('maps the platform keys to undo and redo', () => {
    expect(undoShortcutOf(key('z', { ctrlKey: true }))).toBe('undo');
    expect(undoShortcutOf(key('z', { metaKey: true }))).toBe('undo');
    expect(undoShortcutOf(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(undoShortcutOf(key('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(undoShortcutOf(key('y', { ctrlKey: true }))).toBe('redo');
  });

  it('ignores everything else', () => {
    expect(undoShortcutOf(key('z'))).toBeNull();
    expect(undoShortcutOf(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(undoShortcutOf(key('y', { metaKey: true }))).toBeNull();
    expect(undoShortcutOf(key('1', { ctrlKey: true }))).toBeNull();
  });
});
