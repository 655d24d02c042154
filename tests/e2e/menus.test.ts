// The menus in real Chromium through the browser build: every command is reached from the menu bar
// and from the command palette with the state the user expects (enabled, or disabled with nothing
// to act on), New code, Undo and Export codebook (CSV) run from there, and at 1280×720 the top bar
// stays one row inside the window.
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, readDownload, screenshot, type OpenApp } from './support/browser';
import { runCommand, runFromPalette } from './support/commands';
import { newProject, waitForPhrase } from './support/coding';
import { importFiles } from './support/importing';
import { COMMANDS } from '../../renderer/src/commands/catalogue';
import { POLL } from './support/poll';

/** What an empty project with no source open and no code selected can do. */
const DISABLED_IN_EMPTY_PROJECT = new Set([
  'Undo',
  'Redo',
  'Find',
  'Delete code',
  'Delete source',
  'Export original file',
  'Split into cases',
  'Show coded segments',
  // Nothing to act on: no code selected, no source open.
  'Assign shortcut…',
  'Active code mode',
  'Next coding',
  'Previous coding',
  'Next uncoded paragraph',
  // No filter set, no query drafted or run yet.
  'Save filter…',
  'Clear filter',
  'Save query…',
  'Code the result…',
]);

const bar = (page: Page) => page.getByRole('menubar', { name: 'Application menu' });

/** Each item of each menu as "label|disabled" lines, opened from the menu bar. */
async function menuItems(page: Page, menu: string): Promise<string[]> {
  await bar(page).getByRole('menuitem', { name: menu, exact: true }).click();
  const items = await page
    .getByRole('menu', { name: menu })
    // Toggles (View → Show other coders) are menuitemcheckbox items.
    .locator('[role="menuitem"], [role="menuitemcheckbox"]')
    .evaluateAll((els) => els.map((e) => `${e.querySelector('.menu-item-label')?.textContent}|${e.getAttribute('aria-disabled') === 'true'}`));
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  return items;
}

