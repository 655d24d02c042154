// Codebook craft in real Chromium through the browser build: reorganising by drag and by keyboard,
// refusals with reasons, merging codes that coded the same passage, definitions in the code menu,
// folders, and codebooks that round-trip through CSV and REFI-QDA (ours and other tools' files).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, readDownload, readDownloadBytes, screenshot, type OpenApp } from './support/browser';
import { runCommand } from './support/commands';
import { createCode, paintedRanges, selectPhrase } from './support/coding';
import { newProject, openCodebookImport, treeShape } from './support/codebook';
import { importFiles } from './support/importing';
import { repoRoot } from './support/paths';
import { canValidate, CODEBOOK_XSD, SAMPLES_DIR, validateAgainst } from '../shared/refi/xmllint';
import { describeWithSharedDir } from '../setup/requiredSuites';
import { readQdc, type QdcCodebook } from '../../shared/refi/qdcRead';
import { readQdpxCodebook } from '../../shared/refi/qdpxCodebook';
import { POLL } from './support/poll';

const fixtures = resolve(repoRoot, 'tests/fixtures');
const threadPath = resolve(fixtures, 'sources/riverside-article-with-comments.txt');
const samplesDir = SAMPLES_DIR;

function tree(page: Page) {
  return page.getByRole('tree', { name: 'Codes' });
}

function item(page: Page, name: string) {
  return tree(page).getByRole('treeitem', { name, exact: true });
}

/** The tree a REFI-QDA codebook describes, as "level:name" lines. */
function expectedShape(codebook: QdcCodebook): string[] {
  return codebook.codes.map((code) => `${code.path.length}:${code.name.replace(/\s+/g, ' ').trim()}`);
}

