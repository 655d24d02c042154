// Original files in real Chromium through the browser build: a .docx is imported, "Export original
// file" gives it back byte for byte; "Save project as" writes it into the .qdpx beside the plain
// text (richTextPath), "Open project" reads it into the new project, whose source exports the
// same bytes again; deleting the source takes the original with it and Undo brings it back.
// The .docx is built in the test (no binary fixtures).
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForSuite, readDownloadBytes, screenshot } from './support/browser';
import { newProject, waitForPhrase } from './support/coding';
import { importFiles } from './support/importing';
import { runCommand } from './support/commands';
import { buildDocx, paragraph } from '../shared/import/builders';

const NAME = 'Ferry meeting.docx';
const PHRASE = 'the night boat is a lifeline';
const DOCX = buildDocx(paragraph('Ferry users’ meeting', 'Heading1') + paragraph(`The chair said ${PHRASE}. 夜の便 matters.`));

async function exportOriginalBytes(page: Page): Promise<{ name: string; bytes: Uint8Array }> {
  const download = page.waitForEvent('download');
  await runCommand(page, 'Export original file');
  const file = await download;
  return { name: file.suggestedFilename(), bytes: await readDownloadBytes(file) };
}

describe('original files', () => {
  const suite = appForSuite();
  let page: Page;
  let saved: Buffer;

  beforeAll(async () => {
    page = suite.page;
    await page.getByRole('tree', { name: 'Codes' }).waitFor();
  });

  it('keeps the imported .docx and exports it byte for byte', async () => {
    await newProject(page, 'Originals');
    const sources = page.getByRole('region', { name: 'Sources' });
    // Nothing open yet: nothing to export.
    await expect(sources.getByRole('button', { name: 'Export original file' }).isDisabled()).resolves.toBe(true);
    await importFiles(page, [{ name: NAME, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(DOCX) }]);
    await sources.getByRole('button', { name: NAME, exact: true }).click();
    await waitForPhrase(page, PHRASE);
    await expect.poll(() => sources.getByRole('button', { name: 'Export original file' }).isEnabled(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'sources-export-original');
    const exported = await exportOriginalBytes(page);
    expect(exported.name).toBe(NAME);
    expect(Buffer.from(exported.bytes).equals(Buffer.from(DOCX))).toBe(true);
  });

  it('writes the original into the .qdpx beside the plain text with "Save project as"', async () => {
    const download = page.waitForEvent('download');
    await runCommand(page, 'Save project as');
    saved = Buffer.from(await readDownloadBytes(await download));
    const entries = unzipSync(saved);
    const qde = strFromU8(entries['project.qde']!);
    const richTextPath = /richTextPath="internal:\/\/([0-9a-f-]+\.docx)"/.exec(qde);
    expect(richTextPath).not.toBeNull();
    expect(qde).toMatch(/plainTextPath="internal:\/\/[0-9a-f-]+\.txt"/);
    expect(Buffer.from(entries[`sources/${richTextPath![1]}`]!).equals(Buffer.from(DOCX))).toBe(true);
  });

  it('opens the file as a new project whose source exports the same original', async () => {
    const chooser = page.waitForEvent('filechooser');
    await runCommand(page, 'Open project');
    await (await chooser).setFiles({ name: 'Originals.qdpx', mimeType: 'application/octet-stream', buffer: saved });
    const report = page.getByRole('dialog', { name: 'Project opened' });
    await report.waitFor({ timeout: 30_000 });
    await expect(report.textContent()).resolves.toContain('Everything in the file was read.');
    await report.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Project' }).locator('option:checked').textContent(), { timeout: 10_000 }).toBe('Originals (2)');

    const sources = page.getByRole('region', { name: 'Sources' });
    await sources.getByRole('button', { name: NAME, exact: true }).click();
    await waitForPhrase(page, PHRASE);
    await expect.poll(() => sources.getByRole('button', { name: 'Export original file' }).isEnabled(), { timeout: 10_000 }).toBe(true);
    const exported = await exportOriginalBytes(page);
    expect(exported.name).toBe(NAME);
    expect(Buffer.from(exported.bytes).equals(Buffer.from(DOCX))).toBe(true);
  });

  it('deletes the original with its source, and Undo brings both back', async () => {
    const sources = page.getByRole('region', { name: 'Sources' });
    await sources.getByRole('button', { name: 'Delete source' }).click();
    await page.getByRole('dialog', { name: 'Delete source' }).getByRole('button', { name: 'Delete source' }).click();
    await expect.poll(() => sources.getByRole('button', { name: NAME, exact: true }).count(), { timeout: 10_000 }).toBe(0);
    await page.keyboard.press('Control+z');
    await sources.getByRole('button', { name: NAME, exact: true }).waitFor({ timeout: 10_000 });
    await sources.getByRole('button', { name: NAME, exact: true }).click();
    await waitForPhrase(page, PHRASE);
    await expect.poll(() => sources.getByRole('button', { name: 'Export original file' }).isEnabled(), { timeout: 10_000 }).toBe(true);
    const exported = await exportOriginalBytes(page);
    expect(Buffer.from(exported.bytes).equals(Buffer.from(DOCX))).toBe(true);
    expect(suite.app.pageErrors).toEqual([]);
  });
});
