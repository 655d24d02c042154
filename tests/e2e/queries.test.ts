// Queries and the unit × code matrix in real Chromium, on a forum thread with known codings and
// cases (tests/fixtures/queries/queryProject.ts, opened as a .qdpx): every kind of query gives its
// exact number of passages, a result opens in the document, a saved query runs again after a
// reload, "Code the result" is one step that one Undo takes back, and the matrix CSV holds
// exactly the expected rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openApp, readDownload, screenshot, type OpenApp } from './support/browser';
import { runCommand, runFromPalette } from './support/commands';
import { POLL } from './support/poll';
import { writeQdpx } from '../../shared/refi/qdpxWrite';
import { QUERY_PROJECT, queryProjectSnapshot } from '../fixtures/queries/queryProject';

interface Built {
  a: string;
  find: string;
  b: string;
  same?: string;
  distance?: number;
  unit?: string;
  aSubcodes?: boolean;
}

function panel(page: Page): Locator {
  return page.getByRole('region', { name: 'Queries' });
}

async function build(page: Page, q: Built): Promise<void> {
  const builder = page.getByRole('form', { name: 'Query builder' });
  await builder.getByRole('combobox', { name: 'Code A' }).selectOption({ label: q.a });
  const subcodes = builder.getByRole('checkbox', { name: 'Include the subcodes of A' });
  if ((await subcodes.isChecked()) !== (q.aSubcodes === true)) await subcodes.click();
  await builder.getByRole('combobox', { name: 'Find' }).selectOption({ label: q.find });
  if (q.same) await builder.getByRole('combobox', { name: 'Same' }).selectOption({ label: q.same });
  if (q.distance !== undefined) {
    await builder.getByRole('spinbutton', { name: 'Distance' }).fill(String(q.distance));
    await builder.getByRole('combobox', { name: 'Distance unit' }).selectOption({ label: q.unit! });
  }
  await builder.getByRole('combobox', { name: 'Code B' }).selectOption({ label: q.b });
}

function resultCount(page: Page): Promise<string | null> {
  return panel(page).getByRole('status', { name: 'Query results' }).textContent();
}

async function run(page: Page, q: Built): Promise<void> {
  await build(page, q);
  await page.getByRole('form', { name: 'Query builder' }).getByRole('button', { name: 'Run query' }).click();
}

