// axe-core on the analysis tabs and every dialog not covered by ./accessibility.test.ts, in both
// themes, and focus coming back where it came from after each one closes: with Escape and with its
// Cancel / Close / Done button, focus is on the control that opened it (a button, a code in the
// tree, or, for a command run from the menu bar, the control that had focus before the menu).
// The dialogs: every <Modal> in renderer/src and the popovers (palette, menus, code menu, Codings
// here); the tabs: Crosstab, Frequencies, Search, Queries and Agreement (with two coders' codings).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openApp, type OpenApp } from './support/browser';
import { seriousViolations } from './support/axe';
import { runCommand } from './support/commands';
import { selectPhrase, waitForPhrase } from './support/coding';
import { focusOn, focusWithin } from './support/focus';
import { POLL } from './support/poll';
import { INTERVIEW_NAME, teamProject } from './support/teamFixture';

const ARTICLE_PHRASE = 'The Harbour Street branch';
const CLOSE = /^(Cancel|Close|Done)$/;
const TEAM = 'Bus route (a11y)';

/** How many Tab stops `list` holds: controls in the Tab order, enabled and shown. */
function tabStops(list: Locator): Promise<number> {
  return list.evaluate(
    (root) =>
      [root, ...root.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [tabindex]')].filter(
        (el) => el instanceof HTMLElement && el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
      ).length,
  );
}

