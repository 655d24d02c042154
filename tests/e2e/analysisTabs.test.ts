// The Crosstab, Frequencies and Search tabs in real Chromium, on a fixture with known cases: the
// ferry survey (five respondents, each a case with a district; two answer sources). Codings are
// made by searching and auto-coding, so every count below follows from the fixture's text:
//   "night|work" (regular expression) → p01 "night", "work"; p05 "work", "night" (in "nights")
//   "don't know" → p03 in q3, p05 in q4;   "ask" → p03 in q4 ("Ask us first.").
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openApp, readDownload, readDownloadBytes, screenshot, type OpenApp } from './support/browser';
import { createCode, newProject } from './support/coding';
import { repoRoot } from './support/paths';
import { confirmImport, pickFiles, waitUntilRead } from './support/importing';
import { runCommand } from './support/commands';
import { COMMANDS } from '../../renderer/src/commands/catalogue';
import { POLL } from './support/poll';

const SURVEY = 'ferry-survey.csv';
const Q3 = `${SURVEY} – q3_ferry_view`;
const Q4 = `${SURVEY} – q4_suggestions`;

function region(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** The crosstab as shown: row name → column header → cell text (totals included). */
function crosstabCells(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.getByRole('table', { name: 'Crosstab' }).evaluate((table) => {
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
    const out: Record<string, Record<string, string>> = {};
    for (const tr of table.querySelectorAll('tbody tr, tfoot tr')) {
      const cells = [...tr.children].map((c) => c.textContent?.trim() ?? '');
      out[cells[0]!] = Object.fromEntries(heads.slice(1).map((h, i) => [h, cells[i + 1]!]));
    }
    return out;
  });
}

/** Closes every notice, so a screenshot shows the view rather than the messages over it. */
async function dismissNotices(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'Dismiss message' });
  while ((await close.count()) > 0) await close.first().click();
}

/** A screenshot in the light theme and, where the app has one, the dark theme too. */
async function screenshotThemes(page: Page, name: string): Promise<void> {
  await dismissNotices(page);
  await screenshot(page, name);
  if (!COMMANDS.some((c) => c.label === 'Dark theme')) return;
  await runCommand(page, 'Dark theme');
  await dismissNotices(page);
  await screenshot(page, `${name}-dark`);
  await runCommand(page, 'Light theme');
}

async function search(page: Page, query: string, options: { regex?: boolean; wholeWord?: boolean } = {}): Promise<void> {
  const view = region(page, 'Search');
  await view.getByRole('searchbox', { name: 'Search for' }).fill(query);
  await view.getByRole('checkbox', { name: 'Regular expression' }).setChecked(options.regex ?? false);
  await view.getByRole('checkbox', { name: 'Whole word' }).setChecked(options.wholeWord ?? false);
  await view.getByRole('button', { name: 'Search', exact: true }).click();
}

function searchStatus(page: Page): Promise<string | null> {
  return region(page, 'Search').locator('.search-status').textContent();
}

