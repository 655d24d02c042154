// Retrieval and co-occurrence in real Chromium: code passages, list a code's segments with its
// subcodes from the codebook, open one in the document, then read the co-occurrence matrix, list
// the overlaps behind a cell, and export the matrix as CSV.
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForSuite, readDownload, screenshot } from './support/browser';
import { createCode, newProject, paintedTexts, selectPhrase } from './support/coding';
import { importFiles, sourceFixture } from './support/importing';
import { POLL } from './support/poll';

const threadName = 'riverside-article-with-comments.txt';
const interviewName = 'cafe-interview-crlf.txt';

/** Applies a code to the first occurrence of a phrase in the open document, from the code menu. */
async function code(page: Page, phrase: string, codeName: string): Promise<void> {
  await selectPhrase(page, phrase);
  const menu = page.getByRole('listbox', { name: 'Apply code' });
  await menu.getByRole('option', { name: codeName, exact: true }).click();
  await expect.poll(() => paintedTexts(page), POLL).toContain(phrase);
}

async function openSource(page: Page, name: string): Promise<void> {
  await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name }).click();
  await expect.poll(() => page.locator('.document-title').textContent(), POLL).toBe(name);
}

/** The texts of the listed segments that are rendered, in list order. */
function listedTexts(page: Page, list: string): Promise<string[]> {
  return page
    .getByRole('list', { name: list })
    .getByRole('listitem')
    .evaluateAll((rows) =>
      rows
        .sort((a, b) => Number((a as HTMLElement).dataset.index) - Number((b as HTMLElement).dataset.index))
        .map((r) => r.querySelector('.segment-text')?.textContent ?? ''),
    );
}

