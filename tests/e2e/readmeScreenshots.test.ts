// The README's screenshots of the coding desk, taken at 1280×720 (a common laptop) from the
// current UI: the light theme with code names beside the stripes and the minimap, the dark theme
// with "Codings here", right-to-left text coded, the View menu open, the command palette and the
// keyboard shortcuts sheet. Each is checked to show what its caption says before it is taken.
// They land in test-results/screenshots/readme/; with README_SCREENSHOTS=1 they replace the ones
// in docs/screenshots/ (look at them before committing).
import { copyFile, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForSuite } from './support/browser';
import { runCommand } from './support/commands';
import { createCode, paintedTexts, selectPhrase, waitForPhrase } from './support/coding';
import { importFiles } from './support/importing';
import { repoRoot, testResultsDir } from './support/paths';
import { POLL } from './support/poll';

const ARTICLE_PHRASE = 'The Harbour Street branch';
const RTL_FILE = [
  'Q7. What would you miss most if the branch closed?',
  'R1: The quiet. I read the papers there every morning before work.',
  'R2: قالت المديرة إن غرفة الحاسوب محجوزة طوال اليوم، والناس ينتظرون دورهم.',
  'R3: התושבים אמרו שהספרייה היא המקום השקט היחיד בשכונה.',
  'R4: Story time on Saturdays; my daughter learned to love books there.',
].join('\n\n');

const outDir = resolve(testResultsDir, 'screenshots/readme');
const docsDir = resolve(repoRoot, 'docs/screenshots');

async function take(page: Page, name: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const path = resolve(outDir, `${name}.png`);
  await page.screenshot({ path });
  if (process.env.README_SCREENSHOTS === '1') await copyFile(path, resolve(docsDir, `${name}.png`));
}

/** Closes every notice, so a screenshot shows the desk rather than messages over it. */
async function dismissNotices(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'Dismiss message' });
  while ((await close.count()) > 0) await close.first().click();
}

describe('the README’s screenshots at 1280×720', () => {
  const suite = appForSuite();
  let page: Page;

  beforeAll(async () => {
    page = suite.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.emulateMedia({ colorScheme: 'light' });
    await waitForPhrase(page, ARTICLE_PHRASE);
  });

  it('the light theme with code names beside the stripes and the minimap', async () => {
    await runCommand(page, 'Light theme');
    await runCommand(page, 'Code names beside stripes');
    await expect.poll(() => page.locator('.stripe-label').allTextContents(), POLL).toContain('Digital access');
    await page.getByTestId('coding-minimap').waitFor();
    await page.getByText('computer room was booked').first().scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await dismissNotices(page);
    await take(page, 'theme-light');
  });

  it('the dark theme with the codings under a click', async () => {
    await runCommand(page, 'Dark theme');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByText('computer room was booked').first().click();
    await page.getByRole('dialog', { name: 'Codings here' }).waitFor();
    await dismissNotices(page);
    await take(page, 'theme-dark');
    await page.keyboard.press('Escape');
    await runCommand(page, 'Light theme');
  });

  it('the View menu open on the menu bar', async () => {
    await page.getByRole('menubar').getByRole('menuitem', { name: 'View', exact: true }).click();
    await page.getByRole('menu', { name: 'View' }).getByRole('menuitemcheckbox', { name: 'Light theme' }).waitFor();
    await take(page, 'menu-bar');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  it('the command palette, filtered', async () => {
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('combobox', { name: 'Command' }).fill('code');
    await palette.getByRole('option', { name: 'New code', exact: true }).waitFor();
    await take(page, 'command-palette');
    await page.keyboard.press('Escape');
  });

  it('the keyboard shortcuts sheet', async () => {
    await runCommand(page, 'Keyboard shortcuts');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.getByRole('cell', { name: 'Command palette' }).waitFor();
    // From its title: focus on Close scrolled the sheet to its end.
    await sheet.evaluate((el) => [el, ...el.querySelectorAll<HTMLElement>('*')].forEach((e) => (e.scrollTop = 0)));
    await sheet.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    expect(await sheet.getByRole('heading', { name: 'Keyboard shortcuts' }).evaluate((h) => h.getBoundingClientRect().top >= 0)).toBe(true);
    await take(page, 'shortcuts-sheet');
    await page.keyboard.press('Escape');
  });

  it('right-to-left answers among English ones, coded', async () => {
    await importFiles(page, [{ name: 'survey-q7-answers.txt', mimeType: 'text/plain', buffer: Buffer.from(RTL_FILE) }]);
    await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'survey-q7-answers.txt', exact: true }).click();
    await waitForPhrase(page, 'غرفة الحاسوب');
    const directions = await page.locator('.para-text').evaluateAll((els) => els.filter((e) => e.textContent !== '').map((e) => getComputedStyle(e).direction));
    expect(directions).toEqual(['ltr', 'ltr', 'rtl', 'rtl', 'ltr']);
    await createCode(page, 'Quiet and study space');
    for (const phrase of ['غرفة الحاسوب محجوزة', 'המקום השקט היחיד', 'The quiet.']) {
      await selectPhrase(page, phrase);
      await page.getByRole('listbox', { name: 'Apply code' }).getByRole('option', { name: phrase === 'The quiet.' ? 'Place and belonging' : 'Quiet and study space', exact: true }).click();
      await expect.poll(() => paintedTexts(page), POLL).toContain(phrase);
    }
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
    await dismissNotices(page);
    await take(page, 'rtl-text');
  });
});
