// Agreement in real Chromium on a project that holds two coders' codings (as a merge leaves it,
// written here with the app's .qdpx writer and opened with "Open project"): "Compute agreement"
// shows the table with figures worked out by hand below, the disagreements list each coder's
// codes side by side, a passage opens in the document, "Accept" copies a version into the
// consensus coder as one step that Undo takes back, and the table exports as CSV.
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openApp, readDownload, screenshot, type OpenApp } from './support/browser';
import { runCommand } from './support/commands';
import { POLL } from './support/poll';
import { INTERVIEW_NAME, teamProject } from './support/teamFixture';
import { agreementTable, EXPECTED, expectRow } from './support/teamAgreement';

const PROJECT = 'Bus route (team)';

async function openProjectFile(page: Page, file: { name: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await runCommand(page, 'Open project');
  await (await chooser).setFiles({ mimeType: 'application/octet-stream', ...file });
  const report = page.getByRole('dialog', { name: 'Project opened' });
  await report.waitFor({ timeout: 30_000 });
  await report.getByRole('button', { name: 'Close' }).click();
}

function disagreement(page: Page, paragraph: number): Locator {
  return page.getByRole('group', { name: 'Disagreements' }).getByRole('listitem', { name: `${INTERVIEW_NAME}, paragraph ${paragraph}`, exact: true });
}

function codesOf(item: Locator, whose: string): Promise<string[]> {
  return item.getByRole('group', { name: `${whose}’s codes` }).locator('.version-code').allTextContents();
}

describe('agreement between two coders', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
    page = app.page;
    await page.getByRole('tree', { name: 'Codes' }).waitFor();
    await openProjectFile(page, { name: `${PROJECT}.qdpx`, buffer: Buffer.from(teamProject(PROJECT)) });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('computes the table per code and overall with the figures worked out by hand', async () => {
    await runCommand(page, 'Compute agreement');
    const region = page.getByRole('region', { name: 'Agreement' });
    await expect(region.getByRole('checkbox', { name: /^Ann/ }).isChecked()).resolves.toBe(true);
    await expect(region.getByRole('combobox', { name: 'Unit' }).inputValue()).resolves.toBe('paragraph');
    const rows = await agreementTable(page);
    expect(rows[0]).toEqual(['Code', 'Units', 'Pairable', 'Both', 'Only Ann', 'Only Ben', 'Neither', 'Percent agreement', 'Cohen’s kappa', 'Krippendorff’s alpha', 'Alpha 95% interval']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Trust', 'Anger', 'Overall']);
    // One region answers to "Agreement" (the disagreements inside it are a group, not a second region).
    await page.getByRole('group', { name: 'Disagreements' }).waitFor(POLL);
    expect(await region.count()).toBe(1);
    expectRow(rows[1], EXPECTED.Trust);
    expectRow(rows[2], EXPECTED.Anger);
    expectRow(rows[3], EXPECTED.Overall);
    await screenshot(page, 'agreement-table');
  });

  it('lists the passages where the coders differ, each coder’s codes side by side', async () => {
    const list = page.getByRole('group', { name: 'Disagreements' });
    await expect(list.getByRole('listitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')))).resolves.toEqual(
      [2, 4, 6].map((n) => `${INTERVIEW_NAME}, paragraph ${n}`),
    );
    const sixth = disagreement(page, 6);
    await expect(codesOf(sixth, 'Ann')).resolves.toEqual(['Anger']);
    await expect(codesOf(sixth, 'Ben')).resolves.toEqual(['Trust', 'Anger']);
    await expect(sixth.getByRole('group', { name: 'Consensus’s codes' }).textContent()).resolves.toContain('not decided');
    await expect(disagreement(page, 2).getByRole('group', { name: 'Ann’s codes' }).textContent()).resolves.toContain('no code');
  });

  it('opens a passage in the document, at its codings', async () => {
    await disagreement(page, 4).getByRole('button', { name: `${INTERVIEW_NAME}, paragraph 4` }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Document' }).getAttribute('aria-selected'), POLL).toBe('true');
    const popover = page.getByRole('dialog', { name: 'Codings here' });
    await popover.waitFor(POLL);
    await expect(popover.textContent()).resolves.toContain('Trust');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Agreement' }).click();
    await disagreement(page, 4).waitFor(POLL);
  });

  it('accepts one coder’s version into the consensus coder as one step, and Undo takes it back', async () => {
    const sixth = disagreement(page, 6);
    await sixth.getByRole('button', { name: 'Accept Ben’s version' }).click();
    await expect.poll(() => codesOf(sixth, 'Consensus'), POLL).toEqual(['Trust', 'Anger']);
    // The table compares Ann and Ben still; the consensus coder is there to choose.
    await page.getByRole('region', { name: 'Agreement' }).getByRole('checkbox', { name: /^Consensus/ }).waitFor(POLL);
    await expect(page.getByRole('region', { name: 'Agreement' }).getByRole('checkbox', { name: /^Consensus/ }).isChecked()).resolves.toBe(false);
    await screenshot(page, 'agreement-disagreements', { fullPage: false });
    await disagreement(page, 6).scrollIntoViewIfNeeded();
    await screenshot(page, 'agreement-disagreements-accepted');

    // One step, named for what it did.
    const undoTitle = (): Promise<string | null> => page.getByRole('button', { name: /^(Undo: |Nothing to undo)/ }).getAttribute('title');
    await expect.poll(undoTitle, POLL).toBe('Undo: accept Ben’s version into Consensus (2 codings)');
    await runCommand(page, 'Undo: accept Ben’s version into Consensus (2 codings)');
    await expect.poll(() => codesOf(sixth, 'Consensus'), POLL).toEqual([]);
    await expect(sixth.getByRole('group', { name: 'Consensus’s codes' }).textContent()).resolves.toContain('not decided');
  });

  it('exports the table as CSV with a row per code and the overall row', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('region', { name: 'Agreement' }).getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${PROJECT} - agreement.csv`);
    const rows = Papa.parse<Record<string, string>>((await readDownload(file)).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.code)).toEqual(['Trust', 'Anger', 'Overall']);
    expect(Math.abs(Number(rows[2]!["Cohen's kappa"]) - EXPECTED.Overall.kappa)).toBeLessThan(0.00005 + 1e-9);
    expect(app.pageErrors).toEqual([]);
  });
});
