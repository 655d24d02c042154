// Acceptance on the real-shaped corpus beside the repository (../shared/corpus, never committed):
// every UTF-8 .txt imports through the UI, and a passage with a character outside the BMP in the
// CRLF interview is coded and exported with exact code-point positions.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, readDownload, type OpenApp } from '../e2e/support/browser';
import { newProject, paintedTexts, selectPhrase } from '../e2e/support/coding';
import { sharedDir } from '../setup/machine';
import { describeWithSharedDir } from '../setup/requiredSuites';
import { importFiles } from '../e2e/support/importing';
import { POLL } from '../e2e/support/poll';
import { runCommand } from '../e2e/support/commands';

const corpus = resolve(sharedDir, 'corpus');
const INTERVIEW = 'interview-osaka-supplier-crlf.txt';

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describeWithSharedDir('the shared corpus', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;
  const utf8Files = readdirSync(corpus).filter((name) => name.endsWith('.txt') && isUtf8(readFileSync(resolve(corpus, name))));

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('imports every UTF-8 text file exactly, line endings normalised', async () => {
    expect(utf8Files).toContain(INTERVIEW);
    await newProject(page, 'Corpus acceptance');
    await expect.poll(() => page.getByRole('tree', { name: 'Codes' }).count(), POLL).toBe(0);
    await importFiles(
      page,
      utf8Files.map((name) => ({ name, mimeType: 'text/plain', buffer: readFileSync(resolve(corpus, name)) })),
    );
    const list = page.getByRole('list', { name: 'Sources in this project' });
    for (const name of utf8Files) await list.getByRole('button', { name, exact: true }).waitFor();
    for (const name of utf8Files) {
      await list.getByRole('button', { name, exact: true }).click();
      const expected = readFileSync(resolve(corpus, name), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
      await expect.poll(() => renderedMismatches(page, expected), POLL).toEqual([]);
    }
  });

  it('codes a passage holding an emoji in the CRLF interview and exports it exactly', async () => {
    await page.getByRole('list', { name: 'Sources in this project' }).getByRole('button', { name: INTERVIEW, exact: true }).click();
    const passage = 'That is on hold now. 😔';
    await selectPhrase(page, passage);
    await page.getByRole('button', { name: 'New code from selection' }).click();
    await expect.poll(() => paintedTexts(page), POLL).toEqual([passage]);

    const download = page.waitForEvent('download');
    await runCommand(page, 'Export coded segments (CSV)');
    const csv = await readDownload(await download);
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(1);
    const text = readFileSync(resolve(corpus, INTERVIEW), 'utf8').replace(/\r\n/g, '\n');
    const row = rows[0]!;
    expect(row.text).toBe(passage);
    expect(Array.from(text).slice(Number(row.start), Number(row.end)).join('')).toBe(passage);
  });
});

/**
 * The document is virtualised, so compare what is rendered: each paragraph must be the stored
 * text at its offset, ending at a line break. Returns the paragraphs that differ (none expected).
 */
async function renderedMismatches(page: Page, expected: string): Promise<string[]> {
  const paragraphs = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-para-start]')].map((p) => ({ start: Number(p.dataset.paraStart), text: p.textContent ?? '' })),
  );
  if (paragraphs.length === 0) return ['nothing rendered'];
  return paragraphs
    .filter(({ start, text }) => expected.slice(start, start + text.length) !== text || (start + text.length < expected.length && expected[start + text.length] !== '\n'))
    .map(({ start, text }) => `${start}: ${text}`);
}
