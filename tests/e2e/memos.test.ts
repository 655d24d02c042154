// Memos in real Chromium through the browser build: a project journal and memos on a source, a
// code, a case and a single coding; Markdown with a live preview; found again by search and by
// target; links back to what they are about; kept across a reload; and exported.
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForSuite, readDownload, screenshot } from './support/browser';
import { runCommand } from './support/commands';
import { clickInto, createCode, selectPhrase } from './support/coding';
import { newProject } from './support/codebook';
import { importFiles, sourceFixture } from './support/importing';
import { POLL } from './support/poll';

const THREAD = 'riverside-article-with-comments.txt';
const INTERVIEW = 'cafe-interview-crlf.txt';
const PASSAGE = 'a forty-minute walk home along the ring road';

function memos(page: Page) {
  return page.getByRole('region', { name: 'Memos' });
}

function memoTitles(page: Page): Promise<string[]> {
  return memos(page)
    .getByRole('list', { name: 'Memo list' })
    .locator('.memo-open')
    .allTextContents()
    .then((titles) => titles.sort());
}

async function writeMemo(page: Page, options: { title?: string; body: string; attachTo?: string }): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'New memo' });
  await dialog.waitFor();
  if (options.title) await dialog.getByLabel('Title').fill(options.title);
  if (options.attachTo) await dialog.getByLabel('Attached to').selectOption({ label: options.attachTo });
  await dialog.getByLabel('Memo text (Markdown)').fill(options.body);
  await dialog.getByRole('button', { name: 'Save memo' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('memos', () => {
  const suite = appForSuite();
  let page: Page;

  beforeAll(async () => {
    page = suite.page;
    await page.getByRole('tree', { name: 'Codes' }).waitFor();
  });

  it('sets up a project with two sources and a coded passage', async () => {
    await newProject(page, 'Memo study');
    await importFiles(page, [
      sourceFixture(THREAD),
      sourceFixture(INTERVIEW),
    ]);
    await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: THREAD, exact: true }).click();
    await createCode(page, 'Safety');
    await selectPhrase(page, PASSAGE);
    await page.keyboard.type('Safety');
    await page.keyboard.press('Enter');
    await expect.poll(() => memos(page).textContent(), POLL).toContain('No memos yet');
  });

  it('keeps a project journal in Markdown with a live preview', async () => {
    await memos(page).getByRole('button', { name: 'New memo' }).click();
    const dialog = page.getByRole('dialog', { name: 'New memo' });
    await dialog.getByLabel('Title').fill('Week 1');
    await dialog.getByLabel('Memo text (Markdown)').fill('**First** impressions: riders feel *unheard*.\n\n- night shifts\n- the hospital stop');
    const preview = dialog.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.locator('strong').textContent(), POLL).toBe('First');
    await expect(preview.locator('em').textContent()).resolves.toBe('unheard');
    await expect(preview.getByRole('listitem').allTextContents()).resolves.toEqual(['night shifts', 'the hospital stop']);
    await screenshot(page, 'memo-editor');
    await dialog.getByRole('button', { name: 'Save memo' }).click();
    await expect.poll(() => memoTitles(page), POLL).toEqual(['Week 1']);
  });

  it('attaches memos to a source, a code, a case and a single coding', async () => {
    await memos(page).getByRole('button', { name: 'New memo' }).click();
    await writeMemo(page, { attachTo: INTERVIEW, body: 'Interview held in the café; background noise.' });

    await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: 'Safety', exact: true }).click();
    await page.getByRole('button', { name: 'Write a memo on this code' }).click();
    await writeMemo(page, { body: 'Consider splitting into fear and actual incidents.' });

    const cases = page.getByRole('region', { name: 'Cases' });
    await cases.getByRole('button', { name: 'New case' }).click();
    await page.getByRole('dialog', { name: 'New case' }).getByLabel('Case name').fill('nightnurse');
    await page.keyboard.press('Enter');
    await memos(page).getByRole('button', { name: 'New memo' }).click();
    await writeMemo(page, { attachTo: 'nightnurse', body: 'Commenter who works night shifts at the hospital.' });

    await clickInto(page, PASSAGE);
    const popover = page.getByRole('dialog', { name: 'Codings here' });
    await popover.getByRole('button', { name: 'Add memo to coding Safety' }).click();
    await popover.getByRole('textbox', { name: 'Memo on coding Safety' }).fill('Forty minutes on foot, *after a night shift*.');
    await popover.getByRole('button', { name: 'Save memo' }).click();
    // The memo shows beside the highlight's codings.
    const beside = popover.getByRole('group', { name: 'Memos on coding Safety' });
    await expect.poll(() => beside.textContent(), POLL).toContain('Forty minutes on foot');
    await expect(beside.locator('em').textContent()).resolves.toBe('after a night shift');
    await screenshot(page, 'coding-memo-popover');
    // Closed by its button (Escape closes it only with focus inside, which Save memo may move).
    await popover.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => popover.count(), POLL).toBe(0);

    // A memo marker stands in the margin beside the coded line; it opens the codings again.
    const marker = page.locator('.memo-marker');
    await expect.poll(() => marker.count(), POLL).toBe(1);
    await expect(marker.getAttribute('title')).resolves.toContain('Forty minutes on foot');
    await marker.click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Codings here' }).isVisible(), POLL).toBe(true);
    await page.getByRole('dialog', { name: 'Codings here' }).getByRole('button', { name: 'Close' }).click();

    await expect
      .poll(() => memoTitles(page), POLL)
      .toEqual([
        'Commenter who works night shifts at the hospital.',
        'Consider splitting into fear and actual incidents.',
        'Forty minutes on foot, after a night shift.',
        'Interview held in the café; background noise.',
        'Week 1',
      ]);
    await screenshot(page, 'memos-panel');
  });

  it('finds memos again by search and by what they are attached to', async () => {
    const search = memos(page).getByRole('searchbox', { name: 'Search memos' });
    await search.fill('cafe noise'); // every word, accents ignored
    await expect.poll(() => memoTitles(page), POLL).toEqual(['Interview held in the café; background noise.']);
    await search.fill('night');
    await expect
      .poll(() => memoTitles(page), POLL)
      .toEqual(['Commenter who works night shifts at the hospital.', 'Forty minutes on foot, after a night shift.', 'Week 1']);
    await search.fill('ring road'); // the coded passage a memo is attached to
    await expect.poll(() => memoTitles(page), POLL).toEqual(['Forty minutes on foot, after a night shift.']);
    await search.fill('');
    const kind = memos(page).getByRole('combobox', { name: 'Attached to' });
    await kind.selectOption({ label: 'Codes' });
    await expect.poll(() => memoTitles(page), POLL).toEqual(['Consider splitting into fear and actual incidents.']);
    await kind.selectOption({ label: 'Cases' });
    await expect.poll(() => memoTitles(page), POLL).toEqual(['Commenter who works night shifts at the hospital.']);
    await kind.selectOption({ label: 'All memos' });
  });

  it('links each memo back to its target', async () => {
    const list = memos(page).getByRole('list', { name: 'Memo list' });
    await list.getByRole('button', { name: `Go to source ${INTERVIEW}` }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Document' }).locator('.document-title').textContent(), POLL).toBe(INTERVIEW);

    await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: 'Safety', exact: true }).click();
    await page.keyboard.press('Escape');
    await list.getByRole('button', { name: /^Go to coding Safety in / }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Document' }).locator('.document-title').textContent(), POLL).toBe(THREAD);
    const popover = page.getByRole('dialog', { name: 'Codings here' });
    await popover.waitFor();
    await expect.poll(() => popover.textContent(), POLL).toContain('Forty minutes on foot');
    await page.keyboard.press('Escape');

    await list.getByRole('button', { name: 'Go to code Safety' }).click();
    await expect
      .poll(() => page.getByRole('treeitem', { name: 'Safety', exact: true }).getAttribute('aria-selected'), POLL)
      .toBe('true');
  });

  it('edits a memo, recording when', async () => {
    await memos(page).getByRole('button', { name: 'Week 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit memo' });
    await expect(dialog.textContent()).resolves.toMatch(/Written by \S+ · created/);
    await dialog.getByLabel('Memo text (Markdown)').press('End');
    await dialog.getByLabel('Memo text (Markdown)').press('Control+End');
    await page.keyboard.type('\n- drivers were not consulted');
    await dialog.getByRole('button', { name: 'Save memo' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => memos(page).locator('.memo-item', { hasText: 'Week 1' }).textContent(), POLL).toContain('edited');
  });

  it('asks before Escape throws away unsaved memo text', async () => {
    await memos(page).getByRole('button', { name: 'Week 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit memo' });
    const body = dialog.getByLabel('Memo text (Markdown)');
    await body.press('Control+End');
    await page.keyboard.type(' Not saved yet.');
    await page.keyboard.press('Escape');
    const question = page.getByRole('alertdialog', { name: 'Discard unsaved memo text?' });
    await question.waitFor({ timeout: 5000 });
    await screenshot(page, 'memo-discard-question');
    // A second Escape, with no click in between, takes the question back and keeps the dialog.
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached', timeout: 5000 });
    await expect(dialog.isVisible()).resolves.toBe(true);
    await expect(body.inputValue()).resolves.toMatch(/Not saved yet\.$/);
    await page.keyboard.press('Escape');
    await question.getByRole('button', { name: 'Discard changes' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 5000 });
    await expect(memos(page).textContent()).resolves.not.toContain('Not saved yet');
  });

  it('keeps every memo after a reload', async () => {
    await page.reload();
    await memos(page).getByRole('list', { name: 'Memo list' }).waitFor();
    await expect.poll(() => memoTitles(page), POLL).toHaveLength(5);
    await expect(memos(page).textContent()).resolves.toContain('drivers were not consulted');
  });

  it('exports the memos, and coding memos with the coded segments', async () => {
    await runCommand(page, 'More exports…');
    const dialog = page.getByRole('dialog', { name: 'More exports' });
    let download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export memos (Markdown)' }).click();
    const markdown = await readDownload(await download);
    for (const text of [
      '## Project journal',
      '### Week 1',
      '**First** impressions',
      '## Sources',
      'Source: cafe-interview-crlf.txt',
      '## Codes',
      'Consider splitting',
      '## Codings',
      `> ${PASSAGE}`,
      '## Cases',
      'Case: nightnurse',
    ]) {
      expect(markdown).toContain(text);
    }
    download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export memos (HTML)' }).click();
    const html = await readDownload(await download);
    expect(html).toContain('<strong>First</strong> impressions');
    expect(html).toContain('<em>after a night shift</em>');
    await dialog.getByRole('button', { name: 'Close' }).click();

    download = page.waitForEvent('download');
    await runCommand(page, 'Export coded segments (CSV)');
    const csv = await readDownload(await download);
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ text: PASSAGE, memo: 'Forty minutes on foot, *after a night shift*.' });
  });
});
