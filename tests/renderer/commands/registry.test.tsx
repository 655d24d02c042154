// The command registry: every catalogued command exists once with its public name; a command is
// disabled until a mounted component binds it, runs only while enabled, carries the owner's label
// ("Undo: delete code"), and unbinds when its owner unmounts (but not over a newer binding).
import { describe, expect, it, vi } from 'vitest';
import { act, render } from '@testing-library/react';
import { COMMANDS } from '../../../renderer/src/commands/catalogue';
import { bindCommand, currentCommands, runCommand, useCommand } from '../../../renderer/src/commands/registry';

const find = (id: string) => currentCommands().find((c) => c.id === id)!;

function Owner({ run, enabled, label }: { run: () => void; enabled: boolean; label?: string }) {
  useCommand('code.new', run, enabled, label);
  return null;
}

describe('command registry', () => {
  it('catalogues each command once, under the names the README uses', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const labels = COMMANDS.map((c) => c.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const name of ['New project', 'Import sources', 'Import codebook', 'Export codebook (CSV)', 'Export codebook (QDC)', 'Export coded segments (CSV)', 'More exports…', 'New code', 'Split into cases', 'Delete code', 'Find', 'Undo', 'Redo']) {
      expect(labels).toContain(name);
    }
  });

  it('runs a bound command while enabled, with its owner’s latest state and label', () => {
    const first = vi.fn();
    const second = vi.fn();
    expect(find('code.new').enabled).toBe(false);
    expect(runCommand('code.new')).toBe(false);

    const view = render(<Owner run={first} enabled={false} />);
    expect(runCommand('code.new')).toBe(false);
    view.rerender(<Owner run={first} enabled label="New code here" />);
    expect(find('code.new')).toMatchObject({ enabled: true, label: 'New code here' });
    view.rerender(<Owner run={second} enabled label="New code here" />);
    act(() => find('code.new').run());
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();

    view.unmount();
    expect(find('code.new')).toMatchObject({ enabled: false, label: 'New code' });
  });

  it('keeps a newer binding when an older owner goes away', () => {
    const older = bindCommand('code.delete', { run: vi.fn(), enabled: true });
    const newerRun = vi.fn();
    const newer = bindCommand('code.delete', { run: newerRun, enabled: true });
    act(() => older());
    expect(runCommand('code.delete')).toBe(true);
    expect(newerRun).toHaveBeenCalledOnce();
    act(() => newer());
    expect(find('code.delete').enabled).toBe(false);
  });

  it('refuses to bind a command the catalogue does not have', () => {
    expect(() => bindCommand('nope.never', { run: vi.fn(), enabled: true })).toThrow(/Unknown command/);
  });
});

describe('keys whose action checks for itself', () => {
  it('runs Undo from Ctrl+Z even while the menu still shows it disabled (the history may be a step ahead)', async () => {
    const { fireEvent } = await import('@testing-library/react');
    const { useCommandShortcuts } = await import('../../../renderer/src/commands/useCommandShortcuts');
    const undo = vi.fn();
    const newCode = vi.fn();
    function Keys() {
      useCommandShortcuts();
      useCommand('edit.undo', undo, false);
      return null;
    }
    render(<Keys />);
    const offNewCode = bindCommand('code.new', { run: newCode, enabled: false });
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(undo).toHaveBeenCalledOnce();
    act(() => offNewCode());
  });
});