describe.each(['light', 'dark'] as const)('every tab and dialog: axe-core clean, focus back where it came from (%s theme)', (theme) => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;

  const region = (name: string): Locator => page.getByRole('region', { name, exact: true });
  // The disagreements are a named group inside the Agreement region (one region per name).
  const disagreements = (): Locator => page.getByRole('group', { name: 'Disagreements', exact: true });

  async function expectClean(what: string): Promise<void> {
    expect(await seriousViolations(page), `${what} (${theme} theme)`).toEqual([]);
  }

  async function expectFocusOn(invoker: Locator, what: string): Promise<void> {
    await expect.poll(() => focusOn(invoker), { ...POLL, message: `focus after ${what}` }).toBe('the invoker');
  }

  /**
   * Opens the dialog named `name` with `open` (focus is on `invoker` first), checks it with axe,
   * closes it with Escape, then opens it again and closes it with its Cancel / Close / Done
   * button (or `closeName`); after each close, focus must be back on `invoker`.
   */
  async function dialogRound(name: string | RegExp, invoker: Locator, open: () => Promise<void>, options: { closeName?: string | RegExp; axe?: boolean } = {}): Promise<void> {
    const dialog = page.getByRole('dialog', { name });
    // A button is pressed once it is enabled (a search's Auto-code… waits for the hits).
    await expect.poll(() => invoker.isEnabled(), POLL).toBe(true);
    await invoker.focus();
    await open();
    await dialog.waitFor();
    if (options.axe !== false) await expectClean(`the “${String(name)}” dialog`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectFocusOn(invoker, `Escape in “${String(name)}”`);
    await invoker.focus();
    await open();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: options.closeName ?? CLOSE }).last().click();
    await dialog.waitFor({ state: 'detached' });
    await expectFocusOn(invoker, `the close button of “${String(name)}”`);
  }

  /** A dialog opened by pressing Enter on a button. */
  function fromButton(name: string | RegExp, button: Locator, options: { closeName?: string | RegExp } = {}): Promise<void> {
    return dialogRound(name, button, () => page.keyboard.press('Enter'), options);
  }

  /** A dialog opened from the menu bar while `invoker` had focus. */
  function fromMenu(name: string | RegExp, command: string, invoker: Locator, options: { closeName?: string | RegExp } = {}): Promise<void> {
    return dialogRound(name, invoker, () => runCommand(page, command), options);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
    page = app.page;
    await page.emulateMedia({ colorScheme: theme });
    await waitForPhrase(page, ARTICLE_PHRASE);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  const memoryCode = (): Locator => page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: 'Memory' });

  it('the codebook’s dialogs, from its buttons and from a code in the tree (Enter, F2)', async () => {
    const codebook = region('Codebook');
    await fromButton('New code', codebook.getByRole('button', { name: 'New code', exact: true }));
    await memoryCode().click();
    const actions = codebook.getByRole('toolbar', { name: 'Actions for Memory' });
    await fromButton('New code', actions.getByRole('button', { name: 'New child code' }));
    await fromButton('Edit code', actions.getByRole('button', { name: 'Edit code' }));
    await fromButton('Merge codes', actions.getByRole('button', { name: 'Merge…' }));
    await fromButton('Split code', actions.getByRole('button', { name: 'Split…' }));
    await fromButton('Copy codings', actions.getByRole('button', { name: 'Copy codings…' }));
    await fromButton('Code sets', actions.getByRole('button', { name: 'Code sets…' }));
    await fromButton('Delete code', actions.getByRole('button', { name: 'Delete code' }));
    await dialogRound('Edit code', memoryCode(), () => page.keyboard.press('F2'));
    await dialogRound('Edit code', memoryCode(), () => page.keyboard.press('Enter'));
    await fromMenu('Shortcut for “Memory”', 'Assign shortcut…', memoryCode());
    await fromMenu('Delete code', 'Delete code', memoryCode());
  });

  it('the File menu’s dialogs give focus back to what had it before the menu', async () => {
    const invoker = memoryCode();
    await fromMenu('New project', 'New project', invoker);
    await fromMenu('Rename project', 'Rename project', invoker);
    await fromMenu('Delete project', 'Delete project', invoker);
    await fromMenu('Restore from backup', 'Restore from backup', invoker);
    await fromMenu('Export unit × code matrix (CSV)', 'Export unit × code matrix (CSV)', invoker);
    await fromMenu('More exports', 'More exports…', invoker);
    await fromMenu('Switch coder', 'Switch coder…', invoker);
    await fromMenu('Keyboard shortcuts', 'Keyboard shortcuts', invoker);
    await fromMenu('Split into cases', 'Split into cases', invoker);
    await fromMenu('Delete source', 'Delete source', invoker);
    await fromMenu('New memo', 'New memo', invoker);
    // The palette has no close button: Escape, or running a command.
    await invoker.focus();
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor({ state: 'detached' });
    await expectFocusOn(invoker, 'Escape in the command palette');
    // A menu closed with Escape gives focus back too.
    await invoker.focus();
    await page.keyboard.press('F10');
    await page.keyboard.press('Enter');
    await page.getByRole('menu', { name: 'File' }).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expectFocusOn(invoker, 'Escape in the File menu');
  });

  it('the import dialogs (sources, codebook) give focus back to the Import sources button and the code', async () => {
    const importButton = region('Sources').getByRole('button', { name: 'Import sources' });
    const pick = async (): Promise<void> => {
      const chooser = page.waitForEvent('filechooser');
      await importButton.click();
      await (await chooser).setFiles([{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('A short note.\n\nA second paragraph.') }]);
    };
    await dialogRound('Import sources', importButton, pick);
    const codebookFile = async (): Promise<void> => {
      const chooser = page.waitForEvent('filechooser');
      await runCommand(page, 'Import codebook');
      await (await chooser).setFiles({ name: 'codes.csv', mimeType: 'text/csv', buffer: Buffer.from('name,description\nTrust,When people trust\n') });
    };
    await dialogRound('Import codebook', memoryCode(), codebookFile);
  });

  it('cases made by a split; the Cases pane’s dialogs and the filter’s Save filter dialog', async () => {
    await runCommand(page, 'Split into cases');
    const split = page.getByRole('dialog', { name: 'Split into cases' });
    await split.getByRole('button', { name: 'Create cases' }).click();
    await split.waitFor({ state: 'detached' });
    const cases = region('Cases');
    await cases.getByRole('button', { name: 'harbourmum' }).first().waitFor();
    await fromButton('New case', cases.getByRole('button', { name: 'New case' }));
    await cases.getByRole('button', { name: 'harbourmum' }).first().click();
    await fromButton('Rename case', cases.getByRole('button', { name: 'Rename case' }));
    await fromButton('Case attributes', cases.getByRole('button', { name: 'Attributes' }));
    const ticks = cases.getByRole('checkbox', { name: /^Select / });
    await ticks.nth(0).check();
    await ticks.nth(1).check();
    await fromButton('Merge cases', cases.getByRole('button', { name: 'Merge cases' }));
    await fromButton('Delete cases', cases.getByRole('button', { name: 'Delete cases' }));
    await expectClean('the Cases pane with ticked cases');

    // Ticked cases are the analysis filter: the Crosstab tab shows it, and it can be saved.
    await page.getByRole('tab', { name: 'Crosstab' }).click();
    const crosstab = page.getByRole('tabpanel', { name: 'Crosstab' });
    await crosstab.getByRole('button', { name: 'Save filter…' }).waitFor();
    await expectClean('the Crosstab tab');
    await fromButton('Save filter', crosstab.getByRole('button', { name: 'Save filter…' }));
    await crosstab.getByRole('button', { name: 'Add condition' }).click();
    await expectClean('the filter’s conditions editor');
    await crosstab.getByRole('button', { name: 'Done' }).click();
    await cases.getByRole('button', { name: 'Untick all' }).click();
  });

  it('the Frequencies, Search and Queries tabs and their dialogs', async () => {
    await page.getByRole('tab', { name: 'Frequencies' }).click();
    await page.getByRole('tabpanel', { name: 'Frequencies' }).getByRole('table').first().waitFor();
    await expectClean('the Frequencies tab');

    await page.getByRole('tab', { name: 'Search' }).click();
    const search = region('Search');
    await search.getByRole('searchbox', { name: 'Search for' }).fill('library');
    await search.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => search.locator('.search-status').textContent(), POLL).toMatch(/\d/);
    await expectClean('the Search tab with results');
    await fromButton('Auto-code', search.getByRole('button', { name: 'Auto-code…' }));

    await page.getByRole('tab', { name: 'Queries' }).click();
    const queries = region('Queries');
    await expectClean('the Queries tab, empty');
    const builder = page.getByRole('form', { name: 'Query builder' });
    await builder.getByRole('combobox', { name: 'Code A' }).selectOption({ label: 'Place and belonging › Memory' });
    await builder.getByRole('combobox', { name: 'Code B' }).selectOption({ label: 'Place and belonging' });
    await builder.getByRole('button', { name: 'Run query' }).click();
    await expect.poll(() => queries.getByRole('status', { name: 'Query results' }).textContent(), POLL).toMatch(/^1 passage/);
    await expectClean('the Queries tab with a result');
    await fromButton('Save query', queries.getByRole('button', { name: 'Save query…' }));
    await fromButton('Code the result', queries.getByRole('button', { name: 'Code the result…' }));
    const save = page.getByRole('dialog', { name: 'Save query' });
    await queries.getByRole('button', { name: 'Save query…' }).click();
    await save.getByRole('textbox', { name: 'Query name' }).fill('Memory in place');
    await save.getByRole('button', { name: 'Save query' }).click();
    await save.waitFor({ state: 'detached' });
    await fromButton('Rename query', queries.getByRole('button', { name: 'Rename Memory in place' }));
    await expectClean('the Queries tab with a saved query');

    await page.getByRole('tab', { name: 'Agreement' }).click();
    await region('Agreement').waitFor();
    await expectClean('the Agreement tab with one coder');
    await page.getByRole('tab', { name: 'Document' }).click();
  });

  it('every list is one Tab stop: sources, memos, cases, codes, segments, saved queries, query results', async () => {
    // Two memos attached to codes: each row has its title and a “Go to code …” button.
    for (const [title, target] of [['Reading as belonging', 'Memory'], ['Why the cost argument', 'Budget reasoning']] as const) {
      await region('Memos').getByRole('button', { name: 'New memo' }).click();
      const dialog = page.getByRole('dialog', { name: 'New memo' });
      await dialog.getByLabel('Title').fill(title);
      await dialog.getByRole('searchbox', { name: 'Find what to attach to' }).fill(target);
      await dialog.getByLabel('Memo text (Markdown)').fill('A note.');
      await dialog.getByRole('button', { name: 'Save memo' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    const memos = page.getByRole('list', { name: 'Memo list' });
    await memos.getByRole('button', { name: /^Go to code / }).nth(1).waitFor();
    expect(await tabStops(memos), 'Memo list').toBe(1);
    expect(await tabStops(page.getByRole('list', { name: 'Sources in this project' })), 'Sources').toBe(1);
    expect(await tabStops(page.getByRole('table', { name: 'Cases in this project' })), 'Cases').toBe(1);
    expect(await tabStops(page.getByRole('tree', { name: 'Codes' })), 'Codes').toBe(1);
    const cases = region('Cases');
    await cases.getByRole('button', { name: 'harbourmum' }).first().click();
    expect(await tabStops(cases.getByRole('list', { name: /^Segments of / })), 'Segments of a case').toBe(1);
    await page.getByRole('tab', { name: 'Coded segments' }).click();
    await page.getByRole('treeitem', { name: 'Digital access' }).click();
    const segments = page.getByRole('list', { name: 'Segments of Digital access' });
    await segments.getByRole('listitem').nth(1).waitFor();
    expect(await tabStops(segments), 'Coded segments').toBe(1);
    await page.getByRole('tab', { name: 'Queries' }).click();
    const queries = region('Queries');
    await queries.getByRole('button', { name: 'Save query…' }).click();
    const save = page.getByRole('dialog', { name: 'Save query' });
    await save.getByRole('textbox', { name: 'Query name' }).fill('Memory in place, again');
    await save.getByRole('button', { name: 'Save query' }).click();
    await save.waitFor({ state: 'detached' });
    const saved = queries.getByRole('list', { name: 'Saved queries' });
    await saved.getByRole('listitem').nth(1).waitFor();
    expect(await tabStops(saved), 'Saved queries').toBe(1);
    // Down moves to the next query's Run; Right to its Rename.
    await saved.getByRole('button', { name: 'Run Memory in place', exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusOn(saved.getByRole('button', { name: 'Rename Memory in place, again' })), POLL).toBe('the invoker');
    await page.getByRole('tab', { name: 'Document' }).click();
  });

  it('after a dialog’s action too: focus is back on its button, or on the code tree when the code is gone', async () => {
    const codebook = region('Codebook');
    const newCode = codebook.getByRole('button', { name: 'New code', exact: true });
    await newCode.focus();
    await page.keyboard.press('Enter');
    const create = page.getByRole('dialog', { name: 'New code' });
    await create.getByLabel('Name').fill('Short-lived');
    await create.getByRole('button', { name: 'Create code' }).click();
    await create.waitFor({ state: 'detached' });
    await expectFocusOn(newCode, 'Create code');
    const shortLived = page.getByRole('treeitem', { name: 'Short-lived' });
    await shortLived.click();
    await codebook.getByRole('toolbar', { name: 'Actions for Short-lived' }).getByRole('button', { name: 'Delete code' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete code' });
    await confirm.getByRole('button', { name: 'Delete code' }).click();
    await confirm.waitFor({ state: 'detached' });
    await shortLived.waitFor({ state: 'detached' });
    // The Delete button went with the code: focus is on the tree's stop, not on the page.
    await expect.poll(() => focusWithin(page.getByRole('tree', { name: 'Codes' })), POLL).toBe('the invoker');

    const newMemo = region('Memos').getByRole('button', { name: 'New memo' });
    await newMemo.focus();
    await page.keyboard.press('Enter');
    const memo = page.getByRole('dialog', { name: 'New memo' });
    await memo.getByLabel('Title').fill('Saved from the keyboard');
    await memo.getByLabel('Memo text (Markdown)').fill('Focus comes back.');
    await memo.getByRole('button', { name: 'Save memo' }).click();
    await memo.waitFor({ state: 'detached' });
    await expectFocusOn(newMemo, 'Save memo');
  });

  it('the code menu and Codings here give focus back to the document', async () => {
    const text = page.locator('[data-testid="document-scroll"]');
    await page.getByText(ARTICLE_PHRASE).first().click();
    await selectPhrase(page, 'consolidate services');
    await page.keyboard.press('Escape');
    await page.getByRole('listbox', { name: 'Apply code' }).waitFor({ state: 'detached' });
    await expect.poll(() => text.evaluate((el) => el.contains(document.activeElement)), POLL).toBe(true);
    await page.getByText('computer room was booked').first().click();
    const popover = page.getByRole('dialog', { name: 'Codings here' });
    await popover.waitFor();
    await expectClean('Codings here');
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached' });
    await expect.poll(() => text.evaluate((el) => el.contains(document.activeElement)), POLL).toBe(true);
  });

  it('a project with two coders: the Project opened report, Merge project’s preview and the Agreement tab', async () => {
    const projectPicker = page.getByRole('combobox', { name: 'Project' });
    const file = { name: `${TEAM}.qdpx`, mimeType: 'application/octet-stream', buffer: Buffer.from(teamProject(TEAM)) };
    await projectPicker.focus();
    const chooser = page.waitForEvent('filechooser');
    await runCommand(page, 'Open project');
    await (await chooser).setFiles(file);
    const report = page.getByRole('dialog', { name: 'Project opened' });
    await report.waitFor({ timeout: 30_000 });
    await expectClean('the Project opened report');
    await report.getByRole('button', { name: 'Close' }).click();
    await report.waitFor({ state: 'detached' });
    await expectFocusOn(projectPicker, 'closing the Project opened report');
    await expect.poll(() => projectPicker.locator('option:checked').textContent(), POLL).toBe(TEAM);

    const merge = async (): Promise<void> => {
      const picked = page.waitForEvent('filechooser');
      await runCommand(page, 'Merge project');
      await (await picked).setFiles(file);
    };
    await dialogRound('Merge project', projectPicker, merge);

    await runCommand(page, 'Compute agreement');
    const agreement = region('Agreement');
    await agreement.getByRole('table').first().waitFor();
    await disagreements().getByRole('listitem').first().waitFor();
    await expectClean('the Agreement tab with its table and disagreements');
    expect(await tabStops(disagreements().getByRole('list')), 'Disagreements').toBe(1);
    const first = disagreements().getByRole('button', { name: `${INTERVIEW_NAME}, paragraph 2` });
    await first.click();
    await expect.poll(() => page.getByRole('tab', { name: 'Document' }).getAttribute('aria-selected'), POLL).toBe('true');
    await expectClean('the document with another coder’s codings');
  });
});
