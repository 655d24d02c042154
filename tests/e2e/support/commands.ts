// Running a command the way a user does: through the in-window menu bar (the browser build's
// File, Edit, View, Code, Analyse and Help menus), or through the command palette.
import type { Page } from 'playwright-core';
import { COMMANDS } from '../../../renderer/src/commands/catalogue';

/** The menu that holds a command; `name` may be a fuller label such as "Undo: delete code". */
export function menuOf(name: string): string {
  const spec = COMMANDS.find((c) => name === c.label || name.startsWith(`${c.label}:`));
  if (!spec) throw new Error(`No command is named “${name}”.`);
  return spec.menu;
}

/** Opens the menu holding `name` from the menu bar and clicks the item (waits until it is enabled). */
export async function runCommand(page: Page, name: string): Promise<void> {
  const menu = menuOf(name);
  await page.getByRole('menubar').getByRole('menuitem', { name: menu, exact: true }).click();
  const popup = page.getByRole('menu', { name: menu });
  // A toggle (View → Show other coders) is a menuitemcheckbox.
  await popup.getByRole('menuitem', { name, exact: true }).or(popup.getByRole('menuitemcheckbox', { name, exact: true })).click();
}

/** Opens the command palette with its shortcut, types `name` and runs the first match with Enter. */
export async function runFromPalette(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Command palette' });
  await dialog.getByRole('combobox', { name: 'Command' }).fill(name);
  await dialog.getByRole('option', { name, exact: true }).waitFor();
  await page.keyboard.press('Enter');
}