describe('menus and the command palette', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
    page = app.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await bar(page).waitFor();
    await newProject(page, 'Menus study');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('has File, Edit, View, Code, Analyse and Help in a one-row top bar at 1280×720', async () => {
    const names = await bar(page).getByRole('menuitem').allTextContents();
    expect(names).toEqual(['File', 'Edit', 'View', 'Code', 'Analyse', 'Help']);
    const boxes = await page.locator('header.project-bar > *:not([hidden])').evaluateAll((els) =>
      els
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.width > 0)
        .map((r) => ({ top: r.top, bottom: r.bottom, right: r.right })),
    );
    const header = (await page.locator('header.project-bar').boundingBox())!;
    // One row: every visible child sits within the first child's band, and nothing spills past the window.
    for (const box of boxes) {
      expect(box.top).toBeLessThan(boxes[0]!.bottom);
      expect(box.right).toBeLessThanOrEqual(1280);
    }
    expect(header.height).toBeLessThan(48);
    await screenshot(page, 'menus-top-bar-1280');
  });

  it('reaches every command from the menu bar, each enabled or disabled as the empty project allows', async () => {
    for (const menu of ['File', 'Edit', 'View', 'Code', 'Analyse', 'Help']) {
      const expected = COMMANDS.filter((c) => c.menu === menu).map((c) => `${c.label}|${DISABLED_IN_EMPTY_PROJECT.has(c.label)}`);
      expect(await menuItems(page, menu)).toEqual(expected);
    }
    await bar(page).getByRole('menuitem', { name: 'File', exact: true }).click();
    await screenshot(page, 'menus-file-open');
    await page.keyboard.press('Escape');
  });

  it('reaches every command from the palette, with the same states', async () => {
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Command palette' });
    await dialog.waitFor();
    const options = await dialog
      .getByRole('option')
      .evaluateAll((els) => els.map((e) => `${e.querySelector('.palette-label')?.textContent}|${e.getAttribute('aria-disabled') === 'true'}`));
    expect(options.sort()).toEqual(COMMANDS.map((c) => `${c.label}|${DISABLED_IN_EMPTY_PROJECT.has(c.label)}`).sort());
    await dialog.getByRole('combobox', { name: 'Command' }).fill('export');
    await screenshot(page, 'menus-palette');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), POLL).toBe(0);
  });

  it('runs New code from the Code menu, then Undo from the Edit menu names and undoes it', async () => {
    await runCommand(page, 'New code');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Trust');
    await dialog.getByRole('button', { name: 'Create code' }).click();
    await page.getByRole('treeitem', { name: 'Trust', exact: true }).waitFor();

    await expect.poll(async () => (await menuItems(page, 'Edit'))[0], POLL).toMatch(/^Undo: .*\|false$/);
    const [undo] = await menuItems(page, 'Edit');
    await runCommand(page, undo!.split('|')[0]!);
    await expect.poll(() => page.getByRole('treeitem', { name: 'Trust', exact: true }).count(), POLL).toBe(0);

    // Redo from the palette brings it back.
    await expect.poll(async () => (await menuItems(page, 'Edit'))[1], POLL).toMatch(/^Redo: .*\|false$/);
    const redo = (await menuItems(page, 'Edit'))[1]!.split('|')[0]!;
    await runFromPalette(page, redo);
    await page.getByRole('treeitem', { name: 'Trust', exact: true }).waitFor();
  });

  it('downloads the codebook from File → Export codebook (CSV)', async () => {
    const download = page.waitForEvent('download');
    await runCommand(page, 'Export codebook (CSV)');
    const csv = await readDownload(await download);
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.name)).toEqual(['Trust']);
  });

  it('opens the keyboard shortcuts sheet from Help and with "?"', async () => {
    await runCommand(page, 'Keyboard shortcuts');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => sheet.getByRole('cell', { name: 'Command palette' }).count(), POLL).toBe(1);
    await screenshot(page, 'menus-shortcuts-sheet');
    await sheet.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => sheet.count(), POLL).toBe(0);
    await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem').first().focus();
    await page.keyboard.press('?');
    await expect.poll(() => sheet.count(), POLL).toBe(1);
    await page.keyboard.press('Escape');
  });

  it('moves to the menu bar with F10 and runs a command with the keyboard alone', async () => {
    await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem').first().focus();
    await page.keyboard.press('F10');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), POLL).toBe('File');
    // Help is one step to the left of File; its first item is Keyboard shortcuts.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => sheet.count(), POLL).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count(), POLL).toBe(0);
  });

  it('cycles through the regions with F6 and Shift+F6', async () => {
    const regionOfFocus = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        const region = el?.closest('header.project-bar, section.panel, .centre-column, footer.status-bar');
        return region?.getAttribute('aria-label') ?? region?.className ?? 'none';
      });
    await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'Import sources' }).focus();
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('F6');
      seen.push(await regionOfFocus());
    }
    expect(seen).toEqual(['Memos', 'Cases', 'centre-column', 'Codebook', 'Status', 'project-bar']);
    await page.keyboard.press('Shift+F6');
    expect(await regionOfFocus()).toBe('Status');
    await expect.poll(() => page.getByRole('contentinfo', { name: 'Status' }).textContent(), POLL).toContain('All changes saved');
  });

  it('finds with Edit → Find, and Escape leaves the match selected for a digit to code it', async () => {
    await importFiles(page, [{ name: 'harbour.txt', mimeType: 'text/plain', buffer: Buffer.from('The harbour was quiet.\n\nNobody trusted the new ferry timetable at all.\n') }]);
    await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'harbour.txt', exact: true }).click();
    await waitForPhrase(page, 'ferry timetable');
    const status = page.getByRole('contentinfo', { name: 'Status' });
    await expect.poll(() => status.textContent(), POLL).toContain('0 codings in this source');

    await runCommand(page, 'Find');
    await page.getByRole('searchbox', { name: 'Find in document' }).fill('ferry timetable');
    await expect.poll(() => page.getByRole('search', { name: 'Find in document' }).getByRole('status').textContent(), POLL).toBe('1 of 1');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString()), POLL).toBe('ferry timetable');
    await page.keyboard.press('1');
    await expect.poll(() => status.textContent(), POLL).toContain('1 coding in this source');

    // Shift+F10 on the coded text opens "Codings here" with focus on its first Remove button.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+F10');
    const popover = page.getByRole('dialog', { name: 'Codings here' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), POLL)
      .toBe('Remove coding Trust');
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent(), POLL).toContain('0 codings in this source');
    await expect.poll(() => popover.count(), POLL).toBe(0);
  });

  it('offers a skip link as the first Tab stop, straight to the text of the open source', async () => {
    // A fresh page: Tab starts from the top of the document.
    await page.reload();
    await page.getByRole('region', { name: 'Codebook' }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the text' });
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement), POLL).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), POLL).toBe('Text of harbour.txt');
  });
});
