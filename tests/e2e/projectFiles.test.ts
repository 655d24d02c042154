// Project files in real Chromium through the browser build: a coded project with a memo on a
// coding and a case with an attribute is saved with "Save project as" (a download), opened again
// with "Open project" (a file input) as a new project with the same sources, codes, codings,
// memos and cases, and the same exports; a hostile file is refused with a clear message and
// creates nothing; "Restore from backup" lists an automatic backup (kept in OPFS) and restores it.
import Papa from 'papaparse';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForSuite, openApp, readDownload, readDownloadBytes, screenshot } from './support/browser';
import { clickInto, createCode, selectPhrase } from './support/coding';
import { newProject } from './support/codebook';
import { importFiles, sourceFixture } from './support/importing';
import { runCommand } from './support/commands';

const THREAD = 'riverside-article-with-comments.txt';
const INTERVIEW = 'cafe-interview-crlf.txt';
const WALK = 'a forty-minute walk home along the ring road';
const CUSTOMERS = 'Fewer morning customers. 朝の客が減った 😔';
const PROJECT = 'Ring road study';

interface Exports {
  codebook: string;
  segments: string;
}

async function exportsOf(page: Page): Promise<Exports> {
  const grab = async (button: string): Promise<string> => {
    const download = page.waitForEvent('download');
    await runCommand(page, button);
    return readDownload(await download);
  };
  return { codebook: await grab('Export codebook (CSV)'), segments: await grab('Export coded segments (CSV)') };
}

/** A CSV without the columns that hold database ids (they differ when both projects share one database). */
function withoutIds(csv: string, idColumns: readonly string[]): string[][] {
  const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const keep = rows[0]!.map((name, i) => (idColumns.includes(name) ? -1 : i)).filter((i) => i >= 0);
  return rows.map((row) => keep.map((i) => row[i] ?? ''));
}

function projectNames(page: Page): Promise<string[]> {
  return page.getByRole('combobox', { name: 'Project' }).locator('option').allTextContents();
}