describe('coded segments and co-occurrence', () => {
  const suite = appForSuite();
  let page: Page;

  beforeAll(async () => {
    page = suite.page;
    await page.getByRole('tree', { name: 'Codes' }).waitFor();
  });

  it('reads the coded sample project in both views', async () => {
    await page.getByRole('treeitem', { name: 'Digital access' }).waitFor();
    await page.getByRole('tab', { name: 'Co-occurrence' }).click();
    const table = page.getByRole('table', { name: 'Co-occurrence matrix' });
    await table.waitFor();
    await expect.poll(() => table.getByRole('columnheader').count(), POLL).toBeGreaterThan(2);
    await screenshot(page, 'sample-cooccurrence');
    await table.getByRole('button').first().click();
    await page.locator('.overlap-pane [role="listitem"] .segment-text:not(.loading-text)').first().waitFor();
    await screenshot(page, 'sample-cooccurrence-cell');
    await page.getByRole('treeitem', { name: 'Digital access' }).click();
    await page.getByRole('button', { name: 'Show coded segments' }).click();
    await page.locator('.segment-row .segment-text:not(.loading-text)').first().waitFor();
    await screenshot(page, 'sample-coded-segments');
  });

  it('codes passages of two sources with a code, its subcode and an overlapping code', async () => {
    await newProject(page, 'Retrieval study');
    await importFiles(page, [
      sourceFixture(threadName),
      sourceFixture(interviewName),
    ]);
    await createCode(page, 'Access');
    await createCode(page, 'Night travel', 'Access');
    await createCode(page, 'Safety');
    await openSource(page, threadName);
    await code(page, 'a forty-minute walk home along the ring road', 'Night travel');
    await code(page, 'walk home along the ring road 😟', 'Safety');
    await code(page, 'Ten passengers an hour', 'Access');
    await code(page, 'Cutting the route entirely', 'Safety');
    await openSource(page, interviewName);
    await code(page, '朝の客が減った 😔', 'Access');
    await code(page, 'Fewer morning customers.', 'Safety');
  });

  it('lists a code’s segments with its subcodes, in reading order, from “Show coded segments”', async () => {
    await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: 'Access', exact: true }).click();
    await page.getByRole('region', { name: 'Codebook' }).getByRole('button', { name: 'Show coded segments' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Coded segments' }).getAttribute('aria-selected'), POLL).toBe('true');
    const view = page.getByRole('region', { name: 'Coded segments' });
    await expect.poll(() => view.getByRole('combobox', { name: 'Code' }).locator('option:checked').textContent(), POLL).toBe('Access');
    await expect(view.getByRole('checkbox', { name: /Include subcodes/ }).isChecked()).resolves.toBe(true);
    await expect.poll(() => view.getByRole('status').first().textContent(), POLL).toBe('3 segments in 2 sources');
    await expect
      .poll(() => listedTexts(page, 'Segments of Access'), POLL)
      .toEqual(['a forty-minute walk home along the ring road', 'Ten passengers an hour', '朝の客が減った 😔']);
    const rows = view.getByRole('list', { name: 'Segments of Access' }).getByRole('listitem');
    await expect(rows.nth(0).locator('.segment-meta').textContent()).resolves.toBe(`${threadName}Night travel`);
    await screenshot(page, 'retrieval-coded-segments');

    await view.getByRole('checkbox', { name: /Include subcodes/ }).uncheck();
    await expect.poll(() => view.getByRole('status').first().textContent(), POLL).toBe('2 segments in 2 sources');
    await expect.poll(() => listedTexts(page, 'Segments of Access'), POLL).toEqual(['Ten passengers an hour', '朝の客が減った 😔']);
    await view.getByRole('checkbox', { name: /Include subcodes/ }).check();
    await expect.poll(() => view.getByRole('status').first().textContent(), POLL).toBe('3 segments in 2 sources');
  });

  it('opens a segment in the document and comes back to it', async () => {
    // The interview is open: the first segment is in the other source.
    const view = page.getByRole('region', { name: 'Coded segments' });
    await view.getByRole('listitem').filter({ hasText: 'a forty-minute walk' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Document' }).getAttribute('aria-selected'), POLL).toBe('true');
    await expect.poll(() => page.locator('.document-title').textContent(), POLL).toBe(threadName);
    const popover = page.getByRole('dialog', { name: 'Codings here' });
    await popover.waitFor();
    await expect(popover.textContent()).resolves.toContain('Night travel');
    const inView = await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.document-scroll')!.getBoundingClientRect();
      const para = [...document.querySelectorAll<HTMLElement>('[data-para-start]')].find((p) => p.textContent?.includes('forty-minute'));
      const box = para?.getBoundingClientRect();
      return !!box && box.top >= scroller.top && box.bottom <= scroller.bottom;
    });
    expect(inView).toBe(true);
    await screenshot(page, 'retrieval-revealed');
    await page.keyboard.press('Escape');

    // Back in the list, the segment opened last is marked; Enter on another opens that one.
    await page.getByRole('tab', { name: 'Coded segments' }).click();
    const current = view.locator('[role="listitem"][aria-current="true"]');
    await expect.poll(() => current.locator('.segment-text').textContent(), POLL).toBe('a forty-minute walk home along the ring road');
    // Another segment of the source the hidden document still shows.
    await view.getByRole('listitem').filter({ hasText: 'Ten passengers an hour' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Document' }).getAttribute('aria-selected'), POLL).toBe('true');
    await expect.poll(() => page.getByRole('dialog', { name: 'Codings here' }).textContent(), POLL).toContain('Access');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Coded segments' }).click();
    await view.getByRole('listitem').filter({ hasText: '朝の客が減った' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.document-title').textContent(), POLL).toBe(interviewName);
    await page.getByRole('dialog', { name: 'Codings here' }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('refreshes the list when a segment is coded', async () => {
    await code(page, 'It shows by Friday.', 'Night travel');
    await page.getByRole('tab', { name: 'Coded segments' }).click();
    const view = page.getByRole('region', { name: 'Coded segments' });
    await expect.poll(() => view.getByRole('status').first().textContent(), POLL).toBe('4 segments in 2 sources');
  });

  it('counts overlaps in the co-occurrence matrix and lists those of a cell', async () => {
    await page.getByRole('tab', { name: 'Co-occurrence' }).click();
    const view = page.getByRole('region', { name: 'Co-occurrence' });
    const table = view.getByRole('table', { name: 'Co-occurrence matrix' });
    await table.waitFor();
    await expect(table.getByRole('columnheader').allTextContents()).resolves.toEqual(['Access', 'Night travel', 'Safety']);
    await expect(table.getByRole('cell', { name: 'Access with itself: not counted' }).textContent()).resolves.toBe('—');
    // "a forty-minute walk…" (Night travel) overlaps "walk home… 😟" (Safety); in the interview
    // "Fewer morning customers." (Safety) and "朝の客…" (Access) share a line but no character.
    await expect(table.getByRole('button', { name: 'Night travel and Safety: 1 overlap' }).textContent()).resolves.toBe('1');
    await expect(table.getByRole('button', { name: 'Safety and Night travel: 1 overlap' }).textContent()).resolves.toBe('1');
    await expect(table.getByRole('button', { name: /^Access and Safety/ }).count()).resolves.toBe(0);

    await table.getByRole('button', { name: 'Night travel and Safety: 1 overlap' }).click();
    const overlaps = view.getByRole('region', { name: 'Overlaps of Night travel and Safety' });
    await expect.poll(() => overlaps.getByRole('status').textContent(), POLL).toBe('1 overlap in 1 source');
    await expect.poll(() => listedTexts(page, 'Overlaps of Night travel and Safety'), POLL).toEqual(['a forty-minute walk home along the ring road 😟']);
    await expect(overlaps.locator('mark').textContent()).resolves.toBe('walk home along the ring road');
    await screenshot(page, 'cooccurrence-matrix');
  });

  it('exports the matrix as CSV', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('region', { name: 'Co-occurrence' }).getByRole('button', { name: 'Export matrix (CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Retrieval study - code co-occurrence.csv');
    const csv = await readDownload(file);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'code,Access,Access > Night travel,Safety',
      'Access,,0,0',
      'Access > Night travel,0,,1',
      'Safety,0,1,',
      '',
    ]);
    expect(Papa.parse(csv.slice(1), { skipEmptyLines: true }).errors).toEqual([]);
  });

  it('exports the listed segments with the columns of the segments CSV', async () => {
    await page.getByRole('tab', { name: 'Coded segments' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('region', { name: 'Coded segments' }).getByRole('button', { name: 'Export segments (CSV)' }).click();
    const csv = await readDownload(await download);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFcoding_id,source,code,code_path,start,end,text,coder,created_at,memo,case');
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => `${r.code}: ${r.text}`)).toEqual([
      'Night travel: a forty-minute walk home along the ring road',
      'Access: Ten passengers an hour',
      'Access: 朝の客が減った 😔',
      'Night travel: It shows by Friday.',
    ]);
    expect(suite.app.pageErrors).toEqual([]);
  });
});
