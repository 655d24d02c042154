// Hostile files through the real import dialogs in Chromium: each file ends with a reason (or a
// note) in its own row or in the codebook preview, nothing of a refused file is stored, and the
// window keeps working while the worker reads. The files are built here, a few kilobytes each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot, type OpenApp } from './support/browser';
import { newProject } from './support/coding';
import { confirmImport, pickFiles, waitUntilRead, type FileToImport } from './support/importing';
import { buildOdt } from '../shared/import/builders';
import { deeplyNestedHtml, guid, latin1, odtRepeatedSpaces, qdcXml, qdpxBomb, xlsxCell, xlsxManyRows, xlsxWithSheetXml } from '../shared/import/hostileBuilders';

const built = (name: string, bytes: Uint8Array | string): FileToImport => ({
  name,
  mimeType: 'application/octet-stream',
  buffer: Buffer.from(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes),
});

function fileRow(dialog: Locator, name: string): Locator {
  return dialog.getByRole('table', { name: 'Files to import' }).getByRole('row', { name, exact: true });
}

describe('hostile files in the import dialogs', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
    page = app.page;
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await newProject(page, 'Hostile files');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('gives each hostile source a reason or a note in its row, and stores only what is safe', async () => {
    const before = await page.getByRole('list', { name: 'Sources in this project' }).getByRole('listitem').count();
    const sheet = `<sheetData><row r="1">${xlsxCell('A1', 'id')}${xlsxCell('B1', 'answer')}</row><row r="2">${xlsxCell('A2', 'r1')}${xlsxCell('B2', 'Yes')}</row>`;
    const dialog = await pickFiles(page, [
      built('spaces.odt', odtRepeatedSpaces(500_000_000)),
      built('endless.odt', buildOdt(`<text:p>x${'<text:s text:c="1000"/>'.repeat(70_000)}</text:p>`, { stored: true })),
      built('whole-sheet.xlsx', xlsxWithSheetXml(`${sheet}<row r="1048576">${xlsxCell('XFD1048576', 'x')}</row></sheetData>`)),
      built('many-rows.xlsx', xlsxManyRows(150_000)),
      built('nested.html', deeplyNestedHtml(200_000)),
    ]);
    await waitUntilRead(dialog);
    const results: Record<string, RegExp> = {
      'spaces.odt': /^Ready \(see notes\)$/,
      'endless.odt': /more than 60,000,000 characters of text, the most one source can hold/,
      'whole-sheet.xlsx': /data down to row 1,048,576; at most 100,000 rows/,
      'many-rows.xlsx': /at most 100,000 rows/,
      'nested.html': /^Ready$/,
    };
    for (const [name, result] of Object.entries(results)) {
      await expect.poll(() => fileRow(dialog, name).locator('.file-result').textContent(), { timeout: 10_000 }).toMatch(result);
    }
    // The window answered throughout: the selected file's preview and notes are there to read.
    await fileRow(dialog, 'spaces.odt').click();
    await expect(dialog.getByRole('list', { name: 'Notes' }).textContent()).resolves.toMatch(/run of 500,000,000 spaces/);
    await screenshot(page, 'import-dialog-hostile-files');
    await confirmImport(dialog);

    const items = page.getByRole('list', { name: 'Sources in this project' }).getByRole('listitem');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(before + 2);
    const alert = page.getByRole('region', { name: 'Sources' }).getByRole('alert');
    const listed = await alert.getByRole('listitem').allTextContents();
    expect(listed.map((item) => item.slice(0, item.indexOf(': '))).sort()).toEqual(['endless.odt', 'many-rows.xlsx', 'whole-sheet.xlsx']);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  });

  async function pickCodebook(file: FileToImport): Promise<Locator> {
    await page.locator('input[aria-label="Codebook file"]').setInputFiles(file);
    const dialog = page.getByRole('dialog', { name: 'Import codebook' });
    await dialog.waitFor({ timeout: 30_000 });
    return dialog;
  }

  it('shows why a .qdpx zip bomb cannot be imported, in the codebook preview, and imports nothing', async () => {
    const dialog = await pickCodebook(built('study.qdpx', qdpxBomb(1024 * 1024, 3 * 1024 * 1024 * 1024)));
    await expect(dialog.getByRole('list', { name: 'About the file' }).textContent()).resolves.toMatch(/zip bomb/);
    await expect(dialog.getByRole('button', { name: 'Import 0 codes' }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'codebook-preview-zip-bomb');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('warns in the codebook preview that a Latin-1 .qdc was read as Windows-1252, with its names intact', async () => {
    const qdc = latin1(qdcXml(`<Code guid="${guid(1)}" name="Économie" isCodable="true"/><Code guid="${guid(2)}" name="Santé" isCodable="true"/>`, '<?xml version="1.0"?>'));
    const dialog = await pickCodebook(built('latin1.qdc', qdc));
    await expect(dialog.getByRole('list', { name: 'About the file' }).textContent()).resolves.toMatch(/not valid UTF-8 as REFI-QDA requires, so it was read as Windows-1252/);
    const preview = dialog.getByRole('table', { name: 'Import preview' });
    await expect(preview.textContent()).resolves.toMatch(/Économie.*Santé/s);
    await screenshot(page, 'codebook-preview-latin1');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(pageErrors).toEqual([]);
  });
});
