// Importing every format through the UI in real Chromium: several files at once with a per-file
// result list, the detected encoding shown and changed before committing, bad files refused by
// name with a reason (nothing stored from them), a survey mapped to cases with typed
// attributes, a workbook as one source per respondent filtered by an attribute, files
// dropped onto the window, and a survey of thousands listed (virtualised) and reached by scrolling and keys. Binary formats are built in the test (no binary fixtures).
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot, type OpenApp } from './support/browser';
import { waitForPhrase } from './support/coding';
import { repoRoot } from './support/paths';
import { confirmImport, pickFiles, waitUntilRead, type FileToImport } from './support/importing';
import { buildDocx, buildOdt, buildXlsx, paragraph } from '../shared/import/builders';
import { buildPdf } from '../renderer/import/pdfBuilder';
import { newProject } from './support/coding';
import { POLL } from './support/poll';

const fixtures = resolve(repoRoot, 'tests/fixtures/import');
const fixture = (name: string, mimeType = 'application/octet-stream'): FileToImport => ({ name, mimeType, buffer: readFileSync(resolve(fixtures, name)) });
const built = (name: string, bytes: Uint8Array): FileToImport => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });

const DOCX = buildDocx(
  paragraph('Ferry users’ meeting', 'Heading1') + paragraph('The chair said the “night boat” is a lifeline. 夜の便 matters.') + paragraph('Minutes taken by R. Osei.'),
);
const ODT = buildOdt('<text:h>Harbour walk</text:h><text:p>We walked the quay at dawn; the café was shut. 🚶</text:p>');
const PDF = buildPdf([['Ferry report', 'Page one text.'], ['Page two: passenger counts fell.']]);

function fileRow(dialog: Locator, name: string): Locator {
  return dialog.getByRole('table', { name: 'Files to import' }).getByRole('row', { name, exact: true });
}

function sourceButton(page: Page, name: string): Locator {
  return page.getByRole('list', { name: 'Sources in this project' }).getByRole('button', { name, exact: true });
}

async function documentText(page: Page): Promise<string> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-para-start]')].map((p) => p.textContent ?? '').join('\n'));
}

