// Who said it, in real Chromium: the synthetic comment thread split into cases through the UI,
// case headers in the document and a case segment revealed from the Cases region, passages coded,
// the segments CSV with its exact `case` column, the case beside each coded segment, a filter
// saved under a name and applied again with exact counts in Coded segments and Co-occurrence, a
// case type filter, every export restricted to that saved filter with exact rows (and the message
// and dialog saying which filter), and ticking a case in the Cases region filtering the analysis views.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openApp, readDownload, screenshot, type OpenApp } from './support/browser';
import { caretToStart, createCode, newProject, paintedTexts, selectPhrase, waitForPhrase } from './support/coding';
import { repoRoot } from './support/paths';
import { importFiles } from './support/importing';
import { runCommand } from './support/commands';
import { POLL } from './support/poll';

const THREAD = 'synthetic-article-with-comments.txt';
const fixture = resolve(repoRoot, 'tests/fixtures/import', THREAD);

/** Codings, in the thread's reading order: [phrase, code, the case it is in]. */
const CODINGS: ReadonlyArray<[string, string, string]> = [
  ['will pay three times its current rent', 'Rent', 'Article'],
  ['Three times the rent for the same muddy strip', 'Rent', 'plotholder_42'],
  ['the same muddy strip. I will give up my plot', 'Land', 'plotholder_42'],
  ['The company is a monopoly. Who else would lease us land', 'Rent', 'Marta K.'],
  ['Who else would lease us land by the river?', 'Land', 'Marta K.'],
  ['what the water company itself pays for the land', 'Land', 'beanrow'],
  ['Forty years on plot 9. I will pay', 'Land', 'Grandad Tom 🌱'],
  ['I will pay what they ask, but the young families will not.', 'Rent', 'Grandad Tom 🌱'],
];

async function code(page: Page, phrase: string, codeName: string): Promise<void> {
  await selectPhrase(page, phrase);
  await page.getByRole('listbox', { name: 'Apply code' }).getByRole('option', { name: codeName, exact: true }).click();
  await expect.poll(() => paintedTexts(page), POLL).toContain(phrase);
}

function cases(page: Page): Locator {
  return page.getByRole('region', { name: 'Cases' });
}

function segmentsView(page: Page): Locator {
  return page.getByRole('region', { name: 'Coded segments' });
}

function segmentCount(page: Page): Promise<string | null> {
  return segmentsView(page).locator('.analysis-count').textContent();
}

function activeFilter(view: Locator): Promise<string | null> {
  return view.getByRole('list', { name: 'Active filter' }).textContent();
}

/** The case names shown beside the listed segments, in list order. */
function listedCases(page: Page): Promise<string[]> {
  return segmentsView(page)
    .getByRole('list', { name: /^Segments of / })
    .getByRole('listitem')
    .evaluateAll((rows) =>
      rows
        .sort((a, b) => Number((a as HTMLElement).dataset.index) - Number((b as HTMLElement).dataset.index))
        .map((r) => r.querySelector('.segment-case')?.textContent ?? ''),
    );
}

async function showSegmentsOf(page: Page, codeName: string): Promise<void> {
  await page.getByRole('tab', { name: 'Coded segments' }).click();
  await segmentsView(page).getByRole('combobox', { name: 'Code' }).selectOption({ label: codeName });
}

/** The Rent × Land cell of the co-occurrence matrix; call it in a poll. */
async function rentLandOverlaps(page: Page): Promise<string> {
  if ((await page.getByRole('tab', { name: 'Co-occurrence', selected: true }).count()) === 0) await page.getByRole('tab', { name: 'Co-occurrence' }).click();
  // The cell is titled by what it counts; a zero is plain text, a count a button.
  const cell = page.getByRole('region', { name: 'Co-occurrence' }).getByRole('table', { name: 'Co-occurrence matrix' }).locator('td[title^="Rent and Land: "]');
  return (await cell.count()) === 0 ? 'no cell' : ((await cell.textContent()) ?? '');
}