async function autoCode(page: Page, code: string, scope: string, expected: string): Promise<void> {
  await region(page, 'Search').getByRole('button', { name: 'Auto-code…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Auto-code' });
  await dialog.getByRole('combobox', { name: 'Code to apply' }).selectOption({ label: code });
  await dialog.getByRole('radio', { name: scope }).check();
  await expect.poll(() => dialog.locator('.autocode-summary').textContent(), POLL).toBe(expected);
  await dialog.getByRole('button', { name: /^Auto-code \d+ passages?$/ }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('crosstab, frequencies and search', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
    page = app.page;
    await newProject(page, 'Ferry study');
    const dialog = await pickFiles(page, [{ name: SURVEY, mimeType: 'text/csv', buffer: readFileSync(resolve(repoRoot, 'tests/fixtures/import', SURVEY)) }]);
    await waitUntilRead(dialog);
    await dialog.getByRole('combobox', { name: 'Use of q4_suggestions' }).selectOption('text');
    await confirmImport(dialog);
    await region(page, 'Cases').getByRole('row', { name: 'p05', exact: true }).waitFor();
    for (const name of ['Night work', 'Asking first', "Don't know"]) await createCode(page, name);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('searches plain, whole word and by regular expression, refuses a catastrophic pattern, and opens a hit selected', async () => {
    await runCommand(page, 'Search project');
    await expect.poll(() => page.getByRole('tab', { name: 'Search' }).getAttribute('aria-selected'), POLL).toBe('true');
    await search(page, 'night');
    await expect.poll(() => searchStatus(page), POLL).toBe('2 hits in 1 source');
    await search(page, 'night', { wholeWord: true });
    await expect.poll(() => searchStatus(page), POLL).toBe('1 hit in 1 source');
    await search(page, '(a+)+$', { regex: true });
    await expect.poll(() => searchStatus(page), POLL).toMatch(/backtracks a lot/);
    await search(page, 'night|work', { regex: true });
    await expect.poll(() => searchStatus(page), POLL).toBe('4 hits in 1 source');
    const hits = page.getByRole('list', { name: 'Search hits' });
    await expect.poll(() => hits.locator('mark').allTextContents(), POLL).toEqual(['night', 'work', 'work', 'night']);
    await screenshot(page, 'search-hits');

    await hits.getByRole('listitem').nth(2).click();
    await expect.poll(() => page.locator('.document-title').textContent(), POLL).toBe(Q3);
    // The hit is the document's pending selection: painted, with the code menu beside it.
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('mg-pending')?.size ?? 0), POLL).toBe(1);
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Search' }).click();
    await expect.poll(() => searchStatus(page), POLL).toBe('4 hits in 1 source');
  });

  it('auto-codes the hits in one step that one Undo takes back', async () => {
    await autoCode(page, 'Night work', 'The hits themselves', 'Will create 4 codings with “Night work”.');
    const undo = page.getByRole('button', { name: 'Undo: auto-code 4 passages with Night work', exact: true });
    await undo.waitFor();
    await runCommand(page, 'Show frequencies');
    const table = page.getByRole('table', { name: 'Code frequencies' });
    await expect.poll(() => table.getByRole('row', { name: /Night work/ }).locator('td').allTextContents(), POLL).toEqual(['4', '2', '1']);
    await undo.click();
    await expect.poll(() => table.getByRole('row', { name: /Night work/ }).locator('td').allTextContents(), POLL).toEqual(['0', '0', '0']);
    await page.getByRole('button', { name: 'Redo: auto-code 4 passages with Night work', exact: true }).click();
    await expect.poll(() => table.getByRole('row', { name: /Night work/ }).locator('td').allTextContents(), POLL).toEqual(['4', '2', '1']);

    // Auto-coding the same hits again adds nothing: the dialog says so and offers no step.
    await page.getByRole('tab', { name: 'Search' }).click();
    await region(page, 'Search').getByRole('button', { name: 'Auto-code…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Auto-code' });
    await dialog.getByRole('combobox', { name: 'Code to apply' }).selectOption({ label: 'Night work' });
    await expect.poll(() => dialog.locator('.autocode-summary').textContent(), POLL).toBe('Will create 0 codings with “Night work”; 4 passages are skipped.');
    await expect(dialog.getByRole('button', { name: 'Auto-code 0 passages' }).isDisabled()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await search(page, "don't know");
    await expect.poll(() => searchStatus(page), POLL).toBe('2 hits in 2 sources');
    await autoCode(page, "Don't know", 'The paragraph around each hit', 'Will create 2 codings with “Don\'t know”.');
    await search(page, 'ask', { wholeWord: true });
    await expect.poll(() => searchStatus(page), POLL).toBe('1 hit in 1 source');
    await dismissNotices(page);
    await runCommand(page, 'Auto-code…');
    const again = page.getByRole('dialog', { name: 'Auto-code' });
    await again.getByRole('combobox', { name: 'Code to apply' }).selectOption({ label: 'Asking first' });
    await again.getByRole('radio', { name: 'The sentence around each hit' }).check();
    await expect.poll(() => again.locator('.autocode-summary').textContent(), POLL).toBe('Will create 1 coding with “Asking first”.');
    await expect.poll(() => again.getByRole('list', { name: 'Sample of the passages' }).textContent(), POLL).toBe(`${Q4} Ask us first.`);
    await screenshot(page, 'search-auto-code');
    await again.getByRole('button', { name: 'Auto-code 1 passage' }).click();
    await page.getByRole('button', { name: 'Undo: auto-code 1 passage with Asking first', exact: true }).waitFor();
  });

  it('counts each crosstab kind exactly: codes × cases, × attribute values, × sources; codings or cases', async () => {
    await runCommand(page, 'Show crosstab');
    await expect.poll(() => crosstabCells(page), POLL).toEqual({
      'Night work': { p01: '2', p02: '0', p03: '0', p04: '0', p05: '2', Total: '4' },
      'Asking first': { p01: '0', p02: '0', p03: '1', p04: '0', p05: '0', Total: '1' },
      "Don't know": { p01: '0', p02: '0', p03: '1', p04: '0', p05: '1', Total: '2' },
      Total: { p01: '2', p02: '0', p03: '2', p04: '0', p05: '3', Total: '' },
    });
    const view = region(page, 'Crosstab');
    await view.getByRole('radio', { name: 'Cases (each once)' }).check();
    await expect.poll(() => crosstabCells(page), POLL).toEqual({
      'Night work': { p01: '1', p02: '0', p03: '0', p04: '0', p05: '1', Total: '2' },
      'Asking first': { p01: '0', p02: '0', p03: '1', p04: '0', p05: '0', Total: '1' },
      "Don't know": { p01: '0', p02: '0', p03: '1', p04: '0', p05: '1', Total: '2' },
      'Total (cases in column)': { p01: '1', p02: '1', p03: '1', p04: '1', p05: '1', Total: '' },
    });

    await view.getByRole('combobox', { name: 'Columns' }).selectOption({ label: 'Values of district' });
    await expect.poll(() => crosstabCells(page), POLL).toEqual({
        'Night work': { Harbour: '1', North: '1', South: '0', Total: '2' },
        'Asking first': { Harbour: '0', North: '1', South: '0', Total: '1' },
        "Don't know": { Harbour: '1', North: '1', South: '0', Total: '2' },
        'Total (cases in column)': { Harbour: '2', North: '2', South: '1', Total: '' },
    });
    await view.getByRole('radio', { name: 'Column %' }).check();
    await expect.poll(async () => (await crosstabCells(page))['Night work'], POLL).toEqual({ Harbour: '50 %', North: '50 %', South: '0 %', Total: '2' });
    await view.getByRole('radio', { name: 'Codings' }).check();
    await view.getByRole('radio', { name: 'Counts' }).check();
    await expect.poll(async () => (await crosstabCells(page))['Night work'], POLL).toEqual({ Harbour: '2', North: '2', South: '0', Total: '4' });
    await view.getByRole('button', { name: 'Night work × North: 2 codings' }).click();
    await page.getByRole('list', { name: 'Segments of Night work in North' }).locator('.segment-text:not(.loading-text)').first().waitFor();
    await screenshotThemes(page, 'crosstab');

    await view.getByRole('combobox', { name: 'Columns' }).selectOption({ label: 'Sources' });
    await expect.poll(() => crosstabCells(page), POLL).toEqual({
      'Night work': { [Q3]: '4', [Q4]: '0', Total: '4' },
      'Asking first': { [Q3]: '0', [Q4]: '1', Total: '1' },
      "Don't know": { [Q3]: '1', [Q4]: '1', Total: '2' },
      Total: { [Q3]: '5', [Q4]: '2', Total: '' },
    });

    // A cell lists its segments (the Coded segments list).
    await view.getByRole('button', { name: `Night work × ${Q3}: 4 codings` }).click();
    const list = page.getByRole('list', { name: `Segments of Night work in ${Q3}` });
    await expect.poll(() => list.locator('.segment-text:not(.loading-text)').allTextContents(), POLL).toEqual(['night', 'work', 'work', 'night']);
    await screenshot(page, 'crosstab-cell');

    const csvDownload = page.waitForEvent('download');
    await view.getByRole('button', { name: 'Export crosstab (CSV)' }).click();
    const csv = Papa.parse<string[]>((await readDownload(await csvDownload)).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(csv).toEqual([
      ['code', Q3, Q4, 'total'],
      ['Night work', '4', '0', '4'],
      ['Asking first', '0', '1', '1'],
      ["Don't know", '1', '1', '2'],
      ['total', '5', '2', ''],
    ]);
    const xlsxDownload = page.waitForEvent('download');
    await view.getByRole('button', { name: 'Export crosstab (XLSX)' }).click();
    const xlsx = await readDownloadBytes(await xlsxDownload);
    expect([...xlsx.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('shows code and word frequencies as tables and charts, exported as CSV, SVG and PNG', async () => {
    await page.getByRole('tab', { name: 'Crosstab' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: 'Frequencies' }).getAttribute('aria-selected'), POLL).toBe('true');
    const codes = page.getByRole('table', { name: 'Code frequencies' });
    await expect.poll(() => codes.getByRole('row').allTextContents(), POLL).toEqual(['CodeCodingsCasesSources', 'Night work421', 'Asking first111', "Don't know222"]);
    // With its tables shown, one region answers to "Frequencies" (the code and word parts inside
    // it are groups, their scrolling tables regions of other names).
    expect(await page.getByRole('region', { name: 'Frequencies' }).count()).toBe(1);
    const chart = page.getByRole('img', { name: 'Codings per code (with subcodes)' });
    await expect.poll(() => chart.locator('.chart-bar').count(), POLL).toBe(3);
    const words = page.getByRole('table', { name: 'Word frequencies' });
    // "know" twice; "don't" is an English stop word.
    await expect.poll(() => words.getByRole('row', { name: 'know' }).locator('td').first().textContent(), POLL).toBe('2');
    await expect(words.getByRole('row', { name: "don't" }).count()).resolves.toBe(0);
    await screenshotThemes(page, 'frequencies');

    const svgDownload = page.waitForEvent('download');
    // Each chart's export buttons answer to their own names, page-wide.
    expect(await page.getByRole('button', { name: 'Export SVG' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Export word chart as SVG' }).count()).toBe(1);
    await page.getByRole('group', { name: 'Code frequencies' }).getByRole('button', { name: 'Export SVG' }).click();
    const svg = await readDownload(await svgDownload);
    expect(svg).toContain('<svg');
    expect(svg).toContain('Night work');
    expect(svg).not.toContain('var(--');
    const pngDownload = page.waitForEvent('download');
    await page.getByRole('group', { name: 'Code frequencies' }).getByRole('button', { name: 'Export PNG' }).click();
    const png = await readDownloadBytes(await pngDownload);
    expect([...png.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('group', { name: 'Code frequencies' }).getByRole('button', { name: 'Export code frequencies (CSV)' }).click();
    expect((await readDownload(await csvDownload)).split('\r\n')[1]).toBe('Night work,4,2,1,4,2,1');
  });
});
