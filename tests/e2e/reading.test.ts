// Reading comfort in real Chromium: the View menu's theme, text size, line width, code names beside
// the stripes and minimap (remembered across a reload), right-to-left paragraphs that code exactly
// the words selected, the caret's codings said through a live region, and the first-run tour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, type OpenApp } from './support/browser';
import { runCommand, runFromPalette } from './support/commands';
import { createCode, dragAcross, paintedTexts, waitForPhrase } from './support/coding';
import { confirmImport, importFiles, pickFiles } from './support/importing';
import { POLL } from './support/poll';

const ARTICLE_PHRASE = 'The Harbour Street branch';
const ARABIC = 'قالت المديرة إن غرفة الحاسوب محجوزة طوال اليوم.';
const HEBREW = 'התושבים אמרו שהספרייה היא המקום השקט היחיד.';
const RTL_FILE = ['An English opening line about the library.', ARABIC, HEBREW, 'Back to English at the end.'].join('\n\n');

const rootTheme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);
const documentFontSize = (page: Page) => page.locator('.document-text').evaluate((e) => getComputedStyle(e).fontSize);

describe('reading comfort', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
    page = app.page;
    await page.emulateMedia({ colorScheme: 'light' });
    await waitForPhrase(page, ARTICLE_PHRASE);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('follows the system theme until one is chosen, and remembers the choice', async () => {
    expect(await rootTheme(page)).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => rootTheme(page), POLL).toBe('dark');
    await page.emulateMedia({ colorScheme: 'dark' });
    await runCommand(page, 'Light theme');
    expect(await rootTheme(page)).toBe('light');
    await runFromPalette(page, 'Dark theme');
    expect(await rootTheme(page)).toBe('dark');
    // The dark page really is dark, dialogs included.
    const background = await page.locator('.document-panel').evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(background).toBe('rgb(27, 28, 32)');
    await page.reload();
    await waitForPhrase(page, ARTICLE_PHRASE);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await rootTheme(page)).toBe('dark');
    await runCommand(page, 'Theme as the system');
    expect(await rootTheme(page)).toBe('light');
  });

  it('makes the text larger, smaller and back, and the lines wider or narrower', async () => {
    expect(await documentFontSize(page)).toBe('15px');
    await runCommand(page, 'Larger text');
    await runCommand(page, 'Larger text');
    expect(await documentFontSize(page)).toBe('17px');
    await page.locator('.document-text').focus();
    await page.keyboard.press('Control+-');
    expect(await documentFontSize(page)).toBe('16px');
    await runCommand(page, 'Default text size');
    expect(await documentFontSize(page)).toBe('15px');

    const width = () => page.locator('.document-text').evaluate((e) => e.getBoundingClientRect().width);
    const before = await width();
    await runCommand(page, 'Narrower lines');
    expect(await width()).toBeLessThan(before);
    await runCommand(page, 'Wider lines');
    await runCommand(page, 'Wider lines');
    expect(await width()).toBeGreaterThan(before);
  });

  it('shows code names beside the stripes on request', async () => {
    const labels = () => page.locator('.stripe-label').allTextContents();
    expect(await labels()).toEqual([]);
    await runCommand(page, 'Code names beside stripes');
    await expect.poll(labels, POLL).toContain('Digital access');
    await runCommand(page, 'Code names beside stripes');
    await expect.poll(labels, POLL).toEqual([]);
  });

  it('draws a minimap of the codings that jumps to where it is clicked', async () => {
    const minimap = page.getByTestId('coding-minimap');
    await minimap.waitFor();
    // Something is drawn: some pixel of the canvas is not transparent.
    await expect
      .poll(() => minimap.evaluate((c: HTMLCanvasElement) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0)), POLL)
      .toBe(true);
    const scroll = page.getByTestId('document-scroll');
    expect(await scroll.evaluate((e) => e.scrollTop)).toBe(0);
    const box = (await minimap.boundingBox())!;
    await minimap.click({ position: { x: box.width / 2, y: box.height - 4 } });
    await expect.poll(() => scroll.evaluate((e) => e.scrollTop), POLL).toBeGreaterThan(100);
    await runCommand(page, 'Codings minimap');
    await expect.poll(() => minimap.count(), POLL).toBe(0);
    await runCommand(page, 'Codings minimap');
  });

  it('keeps the reader\'s place in the document across a visit to another tab', async () => {
    const scroll = page.getByTestId('document-scroll');
    for (const place of [0, 240]) {
      await scroll.evaluate((e, top) => (e.scrollTop = top), place);
      await expect.poll(() => scroll.evaluate((e) => Math.round(e.scrollTop)), POLL).toBe(place);
      for (const tab of ['Agreement', 'Coded segments']) {
        await page.getByRole('tab', { name: tab, exact: true }).click();
        await page.getByRole('tabpanel', { name: tab }).waitFor();
        await page.getByRole('tab', { name: 'Document', exact: true }).click();
        await expect.poll(() => scroll.evaluate((e) => Math.round(e.scrollTop)), POLL).toBe(place);
      }
    }
  });

  it('keeps the minimap out of the keyboard and screen reader’s way; Next and Previous coding reach the same places', async () => {
    const minimap = page.getByTestId('coding-minimap');
    await minimap.waitFor();
    // Hidden from assistive technology, never a Tab stop, and its tooltip names the keyboard route.
    expect(await minimap.getAttribute('aria-hidden')).toBe('true');
    expect(await minimap.evaluate((c) => (c as HTMLElement).tabIndex)).toBe(-1);
    expect(await minimap.getAttribute('title')).toContain('F8');
    const scroll = page.getByTestId('document-scroll');
    await scroll.evaluate((e) => (e.scrollTop = 0));
    await page.getByText('The Harbour Street branch').first().click();
    const selected = () => page.evaluate(() => window.getSelection()?.toString() ?? '');
    await page.keyboard.press('F8');
    await expect.poll(selected, POLL).toContain('€480,000 shortfall');
    await page.keyboard.press('F8');
    await expect.poll(selected, POLL).toContain('forty minutes each way');
    await page.keyboard.press('Shift+F8');
    await expect.poll(selected, POLL).toContain('€480,000 shortfall');
  });

  it('says which codes the caret is in through a polite live region', async () => {
    const region = page.locator('#caret-announcer');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    await page.evaluate(() => {
      for (const element of document.querySelectorAll<HTMLElement>('[data-para-start]')) {
        const node = element.firstChild;
        const at = node?.textContent?.indexOf('its computer room') ?? -1;
        if (!node || at < 0) continue;
        element.closest<HTMLElement>('.document-text')!.focus();
        window.getSelection()!.collapse(node, at + 8);
        return;
      }
    });
    await expect.poll(() => region.textContent(), POLL).toBe('coded Digital access');
  });

  it('never lets a notice cover the last line of the text', async () => {
    // A text whose last line is text (no blank line after it to hide behind).
    const lines = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} of a long transcript.`);
    await importFiles(page, [{ name: 'long-transcript.txt', mimeType: 'text/plain', buffer: Buffer.from([...lines, 'It was already heated.'].join('\n')) }]);
    await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'long-transcript.txt', exact: true }).click();
    await waitForPhrase(page, 'Paragraph 1 of');
    const scroll = page.getByTestId('document-scroll');
    // To the end of the text from the keyboard, select the last two words, and code them with key 1:
    // the "Coded with…" notice appears at the bottom of the window.
    await page.getByRole('textbox', { name: 'Text of long-transcript.txt' }).focus();
    await page.keyboard.press('Control+End');
    await waitForPhrase(page, 'already heated');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.press('1');
    const notice = page.locator('.notice', { hasText: 'Coded with' });
    await notice.waitFor();
    await scroll.evaluate((e) => e.scrollTo(0, e.scrollHeight));
    const lastLineBottom = await page.evaluate(() => {
      const last = [...document.querySelectorAll<HTMLElement>('[data-para-start]')].find((p) => p.textContent?.includes('already heated'))!;
      const rects = [...last.getClientRects()];
      return Math.max(...rects.map((r) => r.bottom));
    });
    const noticeTop = (await notice.boundingBox())!.y;
    expect(lastLineBottom).toBeLessThanOrEqual(noticeTop);
    await page.keyboard.press('Escape');
  });

  it('warns when a file is already in the project, and lets the user skip it or import it again', async () => {
    const same = Buffer.from('Focus group 2, first session.\n\nR1: We never go there at night.');
    await importFiles(page, [{ name: 'focus-group-2.txt', mimeType: 'text/plain', buffer: same }]);
    const again = await pickFiles(page, [{ name: 'focus-group-2.txt', mimeType: 'text/plain', buffer: same }]);
    const warning = again.getByRole('group', { name: 'Already in the project' });
    await expect.poll(() => warning.textContent(), POLL).toContain('“focus-group-2.txt” has the same name and the same text');
    await warning.getByRole('button', { name: 'Skip this file' }).click();
    await expect.poll(() => again.getByRole('row', { name: 'focus-group-2.txt' }).count(), POLL).toBe(0);
    if (await again.isVisible()) await page.keyboard.press('Escape');
    await again.waitFor({ state: 'detached' });

    const copy = await pickFiles(page, [{ name: 'focus-group-2 (copy).txt', mimeType: 'text/plain', buffer: same }]);
    await expect.poll(() => copy.getByRole('group', { name: 'Already in the project' }).textContent(), POLL).toContain('The same text is already in the project, as “focus-group-2.txt”');
    await copy.getByRole('button', { name: 'Import it again' }).click();
    expect(await copy.getByRole('group', { name: 'Already in the project' }).count()).toBe(0);
    await confirmImport(copy);
    await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'focus-group-2 (copy).txt', exact: true }).waitFor();
  });

  it('shows right-to-left paragraphs right to left and codes exactly the words selected in them', async () => {
    await importFiles(page, [{ name: 'mixed-directions.txt', mimeType: 'text/plain', buffer: Buffer.from(RTL_FILE) }]);
    await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'mixed-directions.txt', exact: true }).click();
    await waitForPhrase(page, 'غرفة الحاسوب');
    const directions = await page
      .locator('.para-text')
      .evaluateAll((els) => els.filter((e) => e.textContent !== '').map((e) => getComputedStyle(e).direction));
    expect(directions).toEqual(['ltr', 'rtl', 'rtl', 'ltr']);

    await createCode(page, 'Quiet room');
    await dragAcross(page, 'غرفة الحاسوب');
    await page.getByRole('listbox', { name: 'Apply code' }).getByRole('option', { name: 'Quiet room', exact: true }).click();
    await expect.poll(() => paintedTexts(page), POLL).toContain('غرفة الحاسوب');
    await dragAcross(page, 'המקום השקט');
    await page.getByRole('listbox', { name: 'Apply code' }).getByRole('option', { name: 'Quiet room', exact: true }).click();
    await expect.poll(() => paintedTexts(page), POLL).toEqual(['המקום השקט', 'غرفة الحاسوب'].sort());

    // What was stored (read back from the database) is the words, not a neighbour's letters.
    await runCommand(page, 'Show coded segments');
    const segments = page.getByRole('tabpanel', { name: 'Coded segments' });
    await segments.getByText('غرفة الحاسوب', { exact: true }).waitFor();
    await segments.getByText('המקום השקט', { exact: true }).waitFor();
  });
});

describe('the first-run tour', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, { tour: true });
    page = app.page;
    await waitForPhrase(page, ARTICLE_PHRASE);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('walks through the five things to know, stays closed once closed, and comes back from Help', async () => {
    const tour = page.getByRole('dialog', { name: 'Welcome to Marginalia' });
    await tour.waitFor();
    // It takes no focus and blocks nothing: the text stays where keyboard focus goes.
    expect(await tour.evaluate((e) => e.contains(document.activeElement))).toBe(false);
    const steps: string[] = [];
    for (let i = 0; i < 5; i++) {
      steps.push((await tour.locator('.tour-progress strong').textContent()) ?? '');
      if (i < 4) await tour.getByRole('button', { name: 'Next' }).click();
    }
    expect(steps).toEqual(['Import', 'Code', 'Codebook', 'Retrieve', 'Export']);
    await tour.getByRole('button', { name: 'Done' }).click();
    await tour.waitFor({ state: 'detached' });

    await page.reload();
    await waitForPhrase(page, ARTICLE_PHRASE);
    expect(await tour.count()).toBe(0);
    await runCommand(page, 'Show tour');
    await tour.waitFor();
    await tour.getByRole('button', { name: 'Close tour' }).click();
    await tour.waitFor({ state: 'detached' });
  });
});