describe('cases and filters', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
    page = app.page;
    await newProject(page, 'Who said it');
    await importFiles(page, [{ name: THREAD, mimeType: 'text/plain', buffer: readFileSync(fixture) }]);
    await page.getByRole('list', { name: 'Sources in this project' }).getByRole('button', { name: THREAD }).click();
    await waitForPhrase(page, 'Three times the rent');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('splits the thread into cases and shows each case segment as a header line, not text', async () => {
    await page.getByRole('region', { name: 'Document' }).getByRole('button', { name: 'Split into cases' }).click();
    const dialog = page.getByRole('dialog', { name: 'Split into cases' });
    await dialog.getByRole('button', { name: 'Create cases' }).click();
    await dialog.waitFor({ state: 'detached' });
    await cases(page).getByRole('row', { name: 'quietneighbour' }).waitFor();

    const text = page.getByRole('textbox', { name: `Text of ${THREAD}` });
    await text.getByRole('note', { name: 'Case Marta K.' }).first().waitFor();
    const header = text.getByRole('note', { name: 'Case plotholder_42' }).first();
    await expect(header.textContent()).resolves.toBe('plotholder_42Commenter#1');
    // Not body text: outside every paragraph's text (so in no offset), and never selected.
    await expect(header.evaluate((h) => h.closest('[data-para-start]') === null && getComputedStyle(h).userSelect === 'none')).resolves.toBe(true);
    await expect(text.getByRole('note', { name: 'Case Article' }).locator('.case-header-type').count()).resolves.toBe(0);
    await screenshot(page, 'document-case-headers');
    // The caret moves over a header from the line above it to the segment's first line.
    await text.focus();
    const caretLine = await page.evaluate(async () => {
      const line = [...document.querySelectorAll<HTMLElement>('[data-para-start]')].find((p) => p.textContent === 'plotholder_42')!;
      window.getSelection()!.collapse(line.firstChild, 3);
      return line.dataset.paraIndex;
    });
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.evaluate(() => (window.getSelection()!.anchorNode?.parentElement?.closest('[data-para-start]') as HTMLElement | null)?.dataset.paraIndex), POLL)
      .toBe(String(Number(caretLine) + 1));

    // From the Cases region, Marta's second comment: scrolled to and marked.
    await cases(page).getByRole('row', { name: 'Marta K.' }).getByRole('button', { name: 'Marta K.' }).click();
    await cases(page).getByRole('list', { name: 'Segments of Marta K.' }).getByRole('button', { name: `${THREAD} #8` }).click();
    const revealed = () =>
      page.evaluate(() => {
        const out: string[] = [];
        CSS.highlights.get('mg-revealed')?.forEach((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          out.push(String(range));
        });
        return out;
      });
    await expect.poll(revealed, POLL).toContain('We tried that in 2014 and the bank said no.');
    await page.keyboard.press('Escape');
  });

  it('codes passages and exports the segments CSV with the case of each', async () => {
    await createCode(page, 'Rent');
    await createCode(page, 'Land');
    // Back to the top: the reveal scrolled to the end of the thread.
    await page.getByRole('textbox', { name: `Text of ${THREAD}` }).focus();
    await caretToStart(page);
    for (const [phrase, codeName] of CODINGS) await code(page, phrase, codeName);

    const download = page.waitForEvent('download');
    await runCommand(page, 'Export coded segments (CSV)');
    const csv = await readDownload(await download);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFcoding_id,source,code,code_path,start,end,text,coder,created_at,memo,case');
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.text, r.code, r.case])).toEqual(CODINGS);
  });

  it('shows the case beside each coded segment, and its context on demand', async () => {
    await showSegmentsOf(page, 'Rent');
    await expect.poll(() => segmentCount(page), POLL).toBe('4 segments in 1 source');
    await expect.poll(() => listedCases(page), POLL).toEqual(['Article', 'plotholder_42', 'Marta K.', 'Grandad Tom 🌱']);
    await segmentsView(page).getByRole('checkbox', { name: 'Show context' }).check();
    const first = segmentsView(page).getByRole('list', { name: 'Segments of Rent' }).getByRole('listitem').first().locator('.segment-text');
    await expect.poll(() => first.textContent(), POLL).toBe(
      'The Riverside allotment society will pay three times its current rent from next spring, after its landowner, a regional water company, renewed the lease on new terms.',
    );
    await segmentsView(page).getByRole('checkbox', { name: 'Show context' }).uncheck();
  });

  it('saves a filter under a name and applies it again, with exact counts in both views', async () => {
    const view = segmentsView(page);
    await view.getByRole('button', { name: 'Add condition' }).click();
    await view.getByRole('combobox', { name: 'Restrict by' }).selectOption('case');
    for (const name of ['Marta K.', 'Grandad Tom 🌱']) {
      await view.getByRole('combobox', { name: 'Case', exact: true }).selectOption({ label: name });
      await view.getByRole('button', { name: 'Add', exact: true }).click();
    }
    await expect.poll(() => activeFilter(view), POLL).toBe('Cases: Marta K. or Grandad Tom 🌱×');
    await expect.poll(() => segmentCount(page), POLL).toBe('2 segments in 1 source');
    await view.getByRole('button', { name: 'Save filter…' }).click();
    const naming = page.getByRole('dialog', { name: 'Save filter' });
    await naming.getByLabel('Filter name').fill('Two gardeners');
    await naming.getByRole('button', { name: 'Save filter' }).click();
    await naming.waitFor({ state: 'detached' });
    // Saved in the project through the one door: an undoable step.
    await page.getByRole('button', { name: 'Undo: save filter Two gardeners', exact: true }).waitFor();

    await view.getByRole('button', { name: 'Clear filter' }).click();
    await expect.poll(() => segmentCount(page), POLL).toBe('4 segments in 1 source');
    await expect.poll(() => rentLandOverlaps(page), POLL).toBe('3');

    const matrix = page.getByRole('region', { name: 'Co-occurrence' });
    await matrix.getByRole('combobox', { name: 'Saved filters' }).selectOption({ label: 'Two gardeners' });
    await expect.poll(() => activeFilter(matrix), POLL).toBe('Cases: Marta K. or Grandad Tom 🌱×');
    await expect.poll(() => rentLandOverlaps(page), POLL).toBe('2');
    await screenshot(page, 'cooccurrence-saved-filter');
    await showSegmentsOf(page, 'Rent');
    await expect.poll(() => segmentCount(page), POLL).toBe('2 segments in 1 source');
    await expect.poll(() => listedCases(page), POLL).toEqual(['Marta K.', 'Grandad Tom 🌱']);
    await screenshot(page, 'coded-segments-saved-filter');

    // A case type: the commenters, not the article.
    await view.getByRole('button', { name: 'Clear filter' }).click();
    await view.getByRole('button', { name: 'Add condition' }).click();
    await view.getByRole('combobox', { name: 'Restrict by' }).selectOption('caseType');
    await view.getByRole('combobox', { name: 'Case type' }).selectOption({ label: 'Commenter' });
    await view.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => segmentCount(page), POLL).toBe('3 segments in 1 source');
    await view.getByRole('button', { name: 'Clear filter' }).click();
  });

  it('restricts every export to the active filter, and says which filter in the message and the dialog', async () => {
    await showSegmentsOf(page, 'Rent');
    await segmentsView(page).getByRole('combobox', { name: 'Saved filters' }).selectOption({ label: 'Two gardeners' });
    await expect.poll(() => segmentCount(page), POLL).toBe('2 segments in 1 source');
    const said = 'filtered by “Two gardeners”: Cases: Marta K. or Grandad Tom 🌱.';
    const notice = (what: string): Locator => page.locator('.notices .notice').filter({ hasText: `Exported ${what} to ` }).last();
    const csvRows = (csv: string): string[][] => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

    // File → Export coded segments (CSV): the four codings of Marta K. and Grandad Tom only.
    let download = page.waitForEvent('download');
    await runCommand(page, 'Export coded segments (CSV)');
    let file = await download;
    expect(file.suggestedFilename()).toBe('Who said it - coded segments (filtered).csv');
    const rows = Papa.parse<Record<string, string>>((await readDownload(file)).slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.text, r.code, r.case])).toEqual(CODINGS.filter(([, , who]) => who === 'Marta K.' || who === 'Grandad Tom 🌱'));
    await expect.poll(() => notice('the coded segments').textContent(), POLL).toContain(`Exported the coded segments to Who said it - coded segments (filtered).csv, ${said}`);

    // Crosstab (codes × the filter's cases), as CSV and XLSX.
    await page.getByRole('tab', { name: 'Crosstab' }).click();
    const crosstab = page.getByRole('region', { name: 'Crosstab' });
    download = page.waitForEvent('download');
    await crosstab.getByRole('button', { name: 'Export crosstab (CSV)' }).click();
    expect(csvRows(await readDownload(await download))).toEqual([
      ['code', 'Marta K.', 'Grandad Tom 🌱', 'total'],
      ['Rent', '1', '1', '2'],
      ['Land', '1', '1', '2'],
      ['total', '2', '2', ''],
    ]);
    await expect.poll(() => notice('the crosstab').textContent(), POLL).toContain(said);
    download = page.waitForEvent('download');
    await crosstab.getByRole('button', { name: 'Export crosstab (XLSX)' }).click();
    expect((await download).suggestedFilename()).toBe('Who said it - crosstab (filtered).xlsx');

    // Frequencies: two codings, two cases, one source per code.
    await page.getByRole('tab', { name: 'Frequencies' }).click();
    download = page.waitForEvent('download');
    await page.getByRole('group', { name: 'Code frequencies' }).getByRole('button', { name: 'Export code frequencies (CSV)' }).click();
    expect(csvRows(await readDownload(await download))).toEqual([
      ['code', 'codings', 'cases', 'sources', 'codings_with_subcodes', 'cases_with_subcodes', 'sources_with_subcodes'],
      ['Rent', '2', '2', '1', '2', '2', '1'],
      ['Land', '2', '2', '1', '2', '2', '1'],
    ]);
    await expect.poll(() => notice('the code frequencies').textContent(), POLL).toContain(said);

    // Co-occurrence: Rent and Land overlap twice among these two gardeners (three times unfiltered).
    await page.getByRole('tab', { name: 'Co-occurrence' }).click();
    await expect.poll(() => rentLandOverlaps(page), POLL).toBe('2');
    download = page.waitForEvent('download');
    await page.getByRole('region', { name: 'Co-occurrence' }).getByRole('button', { name: 'Export matrix (CSV)' }).click();
    file = await download;
    expect(file.suggestedFilename()).toBe('Who said it - code co-occurrence (filtered).csv');
    expect(csvRows(await readDownload(file))).toEqual([
      ['code', 'Rent', 'Land'],
      ['Rent', '', '2'],
      ['Land', '2', ''],
    ]);
    await expect.poll(() => notice('the co-occurrence matrix').textContent(), POLL).toContain(said);

    // The unit × code matrix: its dialog names the filter; one row per admitted case.
    await runCommand(page, 'Export unit × code matrix (CSV)');
    const dialog = page.getByRole('dialog', { name: 'Export unit × code matrix (CSV)' });
    await expect.poll(() => dialog.getByRole('note', { name: 'Filter applied' }).textContent(), POLL).toBe('Filtered by “Two gardeners”: Cases: Marta K. or Grandad Tom 🌱. Only the codings this filter keeps are counted, and case rows are only its cases.');
    await screenshot(page, 'unit-matrix-dialog-filtered');
    download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export' }).click();
    expect(await readDownload(await download)).toBe('\uFEFFcase,case_type,Rent,Land\r\nMarta K.,commenter,1,1\r\nGrandad Tom 🌱,commenter,1,1\r\n');
    await expect.poll(() => notice('the unit × code matrix').textContent(), POLL).toContain(said);

    // Cleared, the same command exports every coding again, and says nothing of a filter.
    await page.getByRole('region', { name: 'Co-occurrence' }).getByRole('button', { name: 'Clear filter' }).click();
    download = page.waitForEvent('download');
    await runCommand(page, 'Export coded segments (CSV)');
    file = await download;
    expect(file.suggestedFilename()).toBe('Who said it - coded segments.csv');
    expect(Papa.parse((await readDownload(file)).slice(1), { header: true, skipEmptyLines: true }).data).toHaveLength(CODINGS.length);
    await expect.poll(() => notice('the coded segments').locator('span').first().textContent(), POLL).toBe('Exported the coded segments to Who said it - coded segments.csv.');
  });

  it('filters the analysis views by the cases ticked in the Cases region', async () => {
    await showSegmentsOf(page, 'Land');
    await expect.poll(() => segmentCount(page), POLL).toBe('4 segments in 1 source');
    await cases(page).getByRole('checkbox', { name: 'Select beanrow' }).check();
    await expect.poll(() => segmentCount(page), POLL).toBe('1 segment in 1 source');
    await expect.poll(() => activeFilter(segmentsView(page)), POLL).toBe('Cases: beanrow×');
    await expect.poll(() => rentLandOverlaps(page), POLL).toBe('0');
    // Removing the chip unticks the case.
    await page.getByRole('region', { name: 'Co-occurrence' }).getByRole('button', { name: 'Remove Cases: beanrow' }).click();
    await expect.poll(() => cases(page).getByRole('checkbox', { name: 'Select beanrow' }).isChecked(), POLL).toBe(false);
    await expect.poll(() => rentLandOverlaps(page), POLL).toBe('3');
  });

  it('shows the attributes of one case type, and filters by an attribute range', async () => {
    await cases(page).getByRole('button', { name: 'Attributes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Case attributes' });
    const form = dialog.getByRole('form', { name: 'New attribute' });
    await form.getByLabel('Attribute name').fill('years on the plot');
    await form.getByLabel('Type').selectOption('number');
    await form.getByRole('button', { name: 'Add attribute' }).click();
    await dialog.getByRole('combobox', { name: 'Case type of years on the plot' }).fill('Commenter');
    await dialog.getByRole('combobox', { name: 'Case type of years on the plot' }).blur();
    for (const [name, years] of [['Grandad Tom 🌱', '40'], ['Marta K.', '3']] as const) {
      const cell = dialog.getByRole('textbox', { name: `years on the plot of ${name}` });
      await cell.fill(years);
      await cell.press('Enter');
    }
    await dialog.getByRole('combobox', { name: 'Cases of type' }).selectOption('commenter');
    const table = dialog.getByRole('table', { name: 'Case attributes' });
    // The commenters only (not the article), with no "Type" column.
    await expect.poll(() => table.locator('tbody tr').count(), POLL).toBe(7);
    await expect(table.getByRole('row', { name: 'Article' }).count()).resolves.toBe(0);
    await expect(table.locator('thead th').allTextContents()).resolves.toHaveLength(2);
    await screenshot(page, 'attributes-of-commenters');
    await dialog.getByRole('button', { name: 'Done' }).click();

    await showSegmentsOf(page, 'Rent');
    const view = segmentsView(page);
    await view.getByRole('button', { name: 'Add condition' }).click();
    await view.getByRole('combobox', { name: 'Restrict by' }).selectOption('attribute');
    await view.getByRole('combobox', { name: 'Attribute' }).selectOption({ label: 'years on the plot' });
    await view.getByRole('spinbutton', { name: 'From' }).fill('10');
    await view.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => activeFilter(view), POLL).toBe('Cases: years on the plot ≥ 10×');
    await expect.poll(() => listedCases(page), POLL).toEqual(['Grandad Tom 🌱']);
    await view.getByRole('button', { name: 'Clear filter' }).click();
    expect(app.pageErrors).toEqual([]);
  });
});
