// axe-core on every main screen and dialog, in both themes: the opening screen with the sample
// project, each centre tab, the menu bar open, the command palette, the shortcuts sheet, the
// first-run tour, the code menu and the codings popover, and each dialog a user can open (new code,
// edit code, memo, split into cases, import sources, import codebook, exports, delete
// confirmations, new project). Any serious or critical violation fails the test, listed by rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, type OpenApp } from './support/browser';
import { seriousViolations } from './support/axe';
import { runCommand } from './support/commands';
import { selectPhrase, waitForPhrase } from './support/coding';
import { pickFiles } from './support/importing';
import { openCodebookImport } from './support/codebook';

const ARTICLE_PHRASE = 'The Harbour Street branch';

describe.each(['light', 'dark'] as const)('accessibility (axe-core), %s theme', (theme) => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;

  /** Closes whatever dialog is open with Escape and waits until no modal dialog is left. */
  async function closeDialog(): Promise<void> {
    await page.keyboard.press('Escape');
    await page.locator('dialog[open]').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    expect(await page.locator('dialog[open]').count()).toBe(0);
  }

  async function expectClean(): Promise<void> {
    expect(await seriousViolations(page)).toEqual([]);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, { tour: true });
    page = app.page;
    await page.emulateMedia({ colorScheme: theme });
    await waitForPhrase(page, ARTICLE_PHRASE);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('the opening screen, with the first-run tour, follows the system theme', async () => {
    await page.getByRole('dialog', { name: 'Welcome to Marginalia' }).waitFor();
    try {
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await expectClean();
    } finally {
      await page.getByRole('button', { name: 'Close tour' }).click();
    }
  });

  it('the Coded segments and Co-occurrence tabs', async () => {
    await page.getByRole('tab', { name: 'Coded segments' }).click();
    await page.getByRole('treeitem', { name: 'Digital access' }).click();
    await page.getByRole('tabpanel', { name: 'Coded segments' }).getByText('computer room').first().waitFor();
    await expectClean();
    await page.getByRole('tab', { name: 'Co-occurrence' }).click();
    await page.getByRole('tabpanel', { name: 'Co-occurrence' }).getByRole('table').waitFor();
    await expectClean();
    await page.getByRole('tab', { name: 'Document' }).click();
  });

  it('an open menu, the command palette and the shortcuts sheet', async () => {
    await page.getByRole('menubar').getByRole('menuitem', { name: 'View', exact: true }).click();
    await page.getByRole('menu', { name: 'View' }).waitFor();
    await expectClean();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    await expectClean();
    await closeDialog();
    await runCommand(page, 'Keyboard shortcuts');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await expectClean();
    await closeDialog();
  });

  it('the code menu at a selection and the codings popover', async () => {
    await selectPhrase(page, 'consolidate services');
    await expectClean();
    await page.keyboard.press('Escape');
    await page.getByText('computer room was booked').first().click();
    await page.locator('.codings-popover').waitFor();
    await expectClean();
    await page.keyboard.press('Escape');
  });

  it('New code, Edit code and Delete code', async () => {
    await runCommand(page, 'New code');
    await page.getByRole('dialog', { name: 'New code' }).waitFor();
    await expectClean();
    await closeDialog();
    await page.getByRole('treeitem', { name: 'Memory' }).click();
    await page.keyboard.press('F2');
    await page.locator('dialog[open]').waitFor();
    await expectClean();
    await closeDialog();
    await page.getByRole('treeitem', { name: 'Memory' }).click();
    await runCommand(page, 'Delete code');
    await page.locator('dialog[open]').waitFor();
    await expectClean();
    await closeDialog();
  });

  it('New memo, Split into cases and Delete source', async () => {
    await runCommand(page, 'New memo');
    await page.locator('dialog[open]').waitFor();
    await expectClean();
    await closeDialog();
    await runCommand(page, 'Split into cases');
    await page.locator('dialog[open]').waitFor();
    await expectClean();
    await closeDialog();
    await runCommand(page, 'Delete source');
    await page.locator('dialog[open]').waitFor();
    await expectClean();
    await closeDialog();
  });

  it('after some work: Undo named by its step, a memo listed, cases made by a split', async () => {
    await selectPhrase(page, 'consolidate services');
    await page.getByRole('listbox', { name: 'Apply code' }).getByRole('option').first().click();
    await page.getByRole('banner').getByRole('button', { name: /^Undo: / }).waitFor();
    await runCommand(page, 'New memo');
    const memo = page.locator('dialog[open]');
    await memo.getByLabel('Title').fill('Why the branch closes');
    await memo.getByLabel('Memo text (Markdown)').fill('The council says **money**; residents say distance.');
    await memo.getByRole('button', { name: 'Save memo' }).click();
    await page.getByRole('region', { name: 'Memos' }).getByText('Why the branch closes').waitFor();
    await runCommand(page, 'Split into cases');
    await page.locator('dialog[open]').getByRole('button', { name: 'Create cases' }).click();
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Cases' }).getByText('harbourmum').first().waitFor();
    await expectClean();
  });

  it('Import sources, Import codebook, More exports and New project', async () => {
    const dialog = await pickFiles(page, [{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('A short note.\n\nA second paragraph.') }]);
    await dialog.getByText('A short note.').first().waitFor();
    await expectClean();
    await closeDialog();
    await openCodebookImport(page, { name: 'codes.csv', buffer: Buffer.from('name,description\nTrust,When people trust\n') });
    await expectClean();
    await closeDialog();
    await runCommand(page, 'More exports…');
    await page.locator('dialog[open]').waitFor();
    await expectClean();
    await closeDialog();
    await runCommand(page, 'New project');
    await page.locator('dialog[open]').waitFor();
    await expectClean();
    await closeDialog();
  });
});