describe('queries and the unit × code matrix', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
    page = app.page;
    await page.getByRole('tree', { name: 'Codes' }).waitFor();
    const chooser = page.waitForEvent('filechooser');
    await runCommand(page, 'Open project');
    await (await chooser).setFiles({ name: 'forum.qdpx', mimeType: 'application/octet-stream', buffer: Buffer.from(writeQdpx(queryProjectSnapshot())) });
    const report = page.getByRole('dialog', { name: 'Project opened' });
    await report.waitFor({ timeout: 30_000 });
    await report.getByRole('button', { name: 'Close' }).click();
    await page.waitForFunction((name) => document.querySelector<HTMLSelectElement>('select[aria-label="Project"]')?.selectedOptions[0]?.textContent === name, QUERY_PROJECT, { timeout: 10_000 });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('finds the exact passages of every kind of query', async () => {
    await runCommand(page, 'Show queries');
    await panel(page).waitFor();
    await screenshot(page, 'queries-empty');
    const cases: Array<[Built, string]> = [
      [{ a: 'Trust', find: 'A and B overlap (AND)', b: 'Transport' }, '1 passage in 1 source'],
      [{ a: 'Trust', find: 'A or B (OR)', b: 'Transport' }, '5 passages in 1 source'],
      [{ a: 'Trust', find: 'Coded A but not B (NOT)', b: 'Transport' }, '1 passage in 1 source'],
      [{ a: 'Trust', find: 'A and B in the same…', same: 'case', b: 'Transport' }, '4 passages in 1 source'],
      [{ a: 'Trust', find: 'A and B in the same…', same: 'paragraph', b: 'Transport' }, '2 passages in 1 source'],
      [{ a: 'Trust', find: 'A and B in the same…', same: 'case segment', b: 'Transport' }, '2 passages in 1 source'],
      [{ a: 'Trust', find: 'B within N characters or paragraphs of A', distance: 1, unit: 'paragraphs', b: 'Transport' }, '4 passages in 1 source'],
      [{ a: 'Distrust', aSubcodes: true, find: 'A followed by B', distance: 10, unit: 'characters', b: 'Transport' }, '2 passages in 1 source'],
    ];
    for (const [query, count] of cases) {
      await run(page, query);
      await expect.poll(() => resultCount(page), POLL).toBe(count);
    }
    // The last one, read: China is Distrust's subcode; the port is 6 characters after it.
    const list = panel(page).getByRole('list', { name: /^Results of / });
    await list.locator('.segment-text:not(.loading-text)').first().waitFor();
    await expect.poll(() => list.locator('.segment-text').allTextContents(), POLL).toEqual(['China owns the port', 'The port is busy']);
    await screenshot(page, 'queries-results');
    await list.getByRole('listitem').first().click();
    await expect.poll(() => page.locator('.document-title').textContent(), POLL).toBe('Forum thread');
  });

  it('saves a query with a name and runs it again after a reload', async () => {
    await runFromPalette(page, 'New query');
    await panel(page).waitFor();
    await run(page, { a: 'Trust', find: 'A and B in the same…', same: 'case', b: 'Transport' });
    await expect.poll(() => resultCount(page), POLL).toBe('4 passages in 1 source');
    await runCommand(page, 'Save query…');
    const dialog = page.getByRole('dialog', { name: 'Save query' });
    await dialog.getByRole('textbox', { name: 'Query name' }).fill('Trust meets transport');
    await dialog.getByRole('button', { name: 'Save query' }).click();
    const saved = panel(page).getByRole('list', { name: 'Saved queries' });
    await expect.poll(() => saved.getByRole('listitem').allTextContents(), POLL).toEqual([expect.stringContaining('Trust meets transport')]);
    await expect(saved.textContent()).resolves.toContain('Trust and Transport in the same case');

    await page.reload();
    await page.getByRole('tree', { name: 'Codes' }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Project' }).locator('option:checked').textContent(), POLL).toBe(QUERY_PROJECT);
    await page.getByRole('tab', { name: 'Queries' }).click();
    await panel(page).getByRole('button', { name: 'Run Trust meets transport' }).click();
    await expect.poll(() => resultCount(page), POLL).toBe('4 passages in 1 source');

    // Renaming is a step of its own.
    await panel(page).getByRole('button', { name: 'Rename Trust meets transport' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename query' });
    await rename.getByRole('textbox', { name: 'Query name' }).fill('Same commenter');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await panel(page).getByRole('button', { name: 'Run Same commenter' }).waitFor();
    await screenshot(page, 'queries-saved');
  });

  it('codes the result with a new code in one step, which one Undo takes back', async () => {
    await run(page, { a: 'Trust', find: 'A or B (OR)', b: 'Transport' });
    await expect.poll(() => resultCount(page), POLL).toBe('5 passages in 1 source');
    await panel(page).getByRole('button', { name: 'Code the result…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Code the result' });
    await dialog.getByRole('radio', { name: 'A new code' }).check();
    await dialog.getByRole('textbox', { name: 'New code name' }).fill('Public life');
    await screenshot(page, 'queries-code-result');
    await dialog.getByRole('button', { name: 'Code 5 passages' }).click();
    await page.getByRole('treeitem', { name: /Public life/ }).waitFor();
    // The new code's passages are exactly the query's.
    await run(page, { a: 'Public life', find: 'A or B (OR)', b: 'Public life' });
    await expect.poll(() => resultCount(page), POLL).toBe('5 passages in 1 source');

    await page.getByRole('button', { name: 'Undo: code 5 passages of a query with Public life' }).click();
    await expect.poll(() => page.getByRole('treeitem', { name: /Public life/ }).count(), POLL).toBe(0);
    await expect.poll(() => panel(page).textContent(), POLL).toContain('A code of this query no longer exists.');
  });

  it('exports the case × code matrix with exactly the expected rows', async () => {
    await runCommand(page, 'Export unit × code matrix (CSV)');
    const dialog = page.getByRole('dialog', { name: 'Export unit × code matrix (CSV)' });
    await dialog.getByRole('radio', { name: /^Case/ }).check();
    await screenshot(page, 'unit-matrix-dialog');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export' }).click();
    expect(await readDownload(await download)).toBe(
      '\uFEFFcase,case_type,Trust,Transport,Prices,Distrust,Distrust_China,region\r\nAnn,commenter,1,1,1,0,0,Kanto\r\nBo,commenter,1,1,0,1,1,Kansai\r\nCy,commenter,0,1,0,0,0,\r\n',
    );

    await runCommand(page, 'Export unit × code matrix (CSV)');
    await dialog.getByRole('radio', { name: /^Split segment/ }).check();
    await dialog.getByRole('radio', { name: /^Counts/ }).check();
    const segments = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export' }).click();
    expect(await readDownload(await segments)).toBe(
      '\uFEFFsource,segment,case,Trust,Transport,Prices,Distrust,Distrust_China,region\r\n' +
        'Forum thread,1,Ann,1,1,1,0,0,Kanto\r\nForum thread,2,Bo,1,0,0,1,1,Kansai\r\nForum thread,3,Bo,0,1,0,0,0,Kansai\r\nForum thread,4,Cy,0,1,0,0,0,\r\n',
    );
    expect(app.pageErrors).toEqual([]);
  });
});
