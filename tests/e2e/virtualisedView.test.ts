// The document view renders only the visible paragraphs of a long source. These tests make sure
// that costs the user nothing: find, copy, keyboard navigation and selection still work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openApp, type OpenApp } from './support/browser';
import { createCode, newProject, paintedTexts, selectPhrase, waitForPhrase } from './support/coding';
import { importFiles } from './support/importing';
import { POLL } from './support/poll';

const PARAGRAPHS = 4000;
const longText = Array.from(
  { length: PARAGRAPHS },
  (_, i) => `Paragraph ${i + 1}: the respondent talks about the harbour, the library and marker-${i + 1}-end.`,
).join('\n');

describe('a long source in the virtualised document view', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
    page = app.page;
    context = app.context;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await newProject(page, 'Long transcript');
    await page.waitForFunction(() => document.querySelector('[role="tree"]') === null);
    await importFiles(page, [{ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(longText) }]);
    await waitForPhrase(page, 'marker-1-end');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('renders only a window of the paragraphs', async () => {
    const rendered = await page.locator('[data-para-start]').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(200);
  });

  it('finds text in paragraphs that are not rendered and scrolls to it', async () => {
    await page.locator('.document-text').focus();
    await page.keyboard.press('Control+f');
    const search = page.getByRole('searchbox', { name: 'Find in document' });
    await search.fill('marker-3500-end');
    await expect.poll(() => page.getByRole('search').getByRole('status').textContent(), POLL).toBe('1 of 1');
    await waitForPhrase(page, 'marker-3500-end');
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('mg-find-current')?.size ?? 0), POLL)
      .toBe(1);
    await search.fill('harbour');
    await expect.poll(() => page.getByRole('search').getByRole('status').textContent(), POLL).toBe(`1 of ${PARAGRAPHS}`);
    await search.press('Enter');
    await expect.poll(() => page.getByRole('search').getByRole('status').textContent(), POLL).toBe(`2 of ${PARAGRAPHS}`);
    await search.press('Escape');
    await expect(page.getByRole('search').count()).resolves.toBe(0);
  });

  it('jumps to the end and back with Ctrl+End and Ctrl+Home', async () => {
    await page.locator('.document-text').focus();
    await page.keyboard.press('Control+End');
    await waitForPhrase(page, `marker-${PARAGRAPHS}-end`);
    await page.keyboard.press('Control+Home');
    await waitForPhrase(page, 'marker-1-end');
  });

  it('copies a selection across paragraphs with its line break, even with the code menu open', async () => {
    await page.evaluate(() => {
      const paragraphs = [...document.querySelectorAll<HTMLElement>('[data-para-start]')];
      const first = paragraphs.find((p) => p.textContent?.startsWith('Paragraph 2:'))!;
      const next = paragraphs.find((p) => p.textContent?.startsWith('Paragraph 3:'))!;
      const range = document.createRange();
      range.setStart(first.firstChild!, first.textContent!.indexOf('marker-2-end.'));
      range.setEnd(next.firstChild!, 'Paragraph 3'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await page.getByRole('listbox', { name: 'Apply code' }).waitFor();
    await page.keyboard.press('Control+c');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), POLL).toBe('marker-2-end.\nParagraph 3');
    await page.keyboard.press('Escape');
  });

  it('codes a paragraph far down the document and paints it when scrolled to', async () => {
    await createCode(page, 'Harbour');
    await page.locator('.document-text').focus();
    await page.keyboard.press('Control+End');
    await waitForPhrase(page, `marker-${PARAGRAPHS}-end`);
    await selectPhrase(page, `marker-${PARAGRAPHS}-end`);
    await page.keyboard.press('1');
    await expect.poll(() => paintedTexts(page), POLL).toEqual([`marker-${PARAGRAPHS}-end`]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Home');
    await waitForPhrase(page, 'marker-1-end');
    await expect.poll(() => paintedTexts(page), POLL).toEqual([]);
    await page.keyboard.press('Control+End');
    await expect.poll(() => paintedTexts(page), POLL).toEqual([`marker-${PARAGRAPHS}-end`]);
  });
  it('draws the stripe of a coding beside exactly the line it covers', async () => {
    // The last paragraph's phrase was coded by the test above; the view is at the end again.
    await waitForPhrase(page, `marker-${PARAGRAPHS}-end`);
    const measure = () =>
      page.evaluate((phrase) => {
        const row = [...document.querySelectorAll('.doc-row')].find((r) => r.textContent?.includes(phrase));
        const stripe = row?.querySelector('.stripe')?.getBoundingClientRect();
        let top = Infinity;
        let bottom = -Infinity;
        CSS.highlights.forEach((highlight, name) => {
          if (!name.startsWith('mg-code-')) return;
          highlight.forEach((painted) => {
            const range = document.createRange();
            range.setStart(painted.startContainer, painted.startOffset);
            range.setEnd(painted.endContainer, painted.endOffset);
            for (const rect of range.getClientRects()) {
              top = Math.min(top, rect.top);
              bottom = Math.max(bottom, rect.bottom);
            }
          });
        });
        return stripe ? [Math.round(stripe.top - top), Math.round(stripe.bottom - bottom)] : null;
      }, `marker-${PARAGRAPHS}-end`);
    await expect.poll(measure, POLL).toEqual([0, 0]);
  });

  it('places each rendered row right below the one before it, wherever the user jumps', async () => {
    const scroller = page.getByTestId('document-scroll');
    for (const fraction of [0.5, 0.2, 0.85]) {
      await scroller.evaluate((element, f) => {
        element.scrollTop = element.scrollHeight * f;
      }, fraction);
      // Gaps or overlaps (in px) between consecutive rendered rows: none once rows are measured.
      const misplaced = () =>
        page.evaluate(() => {
          const rows = [...document.querySelectorAll<HTMLElement>('.doc-row')]
            .map((row) => ({ index: Number(row.dataset.rowIndex), box: row.getBoundingClientRect() }))
            .sort((a, b) => a.index - b.index);
          return rows.filter((row, i) => i > 0 && rows[i - 1]!.index === row.index - 1 && Math.abs(row.box.top - rows[i - 1]!.box.bottom) > 1).length;
        });
      await expect.poll(misplaced, POLL).toBe(0);
      expect(await page.locator('[data-para-start]').count()).toBeGreaterThan(10);
    }
  });
});
