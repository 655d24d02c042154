// "Merge project" in real Chromium, as a team uses it: Ann codes a project and saves it as a
// .qdpx; Ben, in his own browser profile, opens her file, codes more (one passage she coded too)
// and saves his; Ann merges Ben's file: the preview counts what will be added and matched, Merge
// adds Ben and his codings beside hers as one step, merging the same file again changes nothing,
// and Undo takes the merge back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, readDownloadBytes, screenshot, type OpenApp } from './support/browser';
import { runCommand } from './support/commands';
import { createCode, newProject, selectPhrase, waitForPhrase } from './support/coding';
import { importFiles } from './support/importing';
import { POLL } from './support/poll';

const TEXT = 'I: How was the harbour?\nR: Tiring, and the pay was late again. The union helped a little.\n';

async function saveAs(page: Page): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await runCommand(page, 'Save project as');
  return Buffer.from(await readDownloadBytes(await download));
}

async function code(page: Page, phrase: string): Promise<void> {
  await selectPhrase(page, phrase);
  await page.keyboard.press('1');
}

const codingCount = async (page: Page): Promise<number> => {
  const text = (await page.getByRole('contentinfo', { name: 'Status' }).getByText(/codings? in this source/).textContent()) ?? '';
  return Number(/(\d+) coding/.exec(text)?.[1] ?? NaN);
};

async function chooseMergeFile(page: Page, file: { name: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await runCommand(page, 'Merge project');
  await (await chooser).setFiles({ mimeType: 'application/octet-stream', ...file });
}

const counts = (page: Page) =>
  page
    .getByRole('table', { name: 'What the merge does' })
    .getByRole('row')
    .evaluateAll((rows) => rows.slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent).join('|')));

describe('Merge project', () => {
  let browser: Browser;
  let ann: OpenApp;
  let ben: OpenApp;
  let annsFile: Buffer;
  let bensFile: Buffer;

  beforeAll(async () => {
    browser = await launchBrowser();
    ann = await openApp(browser, { coder: 'Ann' });
    ben = await openApp(browser, { coder: 'Ben' });
  });
  afterAll(async () => {
    await ann?.close();
    await ben?.close();
    await browser?.close();
  });

  it('Ann codes a project and saves it as a .qdpx', async () => {
    const page = ann.page;
    await newProject(page, 'Harbour team');
    await importFiles(page, [{ name: 'harbour.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) }]);
    await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'harbour.txt' }).click();
    await createCode(page, 'Pay');
    await waitForPhrase(page, 'pay was late');
    await code(page, 'pay was late');
    await expect.poll(() => codingCount(page), POLL).toBe(1);
    annsFile = await saveAs(page);
  });

  it('Ben opens her file in his own profile, codes more, and saves his copy', async () => {
    const page = ben.page;
    const chooser = page.waitForEvent('filechooser');
    await runCommand(page, 'Open project');
    await (await chooser).setFiles({ name: 'Harbour team.qdpx', mimeType: 'application/octet-stream', buffer: annsFile });
    await page.getByRole('dialog', { name: 'Project opened' }).getByRole('button', { name: 'Close' }).click();
    await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'harbour.txt' }).click();
    await waitForPhrase(page, 'Tiring');
    await code(page, 'pay was late'); // the passage Ann coded: his coding beside hers
    await code(page, 'Tiring');
    await expect.poll(() => codingCount(page), POLL).toBe(3);
    bensFile = await saveAs(page);
  });

  it("Ann merges Ben's file: the preview counts first, then one step adds Ben and his codings", async () => {
    const page = ann.page;
    await chooseMergeFile(page, { name: 'Harbour team (Ben).qdpx', buffer: bensFile });
    const dialog = page.getByRole('dialog', { name: 'Merge project' });
    await dialog.getByRole('table', { name: 'What the merge does' }).waitFor();
    expect(await counts(page)).toEqual(['Coders|1|1|0', 'Sources|0|1|0', 'Codes|0|1|0', 'Codings|2|1|0']);
    await screenshot(page, 'merge-preview');
    // Nothing changed yet.
    expect(await codingCount(page)).toBe(1);
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(() => dialog.count(), POLL).toBe(0);
    await expect.poll(() => codingCount(page), POLL).toBe(3);
    await expect.poll(() => page.getByText(/Merged “Harbour team \(Ben\)\.qdpx”: added 1 coder and 2 codings\./).count(), POLL).toBe(1);
  });

  it('merging the same file again changes nothing', async () => {
    const page = ann.page;
    await chooseMergeFile(page, { name: 'Harbour team (Ben).qdpx', buffer: bensFile });
    const dialog = page.getByRole('dialog', { name: 'Merge project' });
    await dialog.getByRole('status').filter({ hasText: 'already in this project' }).waitFor();
    expect(await counts(page)).toEqual(['Coders|0|2|0', 'Sources|0|1|0', 'Codes|0|1|0', 'Codings|0|3|0']);
    await expect(dialog.getByRole('button', { name: 'Merge', exact: true }).count()).resolves.toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await codingCount(page)).toBe(3);
  });

  it('Undo takes the whole merge back', async () => {
    const page = ann.page;
    await runCommand(page, 'Undo: merge project Harbour team (Ben).qdpx');
    await expect.poll(() => codingCount(page), POLL).toBe(1);
  });
});
