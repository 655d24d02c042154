// The in-window menu bar as a keyboard user meets it (the ARIA menubar pattern): F10 or Alt moves
// to the bar, arrows move along it and through a menu, Home/End jump, a letter jumps, Enter runs,
// disabled items do not run, Escape closes the menu and then returns focus where it was.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MenuBar } from '../../../renderer/src/commands/MenuBar';
import { useCommand } from '../../../renderer/src/commands/registry';

function Harness({ newCode, undo }: { newCode: () => void; undo: () => void }) {
  useCommand('code.new', newCode, true);
  useCommand('edit.undo', undo, false);
  useCommand('project.new', vi.fn(), true);
  return (
    <>
      <MenuBar />
      <button type="button">Somewhere in the page</button>
    </>
  );
}

function setup() {
  const newCode = vi.fn();
  const undo = vi.fn();
  render(<Harness newCode={newCode} undo={undo} />);
  return { newCode, undo, user: userEvent.setup() };
}

const barItem = (name: string) => within(screen.getByRole('menubar')).getByRole('menuitem', { name });

describe('MenuBar', () => {
  it('shows the six menus, one tab stop', () => {
    setup();
    const items = within(screen.getByRole('menubar')).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['File', 'Edit', 'View', 'Code', 'Analyse', 'Help']);
    expect(items.filter((i) => i.tabIndex === 0)).toHaveLength(1);
  });

  it('is reached with F10, walked with the arrows, and runs a command with Enter', async () => {
    const { user, newCode } = setup();
    screen.getByRole('button', { name: 'Somewhere in the page' }).focus();
    await user.keyboard('{F10}');
    expect(barItem('File')).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(barItem('Code')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    const menu = screen.getByRole('menu', { name: 'Code' });
    expect(barItem('Code')).toHaveAttribute('aria-expanded', 'true');
    expect(within(menu).getByRole('menuitem', { name: 'New code' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(within(menu).getAllByRole('menuitem').at(-1)).toHaveFocus();
    await user.keyboard('{Home}{Enter}');
    expect(newCode).toHaveBeenCalledOnce();
    expect(screen.queryByRole('menu')).toBeNull();
    // Focus went back to where the user was before the menu bar.
    expect(screen.getByRole('button', { name: 'Somewhere in the page' })).toHaveFocus();
  });

  it('shows Undo disabled, and Enter on it does nothing', async () => {
    const { user, undo } = setup();
    await user.click(barItem('Edit'));
    const item = within(screen.getByRole('menu', { name: 'Edit' })).getByRole('menuitem', { name: 'Undo' });
    expect(item).toHaveAttribute('aria-disabled', 'true');
    expect(item).toHaveAttribute('aria-keyshortcuts');
    expect(item).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(undo).not.toHaveBeenCalled();
    expect(screen.getByRole('menu', { name: 'Edit' })).toBeInTheDocument();
  });

  it('moves between open menus with the arrows, jumps by letter, and closes step by step with Escape', async () => {
    const { user } = setup();
    const before = screen.getByRole('button', { name: 'Somewhere in the page' });
    before.focus();
    await user.keyboard('{F10}{Enter}');
    expect(screen.getByRole('menu', { name: 'File' })).toBeInTheDocument();
    await user.keyboard('e');
    expect(within(screen.getByRole('menu', { name: 'File' })).getByRole('menuitem', { name: 'Export codebook (CSV)' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('menu', { name: 'Help' })).toBeInTheDocument();
    expect(screen.queryByRole('menu', { name: 'File' })).toBeNull();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(barItem('Help')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(before).toHaveFocus();
  });

  it('opens on the last item with ArrowUp and closes when the user clicks elsewhere', async () => {
    const { user } = setup();
    await user.keyboard('{F10}{ArrowUp}');
    const items = within(screen.getByRole('menu', { name: 'File' })).getAllByRole('menuitem');
    expect(items.at(-1)).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Somewhere in the page' }));
    expect(screen.queryByRole('menu')).toBeNull();
  });
});

describe('MenuBar and the Alt key', () => {
  it('moves to the bar when Alt is pressed and released alone, and back when pressed again', async () => {
    const { user } = setup();
    const before = screen.getByRole('button', { name: 'Somewhere in the page' });
    before.focus();
    await user.keyboard('{Alt}');
    expect(barItem('File')).toHaveFocus();
    await user.keyboard('{Alt}');
    expect(before).toHaveFocus();
    // Alt as part of a combination does not.
    await user.keyboard('{Alt>}x{/Alt}');
    expect(before).toHaveFocus();
  });
});