describe('codebook craft', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;
  let exportedCsv = '';
  let exportedQdc = '';
  let shapeBeforeExport: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
    page = app.page;
    await tree(page).waitFor();
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('builds a flat codebook in a new project', async () => {
    await newProject(page, 'Codebook craft');
    await importFiles(page, [{ name: 'riverside-article-with-comments.txt', mimeType: 'text/plain', buffer: readFileSync(threadPath) }]);
    await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'riverside-article-with-comments.txt', exact: true }).click();
    for (const name of ['Access', 'Night travel', 'Safety', 'Risk', 'Cost', 'Waiting']) await createCode(page, name);
    expect(await treeShape(page)).toEqual(['1:Access', '1:Night travel', '1:Safety', '1:Risk', '1:Cost', '1:Waiting']);
    await screenshot(page, 'codebook-flat');
  });

  it('reorganises by dragging: inside a code, before a code, several at once', async () => {
    // The middle of a row drops inside it.
    await item(page, 'Night travel').dragTo(item(page, 'Access'));
    await expect.poll(() => treeShape(page), POLL).toEqual(['1:Access', '2:Night travel', '1:Safety', '1:Risk', '1:Cost', '1:Waiting']);

    // The top edge of a row drops before it.
    await item(page, 'Waiting').dragTo(item(page, 'Safety'), { targetPosition: { x: 40, y: 2 } });
    await expect.poll(() => treeShape(page), POLL).toEqual(['1:Access', '2:Night travel', '1:Waiting', '1:Safety', '1:Risk', '1:Cost']);

    // Ctrl+click selects two codes; dragging one of them moves both, in their order.
    await item(page, 'Waiting').click();
    await item(page, 'Cost').click({ modifiers: ['Control'] });
    await expect(tree(page).getAttribute('aria-multiselectable')).resolves.toBe('true');
    await expect.poll(() => tree(page).locator('[aria-selected="true"]').count(), POLL).toBe(2);
    await item(page, 'Cost').dragTo(item(page, 'Access'));
    await expect.poll(() => treeShape(page), POLL).toEqual(['1:Access', '2:Night travel', '2:Waiting', '2:Cost', '1:Safety', '1:Risk']);
    await screenshot(page, 'codebook-after-drag');
  });

  it('refuses to drop a code into its own subcode, saying why', async () => {
    await item(page, 'Access').click();
    const before = await treeShape(page);
    await item(page, 'Access').hover();
    await page.mouse.down();
    const box = (await item(page, 'Night travel').boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + box.height / 2, { steps: 6 });
    await expect.poll(() => tree(page).locator('.drop-refused').count(), POLL).toBe(1);
    await expect(page.getByRole('region', { name: 'Codebook' }).getByRole('status').first().textContent()).resolves.toContain(
      'cannot be moved into its own subcode',
    );
    await screenshot(page, 'codebook-drop-refused');
    await page.mouse.up();
    expect(await treeShape(page)).toEqual(before);
  });

  it('reorganises with the keyboard: Alt+arrows reorder, indent and outdent', async () => {
    await item(page, 'Cost').click();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => treeShape(page), POLL).toEqual(['1:Access', '2:Night travel', '2:Cost', '2:Waiting', '1:Safety', '1:Risk']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), POLL).toBe('Cost');

    await page.keyboard.press('Alt+ArrowLeft'); // outdent: follows its old parent
    await expect.poll(() => treeShape(page), POLL).toEqual(['1:Access', '2:Night travel', '2:Waiting', '1:Cost', '1:Safety', '1:Risk']);

    await page.keyboard.press('ArrowDown'); // Safety
    await page.keyboard.press('Alt+ArrowRight'); // indent under Cost
    await expect.poll(() => treeShape(page), POLL).toEqual(['1:Access', '2:Night travel', '2:Waiting', '1:Cost', '2:Safety', '1:Risk']);
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => treeShape(page), POLL).toEqual(['1:Access', '2:Night travel', '2:Waiting', '1:Cost', '1:Safety', '1:Risk']);

    // Plain arrows still move through the tree; Shift extends the selection.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => tree(page).locator('[aria-selected="true"]').evaluateAll((e) => e.map((x) => x.getAttribute('aria-label'))), POLL).toEqual([
      'Cost',
      'Safety',
    ]);
    await page.keyboard.press('ArrowDown');
  });

  it('merges two codes that coded the same passage into one coding', async () => {
    const passage = 'a forty-minute walk home along the ring road';
    await selectPhrase(page, passage);
    await page.keyboard.type('Safety');
    await page.keyboard.press('Enter');
    await selectPhrase(page, passage);
    await page.keyboard.type('Risk');
    await page.keyboard.press('Enter');
    await selectPhrase(page, 'nobody asked us');
    await page.keyboard.type('Risk');
    await page.keyboard.press('Enter');
    await expect.poll(async () => Object.values(await paintedRanges(page)).reduce((a, b) => a + b, 0), POLL).toBe(3);

    await item(page, 'Risk').click();
    await page.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge codes' });
    await dialog.getByLabel('Merge into').selectOption({ label: 'Safety' });
    await expect.poll(() => dialog.getByRole('list', { name: 'What the merge does' }).textContent(), POLL).toContain(
      '1 coding of the same passage collapses',
    );
    await screenshot(page, 'codebook-merge');
    await dialog.getByRole('button', { name: 'Merge codes' }).click();
    await expect.poll(() => item(page, 'Risk').count(), POLL).toBe(0);
    await expect.poll(async () => Object.values(await paintedRanges(page)).reduce((a, b) => a + b, 0), POLL).toBe(2);
    await expect.poll(() => item(page, 'Safety').locator('.code-count').getAttribute('data-count'), POLL).toBe('2');
  });

  it('refuses to merge a code into its own subcode, with the reason', async () => {
    await item(page, 'Access').click();
    await page.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge codes' });
    await dialog.getByLabel('Merge into').selectOption({ label: 'Access > Night travel' });
    await expect.poll(() => dialog.getByRole('alert').textContent(), POLL).toContain('which is one of its own subcodes');
    await expect(dialog.getByRole('button', { name: 'Merge codes' }).isDisabled()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('keeps a definition and shows it on hover in the code menu', async () => {
    await item(page, 'Safety').click();
    await page.getByRole('button', { name: 'Edit code' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit code' });
    await dialog.getByLabel('Description').fill('Feeling or being unsafe while travelling.');
    await dialog.getByLabel('Use when (inclusion criteria)').fill('The speaker names a danger or a fear.');
    await dialog.getByLabel('Do not use when (exclusion criteria)').fill('Road safety statistics: use Cost.');
    await dialog.getByLabel('Typical example').selectOption({ index: 1 });
    await screenshot(page, 'codebook-edit-definition');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const details = page.getByRole('region', { name: 'Definition of Safety' });
    await expect.poll(() => details.textContent(), POLL).toContain('The speaker names a danger or a fear.');
    await expect.poll(() => details.textContent(), POLL).toContain('Typical example');
    // The example links to the real passage.
    await details.getByRole('button', { name: 'Show in document' }).click();
    const here = page.getByRole('dialog', { name: 'Codings here' });
    await here.waitFor();
    await expect(here.textContent()).resolves.toContain('forty-minute walk');
    await here.getByRole('button', { name: 'Close' }).click();

    await selectPhrase(page, 'Ten passengers an hour');
    const menu = page.getByRole('listbox', { name: 'Apply code' });
    await menu.getByRole('option', { name: 'Safety' }).hover();
    const card = page.getByRole('complementary', { name: 'Definition of Safety' });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('Road safety statistics: use Cost.');
    await expect.poll(() => card.textContent(), POLL).toContain('forty-minute walk'); // the example is read on hover
    await screenshot(page, 'code-menu-definition');
    await page.keyboard.press('Escape');
  });

  it('makes a code a folder that the code menu does not offer', async () => {
    await item(page, 'Access').click();
    await page.getByRole('button', { name: 'Make folder' }).click();
    await expect.poll(() => item(page, 'Access').getAttribute('class'), POLL).toContain('folder');
    await selectPhrase(page, 'Ten passengers an hour');
    const menu = page.getByRole('listbox', { name: 'Apply code' });
    await expect(menu.getByRole('option', { name: 'Access', exact: true }).count()).resolves.toBe(0);
    await expect(menu.getByRole('option', { name: 'Night travel' }).count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
  });

  it('filters the codebook and counts with or without subcodes', async () => {
    await item(page, 'Night travel').click();
    const codebook = page.getByRole('region', { name: 'Codebook' });
    await codebook.getByRole('searchbox', { name: 'Filter codes' }).fill('night');
    await expect.poll(() => treeShape(page), POLL).toEqual(['1:Access', '2:Night travel']);
    await codebook.getByRole('searchbox', { name: 'Filter codes' }).fill('');
    await codebook.getByRole('combobox', { name: 'Counts' }).selectOption({ label: 'Sources incl. subcodes' });
    await expect.poll(() => item(page, 'Safety').locator('.code-count').getAttribute('data-count'), POLL).toBe('1');
    await codebook.getByRole('combobox', { name: 'Counts' }).selectOption({ label: 'Codings' });
    await screenshot(page, 'codebook-tree');
  });

  it('exports the codebook as CSV and as a valid REFI-QDA codebook with stable GUIDs', async () => {
    shapeBeforeExport = await treeShape(page);
    let download = page.waitForEvent('download');
    await runCommand(page, 'Export codebook (CSV)');
    exportedCsv = await readDownload(await download);
    const rows = Papa.parse<Record<string, string>>(exportedCsv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.path)).toEqual(['Access', 'Access > Night travel', 'Access > Waiting', 'Cost', 'Safety']);
    expect(rows.find((r) => r.name === 'Safety')).toMatchObject({ n_codings: '2', inclusion: 'The speaker names a danger or a fear.' });
    expect(rows.find((r) => r.name === 'Access')?.is_codable).toBe('false');

    download = page.waitForEvent('download');
    await runCommand(page, 'Export codebook (QDC)');
    const first = await readDownload(await download);
    expect((await download).suggestedFilename()).toMatch(/\.qdc$/);
    download = page.waitForEvent('download');
    await runCommand(page, 'Export codebook (QDC)');
    exportedQdc = await readDownload(await download);
    expect(exportedQdc).toBe(first);
    if (canValidate) expect(validateAgainst(CODEBOOK_XSD, [exportedQdc])).toEqual({ ok: true, output: '' });
    expect(readQdc(exportedQdc).codes.find((c) => c.name === 'Access')?.isCodable).toBe('false');
  });

  it('exports the codebook as XLSX and as a printable document', async () => {
    await runCommand(page, 'More exports…');
    const dialog = page.getByRole('dialog', { name: 'More exports' });
    await screenshot(page, 'more-exports');
    let download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export codebook (XLSX)' }).click();
    const xlsx = await readDownloadBytes(await download);
    expect([xlsx[0], xlsx[1]]).toEqual([0x50, 0x4b]);
    download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export codebook (HTML)' }).click();
    const html = await readDownload(await download);
    expect(html).toContain('<h2>');
    expect(html).toContain('forty-minute walk');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('imports the exported CSV into a new project as the same tree', async () => {
    await newProject(page, 'From CSV');
    const dialog = await openCodebookImport(page, { name: 'codebook.csv', buffer: Buffer.from(exportedCsv, 'utf8') });
    await expect(dialog.textContent()).resolves.toContain('5 to create');
    await screenshot(page, 'codebook-import-preview');
    await dialog.getByRole('button', { name: 'Import 5 codes' }).click();
    await expect.poll(() => treeShape(page), POLL).toEqual(shapeBeforeExport);
    await expect.poll(() => item(page, 'Access').getAttribute('class'), POLL).toContain('folder');
  });

  it('imports the exported QDC into a new project as the same tree', async () => {
    await newProject(page, 'From QDC');
    const dialog = await openCodebookImport(page, { name: 'codebook.qdc', buffer: Buffer.from(exportedQdc, 'utf8') });
    await dialog.getByRole('button', { name: 'Import 5 codes' }).click();
    await expect.poll(() => treeShape(page), POLL).toEqual(shapeBeforeExport);
    await item(page, 'Safety').click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Definition of Safety' }).textContent(), POLL)
      .toContain('Road safety statistics: use Cost.');
  });

  it('previews a bad CSV row by row and imports only the valid rows', async () => {
    await newProject(page, 'Bad CSV');
    const dialog = await openCodebookImport(page, { name: 'bad-codebook.csv', buffer: readFileSync(resolve(fixtures, 'codebooks/bad-codebook.csv')) });
    const table = dialog.getByRole('table', { name: 'Import preview' });
    const text = await table.textContent();
    expect(text).toContain('Its parent chain goes round in a circle');
    expect(text).toContain('is neither in the file nor in the codebook');
    expect(text).toContain('It has the same path as row 3');
    expect(text).toContain('“blue-ish” is not a colour');
    await screenshot(page, 'codebook-import-bad');
    // Nothing is written before the user confirms.
    await expect(tree(page).count()).resolves.toBe(0);
    await dialog.getByRole('button', { name: 'Import 5 codes' }).click();
    await expect.poll(() => treeShape(page), POLL).toEqual(['1:Access', '2:Transport', '1:Cost', '1:Waiting', '2:Queues']);
  });

  it('imports the CSV codebooks of Taguette and MAXQDA', async () => {
    await newProject(page, 'Taguette');
    let dialog = await openCodebookImport(page, { name: 'taguette.csv', buffer: readFileSync(resolve(fixtures, 'codebooks/taguette-codebook.csv')) });
    await dialog.getByRole('button', { name: /^Import \d+ codes?$/ }).click();
    await expect.poll(() => treeShape(page), POLL).toEqual(['1:Emotions', '2:Joy', '2:Frustration', '1:Work', '2:Night shifts', '1:Interesting quote']);

    await newProject(page, 'MAXQDA');
    dialog = await openCodebookImport(page, { name: 'maxqda.csv', buffer: readFileSync(resolve(fixtures, 'codebooks/maxqda-codes.csv')) });
    await dialog.getByRole('button', { name: /^Import \d+ codes?$/ }).click();
    await expect.poll(() => treeShape(page), POLL).toEqual([
      '1:Reasons for leaving',
      '2:Pay',
      '2:Workload',
      '3:Overtime',
      '1:Coping',
      '2:Peer support',
      '1:Support', // implied by "Support\Family", which has no row of its own
      '2:Family',
    ]);
  });

  it('splits a code, copies codings to another, and groups codes in a set', async () => {
    await page.getByRole('combobox', { name: 'Project' }).selectOption({ label: 'Codebook craft' });
    await item(page, 'Safety').click();
    await page.getByRole('button', { name: 'Split…' }).click();
    let dialog = page.getByRole('dialog', { name: 'Split code' });
    await dialog.getByLabel('New code name').fill('Not consulted');
    await dialog.getByRole('checkbox', { name: /nobody asked us/ }).check();
    await screenshot(page, 'codebook-split');
    await dialog.getByRole('button', { name: 'Split code' }).click();
    await expect.poll(() => treeShape(page), POLL).toContain('2:Not consulted');
    await expect.poll(() => item(page, 'Not consulted').locator('.code-count').getAttribute('data-count'), POLL).toBe('1');
    await expect.poll(() => item(page, 'Safety').locator('.code-count').getAttribute('data-count'), POLL).toBe('1');

    await page.getByRole('button', { name: 'Copy codings…' }).click();
    dialog = page.getByRole('dialog', { name: 'Copy codings' });
    await dialog.getByLabel('Copy to code').selectOption({ label: 'Cost' });
    await dialog.getByRole('button', { name: 'Copy codings' }).click();
    await expect.poll(() => item(page, 'Cost').locator('.code-count').getAttribute('data-count'), POLL).toBe('1');
    await expect.poll(() => item(page, 'Not consulted').locator('.code-count').getAttribute('data-count'), POLL).toBe('1');

    await item(page, 'Cost').click({ modifiers: ['Control'] });
    await page.getByRole('button', { name: 'Code sets…' }).click();
    dialog = page.getByRole('dialog', { name: 'Code sets' });
    await dialog.getByLabel('New set name').fill('Round 2 codes');
    await dialog.getByRole('button', { name: 'Create set' }).click();
    await expect.poll(() => dialog.getByRole('list', { name: 'Code sets' }).textContent(), POLL).toContain('Round 2 codes (2)');
    await screenshot(page, 'code-sets');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('region', { name: 'Codebook' }).getByRole('combobox', { name: 'Code set' }).selectOption({ label: 'Round 2 codes' });
    await expect.poll(() => treeShape(page), POLL).toEqual(['1:Cost', '1:Safety', '2:Not consulted']);
    await page.getByRole('region', { name: 'Codebook' }).getByRole('combobox', { name: 'Code set' }).selectOption({ label: 'All codes' });
  });

  describeWithSharedDir('codebooks and projects from other tools', () => {
    const samples = readdirSync(samplesDir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(qdc|qdpx)$/i.test(f)).sort();

    it.each(samples)('imports %s with the right tree', async (relative) => {
      const bytes = readFileSync(resolve(samplesDir, relative));
      const codebook = relative.endsWith('.qdc') ? readQdc(bytes.toString('utf8')) : readQdpxCodebook(new Uint8Array(bytes));
      const name = relative.split(/[\\/]/).pop()!;
      await newProject(page, `Sample ${name}`);
      const dialog = await openCodebookImport(page, { name, buffer: bytes });
      const expected = expectedShape(codebook);
      if (expected.length === 0) {
        await expect(dialog.textContent()).resolves.toContain('The file has no codes.');
        await expect(dialog.getByRole('button', { name: /^Import/ }).isDisabled()).resolves.toBe(true);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        return;
      }
      await dialog.getByRole('button', { name: `Import ${expected.length} code${expected.length === 1 ? '' : 's'}` }).click();
      await expect.poll(() => treeShape(page), POLL).toEqual(expected);
      if (name === 'paper_themes.qdpx') await screenshot(page, 'codebook-maxqda-sample');
    });
  });
});