async function openProjectFile(page: Page, file: { name: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await runCommand(page, 'Open project');
  await (await chooser).setFiles({ mimeType: 'application/octet-stream', ...file });
}

describe('project files', () => {
  const suite = appForSuite();
  let page: Page;
  let saved: Buffer;
  let original: Exports;

  beforeAll(async () => {
    page = suite.page;
    await page.getByRole('tree', { name: 'Codes' }).waitFor();
  });

  it('codes a project, writes a memo on a coding and gives a case an attribute', async () => {
    await newProject(page, PROJECT);
    await importFiles(page, [
      sourceFixture(THREAD),
      sourceFixture(INTERVIEW),
    ]);
    const sources = page.getByRole('region', { name: 'Sources' });
    await sources.getByRole('button', { name: THREAD, exact: true }).click();
    await createCode(page, 'Safety');
    await createCode(page, 'Business');
    await createCode(page, 'Customers', 'Business');
    await selectPhrase(page, WALK);
    await page.keyboard.type('Safety');
    await page.keyboard.press('Enter');
    await sources.getByRole('button', { name: INTERVIEW, exact: true }).click();
    await selectPhrase(page, CUSTOMERS);
    await page.keyboard.type('Customers');
    await page.keyboard.press('Enter');

    await sources.getByRole('button', { name: THREAD, exact: true }).click();
    await clickInto(page, WALK);
    const popover = page.getByRole('dialog', { name: 'Codings here' });
    await popover.getByRole('button', { name: 'Add memo to coding Safety' }).click();
    await popover.getByRole('textbox', { name: 'Memo on coding Safety' }).fill('Forty minutes on foot, after a night shift.');
    await popover.getByRole('button', { name: 'Save memo' }).click();
    await expect.poll(() => popover.getByRole('group', { name: 'Memos on coding Safety' }).textContent(), { timeout: 10_000 }).toContain('Forty minutes');
    await page.keyboard.press('Escape');

    const cases = page.getByRole('region', { name: 'Cases' });
    await cases.getByRole('button', { name: 'New case' }).click();
    await page.getByRole('dialog', { name: 'New case' }).getByLabel('Case name').fill('Café owner');
    await page.getByRole('dialog', { name: 'New case' }).getByRole('button', { name: 'Create case' }).click();
    await cases.getByRole('row', { name: 'Café owner' }).waitFor();
    await cases.getByRole('button', { name: 'Attributes' }).click();
    const attributes = page.getByRole('dialog', { name: 'Case attributes' });
    const form = attributes.getByRole('form', { name: 'New attribute' });
    await form.getByLabel('Attribute name').fill('years open');
    await form.getByLabel('Type').selectOption('number');
    await form.getByRole('button', { name: 'Add attribute' }).click();
    const years = attributes.getByRole('textbox', { name: 'years open of Café owner' });
    await years.fill('12');
    await years.press('Enter');
    await expect.poll(() => attributes.getByRole('alert').count(), { timeout: 10_000 }).toBe(0);
    await attributes.getByRole('button', { name: 'Done' }).click();

    original = await exportsOf(page);
    expect(withoutIds(original.segments, []).length).toBe(3);
  });

  it('saves the project as a .qdpx download with "Save project as"', async () => {
    // The File menu holds the project-file commands, with their keys.
    await page.getByRole('menubar').getByRole('menuitem', { name: 'File', exact: true }).click();
    const menu = page.getByRole('menu', { name: 'File' });
    for (const name of ['Open project', 'Save project', 'Save project as', 'Restore from backup']) {
      await expect(menu.getByRole('menuitem', { name, exact: true }).count()).resolves.toBe(1);
    }
    await screenshot(page, 'file-menu-project-files');
    await page.keyboard.press('Escape');
    const download = page.waitForEvent('download');
    await runCommand(page, 'Save project as');
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${PROJECT}.qdpx`);
    saved = Buffer.from(await readDownloadBytes(file));
    const entries = unzipSync(saved);
    expect(Object.keys(entries)).toContain('project.qde');
  });

  it('opens the file as a new project with the same sources, codes, codings, memos, cases and exports', async () => {
    await openProjectFile(page, { name: `${PROJECT}.qdpx`, buffer: saved });
    const report = page.getByRole('dialog', { name: 'Project opened' });
    await report.waitFor({ timeout: 30_000 });
    await expect(report.textContent()).resolves.toContain('2 sources, 3 codes, 2 codings, 1 memo, 1 case');
    await expect(report.textContent()).resolves.toContain('Everything in the file was read.');
    await screenshot(page, 'project-opened-report');
    await report.getByRole('button', { name: 'Close' }).click();

    await expect.poll(() => projectNames(page), { timeout: 10_000 }).toContain(`${PROJECT} (2)`);
    await expect(page.getByRole('combobox', { name: 'Project' }).locator('option:checked').textContent()).resolves.toBe(`${PROJECT} (2)`);
    const sources = page.getByRole('region', { name: 'Sources' });
    await sources.getByRole('button', { name: THREAD, exact: true }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Memos' }).textContent(), { timeout: 10_000 }).toContain('Forty minutes on foot');
    await expect.poll(() => page.getByRole('region', { name: 'Cases' }).getByRole('row', { name: 'Café owner' }).count(), { timeout: 10_000 }).toBe(1);

    // Both projects live in one database, where ids are keys: the copy has fresh ids, nothing else differs.
    const copy = await exportsOf(page);
    expect(withoutIds(copy.codebook, ['id', 'parent_id'])).toEqual(withoutIds(original.codebook, ['id', 'parent_id']));
    expect(withoutIds(copy.segments, ['coding_id', 'coder'])).toEqual(withoutIds(original.segments, ['coding_id', 'coder']));
    expect(suite.app.pageErrors).toEqual([]);
  });

  it('opens the same file in a fresh browser with byte-identical exports', async () => {
    const fresh = await openApp(suite.browser);
    try {
      await fresh.page.getByRole('tree', { name: 'Codes' }).waitFor();
      await openProjectFile(fresh.page, { name: `${PROJECT}.qdpx`, buffer: saved });
      const report = fresh.page.getByRole('dialog', { name: 'Project opened' });
      await report.waitFor({ timeout: 30_000 });
      await report.getByRole('button', { name: 'Close' }).click();
      await expect(fresh.page.getByRole('combobox', { name: 'Project' }).locator('option:checked').textContent()).resolves.toBe(PROJECT);
      expect(await exportsOf(fresh.page)).toEqual(original);
      expect(fresh.pageErrors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('refuses a hostile file (an entry climbing out, a DOCTYPE) with a clear message and creates no project', async () => {
    const entries = unzipSync(saved);
    const qde = new TextDecoder().decode(entries['project.qde']);
    const hostile = zipSync({
      ...entries,
      '../../evil.txt': strToU8('x'),
      'project.qde': strToU8(qde.replace('?>', '?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>')),
    });
    const before = await projectNames(page);
    await openProjectFile(page, { name: 'hostile.qdpx', buffer: Buffer.from(hostile) });
    const refusal = page.getByRole('dialog', { name: 'The project could not be opened' });
    await refusal.waitFor({ timeout: 30_000 });
    await expect(refusal.getByRole('alert').textContent()).resolves.toMatch(/DOCTYPE/);
    await screenshot(page, 'project-open-refused');
    await refusal.getByRole('button', { name: 'Close' }).click();
    expect(await projectNames(page)).toEqual(before);
    expect(suite.app.pageErrors).toEqual([]);
  });

  it('keeps an automatic backup in the browser and restores it as a new project', async () => {
    // The browser build backs up every few minutes and when the page is hidden: hide it.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const restoreButton = page.getByRole('button', { name: new RegExp(`^Restore ${PROJECT} from `) });
    const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
    // The dialog lists what exists when it opens: reopen it until the backup is written.
    await expect
      .poll(
        async () => {
          if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Close' }).click();
          await runCommand(page, 'Restore from backup');
          await dialog.getByRole('table', { name: 'Backups' }).or(dialog.getByText('No backups yet.')).waitFor();
          return restoreButton.count();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(1);
    // The status bar said "Backing up…" during the round; once it is over it says when.
    const status = page.getByRole('contentinfo', { name: 'Status' });
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/Backed up at/);
    expect(await status.textContent()).not.toContain('Backing up');
    await expect(dialog.getByRole('row', { name: new RegExp(PROJECT) }).first().textContent()).resolves.toContain('2 sources, 3 codes, 2 codings, 1 memo, 1 case');
    await screenshot(page, 'restore-from-backup');
    const before = await projectNames(page);
    await restoreButton.click();
    const report = page.getByRole('dialog', { name: 'Project opened' });
    await report.waitFor({ timeout: 30_000 });
    await expect(report.textContent()).resolves.toContain('Opened the backup as a new project');
    await report.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => projectNames(page), { timeout: 10_000 }).toHaveLength(before.length + 1);
    expect(withoutIds((await exportsOf(page)).segments, ['coding_id', 'coder'])).toEqual(withoutIds(original.segments, ['coding_id', 'coder']));
    expect(suite.app.pageErrors).toEqual([]);
  });
});
