// Cases in real Chromium: the "Cases" region (create, rename, merge, delete; attribute values in
// a table), and "Split into cases" on an open source: a comment thread corrected in the preview,
// created and taken back with one ordinary Undo; speaker turns auto-coded with a code per speaker; a custom
// pattern with a live preview that stops a catastrophic regular expression; page citations.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot, type OpenApp } from './support/browser';
import { newProject, paintedTexts, waitForPhrase } from './support/coding';
import { repoRoot } from './support/paths';
import { importFiles } from './support/importing';
import { buildPdf } from '../renderer/import/pdfBuilder';
import { POLL } from './support/poll';

const fixtures = resolve(repoRoot, 'tests/fixtures/import');
const THREAD = 'synthetic-article-with-comments.txt';
const INTERVIEW = 'ferry-interview.md';
const PATTERNS = 'pattern-test.txt';
const PATTERN_TEXT = `Q1: The first answer.\nQ2: The second answer.\n${'a'.repeat(34)}!\n`;

function cases(page: Page): Locator {
  return page.getByRole('region', { name: 'Cases' });
}

function caseNames(page: Page): Promise<string[]> {
  return cases(page).getByRole('table', { name: 'Cases in this project' }).getByRole('row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
}

async function openSource(page: Page, name: string): Promise<void> {
  await page.getByRole('list', { name: 'Sources in this project' }).getByRole('button', { name, exact: true }).click();
  await page.waitForFunction((n) => document.querySelector('.document-title')?.textContent === n, name);
}

async function openSplit(page: Page): Promise<Locator> {
  await page.getByRole('region', { name: 'Document' }).getByRole('button', { name: 'Split into cases' }).click();
  const dialog = page.getByRole('dialog', { name: 'Split into cases' });
  await dialog.waitFor();
  return dialog;
}

function splitCases(dialog: Locator): Promise<string[]> {
  return dialog.getByRole('table', { name: 'Cases to create' }).getByRole('row').evaluateAll((rows) => rows.slice(1).map((r) => `${r.getAttribute('aria-label')}:${r.lastElementChild?.textContent}`));
}

describe('cases', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
    page = app.page;
    await newProject(page, 'Cases study');
    await page.waitForFunction(() => document.querySelector('[role="tree"]') === null);
    await importFiles(page, [
      { name: THREAD, mimeType: 'text/plain', buffer: readFileSync(resolve(fixtures, THREAD)) },
      { name: INTERVIEW, mimeType: 'text/markdown', buffer: readFileSync(resolve(fixtures, INTERVIEW)) },
      { name: PATTERNS, mimeType: 'text/plain', buffer: Buffer.from(PATTERN_TEXT) },
      { name: 'ferry-report.pdf', mimeType: 'application/pdf', buffer: Buffer.from(buildPdf([['Ferry report', 'Page one text.'], ['Page two: passenger counts fell.']])) },
    ]);
    await page.getByRole('list', { name: 'Sources in this project' }).getByRole('button', { name: 'ferry-report.pdf' }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('creates, renames, merges and deletes cases in the Cases region', async () => {
    const region = cases(page);
    for (const name of ['Ana', 'Anna R.']) {
      await region.getByRole('button', { name: 'New case' }).click();
      await page.getByRole('dialog', { name: 'New case' }).getByLabel('Case name').fill(name);
      await page.getByRole('dialog', { name: 'New case' }).getByRole('button', { name: 'Create case' }).click();
      await region.getByRole('row', { name, exact: true }).waitFor();
    }
    await region.getByRole('row', { name: 'Anna R.' }).getByRole('button', { name: 'Anna R.' }).click();
    await region.getByRole('button', { name: 'Rename case' }).click();
    await page.getByRole('dialog', { name: 'Rename case' }).getByLabel('Case name').fill('Ana Ruiz');
    await page.getByRole('dialog', { name: 'Rename case' }).getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => caseNames(page), POLL).toEqual(['Ana', 'Ana Ruiz']);

    // Link the open source to Ana Ruiz, then merge Ana into Ana Ruiz.
    await openSource(page, INTERVIEW);
    await region.getByRole('button', { name: 'Add this source to case ‘Ana Ruiz’' }).click();
    await region.getByRole('list', { name: 'Segments of Ana Ruiz' }).getByRole('button', { name: `${INTERVIEW} whole source` }).waitFor();
    await region.getByRole('checkbox', { name: 'Select Ana', exact: true }).check();
    await region.getByRole('checkbox', { name: 'Select Ana Ruiz' }).check();
    await region.getByRole('button', { name: 'Merge cases' }).click();
    const merge = page.getByRole('dialog', { name: 'Merge cases' });
    await merge.getByRole('radio', { name: 'Ana Ruiz' }).check();
    await merge.getByRole('button', { name: 'Merge cases' }).click();
    await expect.poll(() => caseNames(page), POLL).toEqual(['Ana Ruiz']);

    await region.getByRole('button', { name: 'Delete case' }).click();
    await page.getByRole('dialog', { name: 'Delete case' }).getByRole('button', { name: 'Delete case' }).click();
    await expect.poll(() => region.getByRole('table', { name: 'Cases in this project' }).count(), POLL).toBe(0);
  });

  it('edits typed attribute values in the attribute table', async () => {
    const region = cases(page);
    await region.getByRole('button', { name: 'New case' }).click();
    await page.getByRole('dialog', { name: 'New case' }).getByLabel('Case name').fill('Ferry captain');
    await page.getByRole('dialog', { name: 'New case' }).getByRole('button', { name: 'Create case' }).click();
    await region.getByRole('row', { name: 'Ferry captain' }).waitFor();
    await region.getByRole('button', { name: 'Attributes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Case attributes' });
    const form = dialog.getByRole('form', { name: 'New attribute' });
    await form.getByLabel('Attribute name').fill('years at sea');
    await form.getByLabel('Type').selectOption('number');
    await form.getByRole('button', { name: 'Add attribute' }).click();
    await form.getByLabel('Attribute name').fill('rank');
    await form.getByLabel('Type').selectOption('category');
    await form.getByLabel('Categories (comma-separated)').fill('deckhand, mate, captain');
    await form.getByRole('button', { name: 'Add attribute' }).click();

    const years = dialog.getByRole('textbox', { name: 'years at sea of Ferry captain' });
    await years.fill('many');
    await years.press('Enter');
    await expect.poll(() => dialog.getByRole('alert').textContent(), POLL).toBe('“many” is not a value for “years at sea”: enter a number, such as 42 or 3.5.');
    await years.fill('31');
    await years.press('Enter');
    await expect.poll(() => dialog.getByRole('alert').count(), POLL).toBe(0);
    await dialog.getByRole('combobox', { name: 'rank of Ferry captain' }).selectOption('captain');
    await screenshot(page, 'case-attributes');
    await dialog.getByRole('button', { name: 'Done' }).click();

    await region.getByRole('row', { name: 'Ferry captain' }).getByRole('button', { name: 'Ferry captain' }).click();
    const detail = region.getByRole('group', { name: 'Case Ferry captain' });
    await expect.poll(() => detail.locator('dl').textContent(), POLL).toBe('years at sea31rankcaptain');
    await region.getByRole('button', { name: 'Delete case' }).click();
    await page.getByRole('dialog', { name: 'Delete case' }).getByRole('button', { name: 'Delete case' }).click();
    await expect.poll(() => region.getByRole('table', { name: 'Cases in this project' }).count(), POLL).toBe(0);
  });

  it('splits the comment thread into the article plus one case per commenter, corrects the preview, and undoes the split', async () => {
    await openSource(page, THREAD);
    const dialog = await openSplit(page);
    await expect(dialog.getByRole('radio', { name: /Comment thread/ }).isChecked()).resolves.toBe(true);
    const suggested = ['Article:1', 'plotholder_42:2', 'Marta K.:2', 'beanrow:1', 'Grandad Tom 🌱:1', 'Ruth:1', 'J. Abara:1', 'quietneighbour:1'];
    await expect.poll(() => splitCases(dialog), POLL).toEqual(suggested);
    await expect(dialog.getByRole('list', { name: 'Segments' }).locator(':scope > li').count()).resolves.toBe(9);

    // Corrections: a line inside Marta's first comment starts a new segment, which is then
    // given back to her; joining two comments; each can be undone.
    await dialog.getByRole('button', { name: 'Lines of segment 2', exact: true }).click();
    await dialog.getByRole('button', { name: 'Start a new segment at “Ask the council for a list of spare land:”' }).click();
    await expect.poll(() => dialog.getByRole('list', { name: 'Segments' }).locator(':scope > li').count(), POLL).toBe(10);
    const who = dialog.getByRole('textbox', { name: 'Who wrote segment 3' });
    await expect(who.inputValue()).resolves.toBe('Ask the council for a list of spare land:');
    await who.fill('Marta K.');
    await who.press('Enter');
    await expect.poll(() => splitCases(dialog), POLL).toContain('Marta K.:3');
    await dialog.getByRole('button', { name: 'Join segment 8 to the one before' }).click();
    await expect.poll(() => splitCases(dialog), POLL).not.toContain('J. Abara:1');
    await screenshot(page, 'split-comment-thread');
    for (let i = 0; i < 3; i++) await dialog.getByRole('button', { name: 'Undo correction' }).click();
    await expect.poll(() => splitCases(dialog), POLL).toEqual(suggested);
    await expect(dialog.getByRole('button', { name: 'Undo correction' }).isDisabled()).resolves.toBe(true);

    await dialog.getByRole('button', { name: 'Create cases' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => caseNames(page), POLL).toEqual(suggested.map((s) => s.slice(0, s.lastIndexOf(':'))));

    // A commenter who wrote twice is one case holding both comments, in thread order.
    const region = cases(page);
    await region.getByRole('row', { name: 'Marta K.' }).getByRole('button', { name: 'Marta K.' }).click();
    const segments = region.getByRole('list', { name: 'Segments of Marta K.' }).getByRole('button');
    await expect.poll(() => segments.allTextContents(), POLL).toEqual([`${THREAD} #2`, `${THREAD} #8`]);
    await segments.nth(1).click();
    await waitForPhrase(page, 'We tried that in 2014 and the bank said no.');
    await screenshot(page, 'cases-after-split');

    // Undo takes back the split, named in the top bar, with no extra confirmation.
    await page.getByRole('button', { name: `Undo: split ${THREAD} into 8 cases`, exact: true }).click();
    await expect.poll(() => region.getByRole('table', { name: 'Cases in this project' }).count(), POLL).toBe(0);
  });

  it('splits speaker turns and codes each turn with a code per speaker', async () => {
    await openSource(page, INTERVIEW);
    const dialog = await openSplit(page);
    await expect(dialog.getByRole('radio', { name: /Speaker turns/ }).isChecked()).resolves.toBe(true);
    await expect(dialog.getByRole('checkbox', { name: 'I (2)' }).isChecked()).resolves.toBe(true);
    await expect(dialog.getByRole('checkbox', { name: 'R (2)' }).isChecked()).resolves.toBe(true);
    await expect.poll(() => splitCases(dialog), POLL).toEqual(['I:2', 'R:2']);
    await dialog.getByRole('checkbox', { name: /Code each segment with a code per speaker/ }).check();
    await dialog.getByRole('button', { name: 'Create cases' }).click();
    await dialog.waitFor({ state: 'detached' });

    const tree = page.getByRole('tree', { name: 'Codes' });
    await tree.getByRole('treeitem', { name: 'Speakers', exact: true }).waitFor();
    await tree.getByRole('treeitem', { name: 'I', exact: true }).waitFor();
    await tree.getByRole('treeitem', { name: 'R', exact: true }).waitFor();
    await expect.poll(() => paintedTexts(page), POLL).toEqual(
      ['And the crew?', 'The night crossing went first. 夜の便がなくなった 🚢 People noticed at once.', 'Two of us moved to the day shift.', 'What changed when the timetable was cut?'].sort(),
    );
    await expect.poll(() => caseNames(page), POLL).toEqual(['I', 'R']);

    await page.getByRole('button', { name: `Undo: split ${INTERVIEW} into 2 cases`, exact: true }).click();
    await expect.poll(() => paintedTexts(page), POLL).toEqual([]);
    await expect.poll(() => tree.count(), POLL).toBe(0);
  });

  it('previews a custom pattern live, stops a catastrophic one without freezing, and cites pages of a PDF', async () => {
    await openSource(page, PATTERNS);
    let dialog = await openSplit(page);
    await dialog.getByRole('radio', { name: 'Custom pattern' }).check();
    const pattern = dialog.getByRole('textbox', { name: 'Pattern' });
    await pattern.fill('^(Q\\d):');
    await expect.poll(() => dialog.locator('.pattern-status').textContent(), POLL).toBe('2 matches.');
    await expect(dialog.getByRole('list', { name: 'Matches' }).getByRole('listitem').allTextContents()).resolves.toEqual(['Q1: → Q1', 'Q2: → Q2']);

    await pattern.fill('^(a+)+$');
    // The dialog still takes input while the worker grinds (how quickly: `npm run bench`, split).
    await dialog.getByRole('checkbox', { name: 'Ignore case' }).check();
    await dialog.getByRole('checkbox', { name: 'Ignore case' }).uncheck();
    await expect.poll(() => dialog.locator('.pattern-status').textContent(), { timeout: 10_000 }).toMatch(/took longer than 2 seconds and was stopped/);
    await screenshot(page, 'split-custom-pattern-stopped');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await openSource(page, 'ferry-report.pdf');
    dialog = await openSplit(page);
    await dialog.getByRole('radio', { name: 'Custom pattern' }).check();
    await dialog.getByRole('textbox', { name: 'Pattern' }).fill('^Page (\\w+)');
    await expect.poll(() => splitCases(dialog), POLL).toEqual(['one:1', 'two:1']);
    await dialog.getByRole('button', { name: 'Create cases' }).click();
    await dialog.waitFor({ state: 'detached' });
    const region = cases(page);
    await region.getByRole('row', { name: 'two' }).getByRole('button', { name: 'two' }).click();
    await expect.poll(() => region.getByRole('list', { name: 'Segments of two' }).getByRole('button').allTextContents(), POLL).toEqual(['ferry-report.pdf #2 · p. 2']);
  });
});
