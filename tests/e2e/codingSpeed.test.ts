// Coding speed in real Chromium: digit shortcuts stay pinned to their codes when a child code is
// added and can be reassigned (undoably); active code mode codes five selections in a row.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot, type OpenApp } from './support/browser';
import { runCommand, runFromPalette } from './support/commands';
import { caretToStart, createCode, newProject, paintedTexts, selectPhrase } from './support/coding';
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
    .evaluateAll((items) => items.map((i) => `${i.getAttribute('aria-label')}=${i.querySelector('.code-key')?.getAttribute('data-key') ?? ''}`));
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
    await expect.poll(() => page.getByRole('listbox', { name: 'Apply code' }).getByRole('option', { name: 'Beta' }).locator('kbd').getAttribute('data-key'), POLL).toBe('2');
    await page.keyboard.press('2');
    await expect.poll(() => page.getByRole('treeitem', { name: 'Beta' }).locator('.code-count').getAttribute('data-count'), POLL).toBe('1');
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

    const alphaCount = () => page.getByRole('treeitem', { name: 'Alpha', exact: true }).locator('.code-count').getAttribute('data-count');
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

describe('coding by keyboard only', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;
  const focused = (): Promise<string> => page.evaluate(() => `${document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName}|${document.activeElement?.getAttribute('aria-label') ?? ''}`);

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
    page = app.page;
    await page.getByRole('menubar').waitFor();
    await newProject(page, 'Keyboard study');
    await importFiles(page, [{ name: 'riverside.txt', mimeType: 'text/plain', buffer: readFileSync(threadPath) }]);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('codes a passage, extends it, adds a memo to it and removes it without the mouse', async () => {
    // A code, from the palette.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('New code');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByLabel('Name').waitFor();
    await page.keyboard.type('Route cuts');
    await page.keyboard.press('Enter');
    await page.getByRole('treeitem', { name: 'Route cuts' }).waitFor();

    // F6 to the centre column, Tab to the text, then select the first three words with the keyboard.
    for (let i = 0; i < 8 && !(await page.evaluate(() => !!document.activeElement?.closest('.centre-column'))); i++) await page.keyboard.press('F6');
    for (let i = 0; i < 8 && !(await focused()).startsWith('textbox|Text of'); i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('textbox|Text of riverside.txt');
    await caretToStart(page);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('Enter');
    const menu = page.getByRole('listbox', { name: 'Apply code' });
    await menu.waitFor();
    await page.keyboard.type('Route');
    await page.keyboard.press('Enter');
    await expect.poll(() => paintedTexts(page), POLL).toEqual(['Riverside Bus Route']);

    // Back at the text: Next coding selects it, Shift+F10 opens "Codings here" with focus inside.
    await page.keyboard.press('F8');
    await expect.poll(() => page.evaluate(() => String(window.getSelection())), POLL).toBe('Riverside Bus Route');
    await page.keyboard.press('Shift+F10');
    const popover = page.getByRole('dialog', { name: 'Codings here' });
    await popover.waitFor();
    await expect.poll(focused, POLL).toBe('BUTTON|Remove coding Route cuts');

    // Extend the end by a word (one undoable step), then shrink it back by a word.
    await page.keyboard.press('Control+Shift+ArrowRight');
    await expect.poll(() => paintedTexts(page), POLL).toEqual(['Riverside Bus Route 14']);
    await expect.poll(() => page.getByRole('button', { name: /^Undo: extend a coding of Route cuts/ }).count(), POLL).toBe(1);
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await expect.poll(() => paintedTexts(page), POLL).toEqual(['Riverside Bus Route']);

    // A memo on the coding: Tab to "Add memo", type, Ctrl+Enter saves.
    await page.keyboard.press('Tab');
    await expect.poll(focused, POLL).toBe('BUTTON|Add memo to coding Route cuts');
    await page.keyboard.press('Enter');
    await page.keyboard.type('The headline names the cut.');
    await page.keyboard.press('Control+Enter');
    await popover.getByText('The headline names the cut.').waitFor();

    // Focus is back on the memo button; Shift+Tab back to Remove, Enter removes the coding.
    await expect.poll(focused, POLL).toBe('BUTTON|Add memo to coding Route cuts');
    for (let i = 0; i < 4 && (await focused()) !== 'BUTTON|Remove coding Route cuts'; i++) await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('BUTTON|Remove coding Route cuts');
    await page.keyboard.press('Enter');
    await expect.poll(() => paintedTexts(page), POLL).toEqual([]);
  });

  it('moves to the next uncoded paragraph and codes it with a pinned digit', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'Text of riverside.txt' }).focus();
    await caretToStart(page);
    await page.keyboard.press('Alt+F8');
    // The paragraph is selected once the command has found it: code it then.
    await expect.poll(() => page.evaluate(() => String(window.getSelection()).trim().length), POLL).toBeGreaterThan(0);
    await page.keyboard.press('1');
    await expect.poll(() => paintedTexts(page).then((t) => t.length), POLL).toBe(1);
    const [coded] = await paintedTexts(page);
    expect(threadText.split('\n').map((l) => l.trim())).toContain(coded);
  });

  it('shrinks a coding by dragging its start handle, as one undoable step', async () => {
    // Escape clears the selection (and the code menu waiting at it) left by the last test.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.code-menu').count(), POLL).toBe(0);
    // The painter repaints after the selection clears: read the coding once it is painted again.
    await expect.poll(() => paintedTexts(page).then((t) => t.length), POLL).toBe(1);
    const [before] = await paintedTexts(page);
    const cut = before!.indexOf(' ', before!.indexOf(' ') + 1) + 1; // after the second word
    /** Viewport centre of the character `at` of the coded passage. */
    const charPoint = (at: number) =>
      page.evaluate(
        ([passage, i]) => {
          for (const element of document.querySelectorAll<HTMLElement>('[data-para-start]')) {
            const node = element.firstChild;
            const from = node?.textContent?.indexOf(passage as string) ?? -1;
            if (!node || from < 0) continue;
            const range = document.createRange();
            range.setStart(node, from + (i as number));
            range.setEnd(node, from + (i as number) + 1);
            const r = range.getBoundingClientRect();
            return { x: r.left + r.width / 2, y: r.top + r.height / 2, left: r.left };
          }
          return null;
        },
        [before!, at],
      );
    const middle = (await charPoint(Math.floor(before!.length / 2)))!;
    // A click on coded text opens "Codings here"; on a loaded machine the first click can land
    // while the previous step's selection is still being cleared, so click again until it shows.
    const codingsHere = page.getByRole('dialog', { name: 'Codings here' });
    await expect
      .poll(async () => {
        if (!(await codingsHere.isVisible())) await page.mouse.click(middle.x, middle.y);
        return codingsHere.isVisible();
      }, POLL)
      .toBe(true);
    const handle = (await page.locator('.coding-handle-start').boundingBox())!;
    const target = (await charPoint(cut))!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(target.left + 1, target.y, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => paintedTexts(page), POLL).toEqual([before!.slice(cut)]);
    await runCommand(page, 'Undo: shrink a coding of Route cuts');
    await expect.poll(() => paintedTexts(page), POLL).toEqual([before]);
    await screenshot(page, 'coding-handles');
  });
});
