// The command palette: Ctrl+K opens a dialog with a combobox over a listbox of every command;
// typing narrows the list, enabled commands first, disabled ones shown but not run; Enter runs the
// active one and closes the palette. The shortcuts sheet ("?") lists the registry's keys.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CommandSurfaces } from '../../../renderer/src/commands/CommandSurfaces';
import { useCommand } from '../../../renderer/src/commands/registry';
import { COMMANDS } from '../../../renderer/src/commands/catalogue';

function Harness({ newCode }: { newCode: () => void }) {
  useCommand('code.new', newCode, true);
  return (
    <>
      <CommandSurfaces />
      <button type="button">Somewhere in the page</button>
    </>
  );
}

describe('CommandPalette', () => {
  it('lists every command, filters by name and runs the chosen one', async () => {
    const newCode = vi.fn();
    const user = userEvent.setup();
    render(<Harness newCode={newCode} />);
    screen.getByRole('button', { name: 'Somewhere in the page' }).focus();
    await user.keyboard('{Control>}k{/Control}');
    const dialog = screen.getByRole('dialog', { name: 'Command palette' });
    const input = within(dialog).getByRole('combobox', { name: 'Command' });
    expect(input).toHaveFocus();
    expect(within(dialog).getAllByRole('option')).toHaveLength(COMMANDS.length);

    await user.type(input, 'code');
    const options = within(dialog).getAllByRole('option');
    expect(options[0]).toHaveAccessibleName('New code');
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    const deleteCode = within(dialog).getByRole('option', { name: 'Delete code' });
    expect(deleteCode).toHaveAttribute('aria-disabled', 'true');
    expect(input).toHaveAttribute('aria-activedescendant', options[0]!.id);

    await user.keyboard('{Enter}');
    expect(newCode).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull();
  });

  it('opens the shortcuts sheet with "?", listing the registry’s keys', async () => {
    const user = userEvent.setup();
    render(<Harness newCode={vi.fn()} />);
    screen.getByRole('button', { name: 'Somewhere in the page' }).focus();
    await user.keyboard('?');
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const command of COMMANDS.filter((c) => c.shortcut)) {
      expect(within(sheet).getByRole('cell', { name: command.label })).toBeInTheDocument();
    }
    expect(within(sheet).getByRole('cell', { name: 'Ctrl+Z' })).toBeInTheDocument();
  });
});