describe('importing sources', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;
  const dialogsOpened: string[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'marginalia-import-'));

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
    page = app.page;
    // A script in an imported page must never run: any alert() would land here.
    page.on('dialog', (d) => {
      dialogsOpened.push(d.message());
      void d.dismiss();
    });
    await newProject(page, 'Import formats');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('imports every document format at once, with a result per file', async () => {
    const dialog = await pickFiles(page, [
      fixture('market-notes-windows-1252.txt', 'text/plain'),
      fixture('ferry-interview.md', 'text/markdown'),
      fixture('council-minutes.html', 'text/html'),
      fixture('ferry-letter.rtf', 'application/rtf'),
      built('meeting.docx', DOCX),
      built('harbour-walk.odt', ODT),
      built('ferry-report.pdf', PDF),
    ]);
    await expect(dialog.getByText(/Up to 50 MB a file \(PDFs 100 MB\) and 60 million characters of text/).count()).resolves.toBe(1);
    await waitUntilRead(dialog);
    for (const name of ['market-notes-windows-1252.txt', 'ferry-interview.md', 'council-minutes.html', 'ferry-letter.rtf', 'meeting.docx', 'harbour-walk.odt']) {
      await expect(fileRow(dialog, name).locator('.file-result').textContent()).resolves.toBe('Ready');
    }
    await expect(fileRow(dialog, 'ferry-report.pdf').locator('.file-result').textContent()).resolves.toBe('Ready, 2 pages');
    await dialog.getByRole('button', { name: 'ferry-report.pdf', exact: true }).click();
    await expect(dialog.getByLabel('Preview').textContent()).resolves.toBe('Ferry report\nPage one text.\n\nPage two: passenger counts fell.');
    await screenshot(page, 'import-dialog-formats');
    await confirmImport(dialog);

    const expected: Array<[string, string[]]> = [
      ['market-notes-windows-1252.txt', ['The “new rules” sign', '‘a formality’', 'The café opens late.']],
      ['ferry-interview.md', ['# Interview 5 — ferry crew member', '夜の便がなくなった 🚢']],
      ['council-minutes.html', ['Harbour council minutes', 'a “temporary” reprieve', 'Residents asked for the figures to be published.']],
      ['ferry-letter.rtf', ['Letter from the ferry users’ group', 'the “passenger counts” – all of them', 'the café owners and € donors']],
      ['meeting.docx', ['Ferry users’ meeting', 'the “night boat” is a lifeline. 夜の便 matters.']],
      ['harbour-walk.odt', ['Harbour walk', 'the café was shut. 🚶']],
      ['ferry-report.pdf', ['Page one text.', 'Page two: passenger counts fell.']],
    ];
    for (const [name, phrases] of expected) {
      await sourceButton(page, name).click();
      await expect.poll(() => page.getByRole('region', { name: 'Document' }).getByRole('heading', { level: 2 }).textContent(), POLL).toBe(name);
      for (const phrase of phrases) await waitForPhrase(page, phrase);
    }
    await expect(page.getByRole('region', { name: 'Document' }).locator('.document-meta').textContent()).resolves.toMatch(/PDF$/);
    // pdf.js's CMaps (CJK text) and standard fonts are served beside the app, where it looks for them.
    const assets = await page.evaluate(() =>
      Promise.all(['pdfjs/cmaps/UniJIS-UCS2-H.bcmap', 'pdfjs/standard_fonts/FoxitSerif.pfb'].map(async (path) => (await fetch(new URL(path, document.baseURI))).status)),
    );
    expect(assets).toEqual([200, 200]);

    // The web page's scripts were dropped, never run.
    await sourceButton(page, 'council-minutes.html').click();
    await waitForPhrase(page, 'Harbour council minutes');
    const html = await documentText(page);
    expect(html).not.toMatch(/SCRIPT|alert|window\.__injected|Home|Harbour Council$/);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect(dialogsOpened).toEqual([]);
  });

  it('shows the detected encoding and a preview, and lets the user change it before importing', async () => {
    const dialog = await pickFiles(page, [{ ...fixture('market-notes-windows-1252.txt', 'text/plain'), name: 'notes-again.txt' }]);
    await waitUntilRead(dialog);
    const encoding = dialog.getByRole('combobox', { name: 'Encoding' });
    await expect(encoding.inputValue()).resolves.toBe('windows-1252');
    await expect(dialog.getByText(/Detected: Windows-1252/).count()).resolves.toBe(1);
    await expect(dialog.getByLabel('Preview').textContent()).resolves.toContain('The café opens late.');

    // UTF-8 does not fit: the file is refused with a reason, and the choice can be changed again.
    await encoding.selectOption('utf-8');
    await expect.poll(() => fileRow(dialog, 'notes-again.txt').locator('.file-result').textContent(), POLL).toMatch(/not valid UTF-8/);
    await expect(dialog.getByRole('button', { name: 'Import', exact: true }).isEnabled()).resolves.toBe(true);
    await encoding.selectOption('macintosh');
    await expect.poll(() => dialog.getByLabel('Preview').textContent(), POLL).toContain('The cafÈ opens late.');
    await screenshot(page, 'import-dialog-encoding');
    await encoding.selectOption('windows-1252');
    await expect.poll(() => dialog.getByLabel('Preview').textContent(), POLL).toContain('The café opens late.');
    await expect(dialog.getByText('Read as Windows-1252, as you chose.').count()).resolves.toBe(1);
    await confirmImport(dialog);
    await sourceButton(page, 'notes-again.txt').click();
    await waitForPhrase(page, 'The “new rules” sign is taped over the old one');
    await expect(page.getByRole('region', { name: 'Document' }).locator('.document-meta').textContent()).resolves.toMatch(/Windows-1252$/);
  });

  it('refuses bad files by name, with a reason, and stores nothing from them', async () => {
    const before = await page.getByRole('list', { name: 'Sources in this project' }).getByRole('listitem').count();
    const zeros = new Uint8Array(3_000_000);
    const bomb = buildDocx(paragraph('Innocent'), { 'word/media/padding.bin': [zeros, { level: 6 }] });
    const corrupt = DOCX.slice(0, Math.floor(DOCX.length / 2));
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const dialog = await pickFiles(page, [
      { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
      { name: 'holiday.txt', mimeType: 'text/plain', buffer: png },
      built('bomb.docx', bomb),
      built('half.docx', corrupt),
      fixture('only-scripts.html', 'text/html'),
      fixture('ragged-survey.csv', 'text/csv'),
      built('locked.pdf', buildPdf([['Secret']], { encrypted: true })),
      built('scan.pdf', buildPdf([[], []])),
      { name: 'slides.pptx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK') },
      { name: 'fine.txt', mimeType: 'text/plain', buffer: Buffer.from('This one is fine.\n') },
    ]);
    await waitUntilRead(dialog);
    const reasons: Record<string, RegExp> = {
      'empty.txt': /^This file is empty \(0 bytes\)\.$/,
      'holiday.txt': /^This file is not text \(it looks like a PNG image\)\.$/,
      'bomb.docx': /zip bomb/,
      'half.docx': /damaged|not a complete|could not be read|truncated/i,
      'only-scripts.html': /no readable text \(only scripts, styles, navigation or images\)/,
      'ragged-survey.csv': /Row 2 \(line 3 of the file\).*has 4 cells but the header has 3/,
      'locked.pdf': /encrypted \(password-protected\)/,
      'scan.pdf': /no text layer \(scanned images\?\)/,
      'slides.pptx': /^\.pptx files cannot be imported/,
    };
    for (const [name, reason] of Object.entries(reasons)) {
      await expect(fileRow(dialog, name).locator('.file-result').textContent()).resolves.toMatch(reason);
    }
    await expect(fileRow(dialog, 'fine.txt').locator('.file-result').textContent()).resolves.toBe('Ready');
    await screenshot(page, 'import-dialog-refusals');
    await confirmImport(dialog);

    const alert = page.getByRole('region', { name: 'Sources' }).getByRole('alert');
    const listed = new Map(
      (await alert.getByRole('listitem').allTextContents()).map((item) => [item.slice(0, item.indexOf(': ')), item.slice(item.indexOf(': ') + 2)]),
    );
    expect([...listed.keys()].sort()).toEqual(Object.keys(reasons).sort());
    for (const [name, reason] of Object.entries(reasons)) expect(listed.get(name)).toMatch(reason);
    const items = page.getByRole('list', { name: 'Sources in this project' }).getByRole('listitem');
    await expect.poll(() => items.count(), POLL).toBe(before + 1);
    await expect(sourceButton(page, 'fine.txt').count()).resolves.toBe(1);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('refuses a 2 GB file from its size alone, naming the limit', async () => {
    const huge = join(tmp, 'recording-transcript.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 2 * 1024 ** 3); // sparse: takes no disk space
    const dialog = await pickFiles(page, [huge]);
    await expect.poll(() => fileRow(dialog, 'recording-transcript.txt').locator('.file-result').textContent(), POLL).toBe(
      'This file is 2 GB; a text file can be at most 50 MB.',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(sourceButton(page, 'recording-transcript.txt').count()).resolves.toBe(0);
  });

  it('maps a survey: the id column, the answer columns and typed attributes; one case per respondent', async () => {
    const dialog = await pickFiles(page, [fixture('ferry-survey.csv', 'text/csv')]);
    await waitUntilRead(dialog);
    await expect(fileRow(dialog, 'ferry-survey.csv').locator('.file-result').textContent()).resolves.toBe('Survey, 5 rows: ready');
    await expect(dialog.getByRole('combobox', { name: 'Use of respondent_id' }).inputValue()).resolves.toBe('id');
    await expect(dialog.getByRole('combobox', { name: 'Use of q3_ferry_view' }).inputValue()).resolves.toBe('text');
    await expect(dialog.getByRole('combobox', { name: 'Type of age_group' }).inputValue()).resolves.toBe('category');
    await expect(dialog.getByRole('combobox', { name: 'Type of member' }).inputValue()).resolves.toBe('boolean');
    await expect(dialog.getByRole('table', { name: 'First rows' }).getByRole('row').count()).resolves.toBe(6);
    // The suggestions answer is kept as text, not an attribute.
    await dialog.getByRole('combobox', { name: 'Use of q4_suggestions' }).selectOption('text');
    await expect(dialog.getByText(/5 respondents become cases with 3 attributes; the answers become 2 sources/).count()).resolves.toBe(1);
    await screenshot(page, 'import-dialog-survey');
    await confirmImport(dialog);

    const cases = page.getByRole('region', { name: 'Cases' });
    for (const id of ['p01', 'p02', 'p03', 'p04', 'p05']) await cases.getByRole('row', { name: id, exact: true }).waitFor();
    await sourceButton(page, 'ferry-survey.csv – q3_ferry_view').click();
    await waitForPhrase(page, 'Cutting it saves money, "they say". For whom?');
    const answers = await documentText(page);
    expect(answers).toContain("p03\ndon't know");
    expect(answers).toContain('p04\n[no answer]');
    await sourceButton(page, 'ferry-survey.csv – q4_suggestions').click();
    await waitForPhrase(page, 'Ask us first.');
    expect(await documentText(page)).toContain('p03\nAsk us first.\nThen decide.');

    await cases.getByRole('button', { name: 'Attributes' }).click();
    const table = page.getByRole('dialog', { name: 'Case attributes' }).getByRole('table', { name: 'Case attributes' });
    await expect(table.getByRole('combobox', { name: 'age_group of p03' }).inputValue()).resolves.toBe('65+');
    await expect(table.getByRole('combobox', { name: 'district of p04' }).inputValue()).resolves.toBe('South');
    await expect(table.getByRole('combobox', { name: 'member of p02' }).inputValue()).resolves.toBe('No');
    await page.getByRole('dialog', { name: 'Case attributes' }).getByRole('button', { name: 'Done' }).click();
  });

  it('imports a workbook as one source per respondent and filters the sources by an attribute', async () => {
    await newProject(page, 'Workbook');
    const xlsx = buildXlsx([
      ['id', 'district', 'age', 'answer'],
      ['w1', 'North', 34, 'The boat is late every winter.'],
      ['w2', 'South', 61, 'I never take it, but my daughter does.'],
      ['w3', 'North', 45, "Don't know"],
      ['w4', 'South', 29, ''],
    ]);
    const dialog = await pickFiles(page, [built('ward-survey.xlsx', xlsx)]);
    await waitUntilRead(dialog);
    await dialog.getByRole('combobox', { name: 'Use of answer' }).selectOption('text');
    await dialog.getByRole('radio', { name: 'One source per respondent' }).check();
    await expect(dialog.getByRole('combobox', { name: 'Type of age' }).inputValue()).resolves.toBe('number');
    await confirmImport(dialog);

    const list = page.getByRole('list', { name: 'Sources in this project' });
    await expect.poll(() => list.getByRole('button').allTextContents(), POLL).toEqual(['ward-survey.xlsx – w1', 'ward-survey.xlsx – w2', 'ward-survey.xlsx – w3', 'ward-survey.xlsx – w4']);
    const cases = page.getByRole('region', { name: 'Cases' });
    await cases.getByRole('combobox', { name: 'Filter sources by attribute' }).selectOption({ label: 'Sources where district is…' });
    await cases.getByRole('combobox', { name: 'Attribute value' }).selectOption({ label: 'North (2)' });
    await expect.poll(() => list.getByRole('button').allTextContents(), POLL).toEqual(['ward-survey.xlsx – w1', 'ward-survey.xlsx – w3']);
    await screenshot(page, 'sources-filtered-by-attribute');
    await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'Clear filter' }).click();
    await expect.poll(() => list.getByRole('button').count(), POLL).toBe(4);
    await list.getByRole('button', { name: 'ward-survey.xlsx – w4' }).click();
    await waitForPhrase(page, '[no answer]');
  });

  it('imports files dropped onto the window', async () => {
    const payload = [
      { name: 'dropped-notes.md', text: '# Dropped\n\nNotes dropped on the window — “quoted”.\n' },
      { name: 'dropped.bin.txt', text: '\u0000\u0001\u0002binary' },
    ];
    const dataTransfer = await page.evaluateHandle((files) => {
      const transfer = new DataTransfer();
      for (const f of files) transfer.items.add(new File([f.text], f.name, { type: 'text/plain' }));
      return transfer;
    }, payload);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer });
    await page.dispatchEvent('main', 'dragover', { dataTransfer });
    await page.locator('.drop-overlay').waitFor();
    await screenshot(page, 'drop-overlay');
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    const dialog = page.getByRole('dialog', { name: 'Import sources' });
    await dialog.waitFor();
    await expect(page.locator('.drop-overlay').count()).resolves.toBe(0);
    await waitUntilRead(dialog);
    await expect(fileRow(dialog, 'dropped.bin.txt').locator('.file-result').textContent()).resolves.toMatch(/not text/);
    await confirmImport(dialog);
    await sourceButton(page, 'dropped-notes.md').click();
    await waitForPhrase(page, 'Notes dropped on the window — “quoted”.');
    await expect(page.getByRole('region', { name: 'Sources' }).getByRole('alert').textContent()).resolves.toMatch(/dropped\.bin\.txt: This file is not text/);
  });

  it('imports a survey of 2,000 respondents: the case list keeps few rows in the page, scrolls to the last and moves by keys', async () => {
    await newProject(page, 'Big survey');
    const regions = ['North', 'South', 'Harbour'];
    const id = (i: number) => `s${String(i).padStart(4, '0')}`;
    const lines = ['respondent_id,region,q1_open_answer'];
    for (let i = 1; i <= 2000; i++) lines.push(`${id(i)},${regions[i % 3]},The ferry matters to respondent ${i} for work and family.`);
    const dialog = await pickFiles(page, [{ name: 'big-survey.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`) }]);
    await waitUntilRead(dialog);
    await expect(fileRow(dialog, 'big-survey.csv').locator('.file-result').textContent()).resolves.toBe('Survey, 2000 rows: ready');
    await confirmImport(dialog);

    const cases = page.getByRole('region', { name: 'Cases' });
    const table = cases.getByRole('table', { name: 'Cases in this project' });
    await expect.poll(() => table.getAttribute('aria-rowcount'), POLL).toBe('2000');
    await table.getByRole('row', { name: id(1), exact: true }).waitFor();
    // Only the rows around the view are in the page.
    expect(await table.getByRole('row').count()).toBeLessThan(100);
    await expect(table.getByRole('row', { name: id(2000) }).count()).resolves.toBe(0);

    await cases.locator('.case-table-wrap').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const last = table.getByRole('row', { name: id(2000), exact: true });
    await last.waitFor();
    await expect(last.getAttribute('aria-rowindex')).resolves.toBe('2000');
    await last.getByRole('button', { name: id(2000) }).click();
    await expect.poll(() => cases.getByRole('group', { name: `Case ${id(2000)}` }).locator('dl').textContent(), POLL).toBe(`region${regions[2000 % 3]}`);
    await screenshot(page, 'cases-panel-survey');

    // Keys: Home and End jump through the whole list, arrows move a row, focus stays on the same column.
    const focusedRow = () => page.evaluate(() => document.activeElement?.closest('[role="row"]')?.getAttribute('aria-label') ?? null);
    await page.keyboard.press('Home');
    await expect.poll(focusedRow, POLL).toBe(id(1));
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedRow, POLL).toBe(id(2));
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('BUTTON');
    await page.keyboard.press('Space');
    await expect.poll(() => cases.getByRole('group', { name: `Case ${id(2)}` }).count(), POLL).toBe(1);
    await page.keyboard.press('End');
    await expect.poll(focusedRow, POLL).toBe(id(2000));
    // One Tab stop per row: Left goes from the name to the row's checkbox.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    await expect(table.getByRole('checkbox', { name: `Select ${id(2000)}` }).isChecked()).resolves.toBe(true);

    // The source filter counts every case, not only the rows in view.
    await cases.getByRole('combobox', { name: 'Filter sources by attribute' }).selectOption({ label: 'Sources where region is…' });
    await expect(cases.getByRole('combobox', { name: 'Attribute value' }).getByRole('option').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['North (666)', 'South (667)', 'Harbour (667)']),
    );
    await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'Clear filter' }).click();
  });
});
