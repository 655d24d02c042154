// Coding speed in real Chromium: digit shortcuts stay pinned to their codes when a child code is
// added and can be reassigned (undoably); active code mode codes five selections in a row.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot, type OpenApp } from './support/browser';
import { runCommand, runFromPalette } from './support/commands';
import { createCode, newProject, paintedTexts, selectPhrase } from './support/coding';
import { importFiles } from './support/importing';
import { repoRoot } from './support/paths';
import { POLL } from './support/poll';

const threadPath = resolve(repoRoot, 'tests/fixtures/sources/riverside-article-with-comments.txt');
const threadText = readFileSync(threadPath, 'utf8');

/** Each code's name with the digit shown for it ("Tariffs=1"), in tree order. */
async function digits(page: Page): Promise<string[]> {
  return page
    .getByRole('region', { name: 'Codebook' })
    .getByRole('treeitem')
    .evaluateAll((items) => items.map((i) => `${i.getAttribute('aria-label')}=${i.querySelector('.code-key')?.textContent ?? ''}`));
}

/** Five phrases of the article, each a distinct passage to code. */
function phrases(): string[] {
  const words = threadText.split(/\s+/).filter((w) => /^[A-Za-z]{5,}$/.test(w));
  return [...new Set(words)].slice(0, 5);
}

describe('coding speed', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
    page = app.page;
    await page.getByRole('menubar').waitFor();
    await newProject(page, 'Speed study');
    await importFiles(page, [{ name: 'riverside.txt', mimeType: 'text/plain', buffer: readFileSync(threadPath) }]);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('keeps digits with their codes when a child code is added, and applies them', async () => {
    await createCode(page, 'Alpha');
    await createCode(page, 'Beta');
    expect(await digits(page)).toEqual(['Alpha=1', 'Beta=2']);
    // A child of Alpha sits between Alpha and Beta in the tree: Beta keeps 2, the child gets 3.
    await createCode(page, 'Alpha child', 'Alpha');
    await expect.poll(() => digits(page), POLL).toEqual(['Alpha=1', 'Alpha child=3', 'Beta=2']);

    const [first] = phrases();
    await selectPhrase(page, first!);
    // The code menu shows each code's pinned digit; the digit applies it.
    await expect.poll(() => page.getByRole('listbox', { name: 'Apply code' }).getByRole('option', { name: 'Beta' }).locator('kbd').textContent(), POLL).toBe('2');
    await page.keyboard.press('2');
    await expect.poll(() => page.getByRole('treeitem', { name: 'Beta' }).locator('.code-count').textContent(), POLL).toBe('1');
  });

  it('reassigns a digit from the tree and from the Code menu, each one undoable step', async () => {
    await page.getByRole('treeitem', { name: 'Alpha child' }).click();
    await page.keyboard.press('2');
    await expect.poll(() => digits(page), POLL).toEqual(['Alpha=1', 'Alpha child=2', 'Beta=']);
    await runCommand(page, 'Undo: give Alpha child the shortcut 2');
    await expect.poll(() => digits(page), POLL).toEqual(['Alpha=1', 'Alpha child=3', 'Beta=2']);

    await page.getByRole('treeitem', { name: 'Beta' }).click();
    await runCommand(page, 'Assign shortcut…');
    const dialog = page.getByRole('dialog', { name: 'Shortcut for “Beta”' });
    await dialog.getByLabel('Key that applies the code').selectOption('7');
    await dialog.getByRole('button', { name: 'Assign shortcut' }).click();
    await expect.poll(() => digits(page), POLL).toEqual(['Alpha=1', 'Alpha child=3', 'Beta=7']);
    // Focus went back to where the dialog was opened from (the tree item).
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), POLL).toBe('Beta');
  });

  it('codes five selections in a row in active code mode, shown in the status bar', async () => {
    await page.getByRole('treeitem', { name: 'Alpha', exact: true }).click();
    await runFromPalette(page, 'Active code mode');
    const status = page.getByRole('contentinfo', { name: 'Status' });
    await status.getByText('Active code: Alpha').waitFor();

    const alphaCount = () => page.getByRole('treeitem', { name: 'Alpha', exact: true }).locator('.code-count').textContent();
    const five = phrases();
    for (const [i, phrase] of five.entries()) {
      await selectPhrase(page, phrase, false);
      await expect.poll(alphaCount, POLL).toBe(String(i + 1));
      expect(await page.getByRole('listbox', { name: 'Apply code' }).count()).toBe(0);
    }
    expect((await paintedTexts(page)).filter((t) => five.includes(t)).sort()).toEqual(expect.arrayContaining([...five].sort()));
    await screenshot(page, 'active-code-mode');

    await status.getByRole('button', { name: /Turn off active code mode/ }).click();
    await expect.poll(() => status.getByText('Active code:').count(), POLL).toBe(0);
    // Off again: a selection brings the code menu back.
    await selectPhrase(page, 'the');
    await page.keyboard.press('Escape');
  });
});
