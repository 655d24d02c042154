// The whole coding loop in real Chromium through the browser build: project → import → codes →
// highlights (mouse, keyboard, digits, in-vivo, overlapping) → reload → both CSV exports.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, readDownload, screenshot, type OpenApp } from './support/browser';
import { runCommand } from './support/commands';
import { createCode, dragAcross, newProject, paintedRanges, paintedTexts, selectPhrase, waitForPhrase } from './support/coding';
import { repoRoot } from './support/paths';
import { importFiles } from './support/importing';
import { POLL } from './support/poll';

const fixtures = resolve(repoRoot, 'tests/fixtures/sources');
const threadPath = resolve(fixtures, 'riverside-article-with-comments.txt');
const interviewPath = resolve(fixtures, 'cafe-interview-crlf.txt');
const threadText = readFileSync(threadPath, 'utf8');
const interviewText = readFileSync(interviewPath, 'utf8').replace(/\r\n/g, '\n');

function parseCsv(csv: string): Array<Record<string, string>> {
  expect(csv.charCodeAt(0)).toBe(0xfeff); // BOM for Excel
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}


describe('the coding loop', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('opens on the coded sample project the first time', async () => {
    await page.getByRole('region', { name: 'Codebook' }).getByRole('treeitem', { name: 'Digital access' }).waitFor();
    await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'bakery-owner-interview.txt' }).waitFor();
    await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('mg-code-')));
    await screenshot(page, 'sample-project');
  });

  it('creates a project and imports sources, refusing bad files by name', async () => {
    await newProject(page, 'Route 14 study');
    await expect.poll(() => page.getByRole('combobox', { name: 'Project' }).locator('option:checked').textContent(), POLL).toBe('Route 14 study');
    await expect.poll(() => page.getByRole('region', { name: 'Codebook' }).getByRole('treeitem').count(), POLL).toBe(0);

    await importFiles(page, [
      { name: 'riverside-article-with-comments.txt', mimeType: 'text/plain', buffer: readFileSync(threadPath) },
      { name: 'cafe-interview-crlf.txt', mimeType: 'text/plain', buffer: readFileSync(interviewPath) },
      // Not UTF-8: the encoding is now detected (Windows-1252), so it imports as "café".
      { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]) },
      { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
      { name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) },
    ]);
    const sources = page.getByRole('region', { name: 'Sources' });
    await sources.getByRole('button', { name: 'riverside-article-with-comments.txt' }).waitFor();
    await sources.getByRole('button', { name: 'cafe-interview-crlf.txt' }).waitFor();
    await sources.getByRole('button', { name: 'latin1.txt' }).waitFor();
    const alert = sources.getByRole('alert');
    await expect(alert.textContent()).resolves.toMatch(/empty\.txt.*empty/s);
    await expect(alert.textContent()).resolves.toMatch(/photo\.txt.*not text \(it looks like a PNG image\)/s);
    await expect(alert.textContent()).resolves.not.toMatch(/latin1/);
    await expect(sources.getByRole('list', { name: 'Sources in this project' }).getByRole('listitem').count()).resolves.toBe(3);
  });

  it('shows the text with its line breaks exactly as imported', async () => {
    await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'riverside-article-with-comments.txt' }).click();
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-para-start]')].map((p) => p.textContent ?? '').join('\n'),
    );
    expect(shown).toBe(threadText.replace(/\n$/, '\n'));
  });

  it('builds a code hierarchy', async () => {
    await createCode(page, 'Access');
    await createCode(page, 'Night travel', 'Access');
    await createCode(page, 'Safety');
    await createCode(page, 'Not consulted');
    const tree = page.getByRole('tree', { name: 'Codes' });
    await expect(tree.getByRole('treeitem').evaluateAll((items) => items.map((i) => `${i.getAttribute('aria-level')}:${i.getAttribute('aria-label')}`))).resolves.toEqual([
      '1:Access',
      '2:Night travel',
      '1:Safety',
      '1:Not consulted',
    ]);
  });

  it('codes passages from the menu, with digits and in vivo, overlapping ones included', async () => {
    // Drag with the mouse, filter the menu, Enter.
    await dragAcross(page, 'a forty-minute walk home along the ring road');
    const menu = page.getByRole('listbox', { name: 'Apply code' });
    await menu.waitFor();
    await screenshot(page, 'code-menu');
    await page.keyboard.type('night');
    await expect(menu.getByRole('option').first().getAttribute('aria-label')).resolves.toBe('Night travel');
    await page.keyboard.press('Enter');
    await expect.poll(() => menu.isVisible(), POLL).toBe(false);

    // An overlapping passage coded with a digit (Safety is the third code in the tree).
    await selectPhrase(page, 'walk home along the ring road 😟');
    await page.keyboard.press('3');
    await expect.poll(() => paintedTexts(page), POLL).toEqual(['a forty-minute walk home along the ring road', 'walk home along the ring road 😟']);
    // Both codes show as coding stripes in the margin beside that line.
    await expect
      .poll(() => page.locator('.doc-row', { hasText: 'ring road' }).locator('.stripe').evaluateAll((s) => s.map((e) => e.getAttribute('title')).sort()), POLL)
      .toEqual(['Night travel', 'Safety']);

    // In-vivo code named by the selected words.
    await selectPhrase(page, 'nobody asked us');
    await page.getByRole('button', { name: 'New code from selection' }).click();
    await page.getByRole('treeitem', { name: 'nobody asked us', exact: true }).waitFor();

    // Apply by clicking an option.
    await selectPhrase(page, 'Cutting the route entirely feels like nobody asked us.');
    await menu.getByRole('option', { name: 'Not consulted' }).click();
    await expect.poll(async () => Object.values(await paintedRanges(page)).reduce((a, b) => a + b, 0), POLL).toBe(4);
    await screenshot(page, 'coded-thread');
  });

  it('selects with the keyboard and codes the selection', async () => {
    const target = 'Ten passengers an hour';
    await page.evaluate((needle) => {
      const element = [...document.querySelectorAll<HTMLElement>('[data-para-start]')].find((p) => p.textContent?.startsWith(needle))!;
      const range = document.createRange();
      range.setStart(element.firstChild!, 0);
      range.collapse(true);
      (element.closest('[contenteditable]') as HTMLElement).focus();
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, target);
    await page.keyboard.down('Shift');
    for (let i = 0; i < target.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.up('Shift');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Access');
    await page.keyboard.press('Enter');
    await expect.poll(() => paintedTexts(page), POLL).toContain(target);
  });

  it('refuses a selection of only whitespace', async () => {
    // A real selection first: the code menu opens on it.
    await selectPhrase(page, 'Ten passengers an hour');
    const menu = page.getByRole('listbox', { name: 'Apply code' });
    // Then, focus back in the text, the spaces between two words. The app reads the new selection
    // and, refusing it, closes the menu; had it accepted the spaces, the menu would stay open on them.
    const selected = await page.evaluate(() => {
      const element = [...document.querySelectorAll<HTMLElement>('[data-para-start]')].find((p) => /\S[ \t]+\S/.test(p.textContent ?? ''))!;
      const node = element.firstChild as Text;
      const gap = /(?<=\S)[ \t]+(?=\S)/.exec(node.data)!;
      (element.closest('[contenteditable]') as HTMLElement).focus();
      const range = document.createRange();
      range.setStart(node, gap.index);
      range.setEnd(node, gap.index + gap[0].length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    expect(selected).toMatch(/^[ \t]+$/);
    await expect.poll(() => menu.count(), POLL).toBe(0);
  });

  it('codes a passage with a character outside the BMP in the CRLF interview', async () => {
    await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'cafe-interview-crlf.txt' }).click();
    await selectPhrase(page, '朝の客が減った 😔');
    await page.keyboard.type('Access');
    await page.keyboard.press('Enter');
    await expect.poll(() => paintedTexts(page), POLL).toEqual(['朝の客が減った 😔']);
  });

  it('shows the codes of a clicked highlight and removes one', async () => {
    await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'riverside-article-with-comments.txt' }).click();
    await waitForPhrase(page, 'ring road');
    await expect.poll(() => paintedTexts(page), POLL).toContain('walk home along the ring road 😟');
    // Rows settle as they are measured after a source opens (more slowly on a loaded machine):
    // aim only once the phrase has kept its place for a few frames.
    const box = await page.evaluate(async () => {
      const place = () => {
        const element = [...document.querySelectorAll<HTMLElement>('[data-para-start]')].find((p) => p.textContent?.includes('ring road'))!;
        const node = element.firstChild!;
        const at = node.textContent!.indexOf('ring road');
        const range = document.createRange();
        range.setStart(node, at + 1);
        range.setEnd(node, at + 2);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      };
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      let last = place();
      for (let still = 0, tries = 0; still < 3 && tries < 120; tries++) {
        await frame();
        const now = place();
        still = now.x === last.x && now.y === last.y ? still + 1 : 0;
        last = now;
      }
      return last;
    });
    await page.mouse.click(box.x, box.y);
    const popover = page.getByRole('dialog', { name: 'Codings here' });
    await popover.waitFor();
    await expect(popover.getByRole('button', { name: /^Remove coding/ }).count()).resolves.toBe(2);
    await screenshot(page, 'codings-popover');
    await popover.getByRole('button', { name: 'Remove coding Safety' }).click();
    await expect.poll(() => paintedTexts(page), POLL).not.toContain('walk home along the ring road 😟');
    await page.keyboard.press('Escape');
  });

  it('keeps everything after a reload', async () => {
    const before = await paintedTexts(page);
    await page.reload();
    await page.getByRole('tree', { name: 'Codes' }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Project' }).locator('option:checked').textContent(), POLL).toBe('Route 14 study');
    await expect.poll(() => paintedTexts(page), POLL).toEqual(before);
    await expect(page.getByRole('treeitem', { name: 'Night travel' }).isVisible()).resolves.toBe(true);
  });

  it('exports the codebook as CSV with paths and counts', async () => {
    const download = page.waitForEvent('download');
    await runCommand(page, 'Export codebook (CSV)');
    const csv = await readDownload(await download);
    const header = csv.slice(1).split('\r\n')[0]!.split(',');
    expect(header).toEqual(expect.arrayContaining(['id', 'parent_id', 'path', 'name', 'description', 'color', 'n_codings', 'n_sources']));
    const rows = parseCsv(csv);
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get('Night travel')?.path).toBe('Access > Night travel');
    expect(byName.get('Night travel')?.parent_id).toBe(byName.get('Access')?.id);
    expect(byName.get('Access')?.n_codings).toBe('2');
    expect(byName.get('Access')?.n_sources).toBe('2');
    expect(byName.get('Safety')?.n_codings).toBe('0');
    expect(byName.get('nobody asked us')?.n_codings).toBe('1');
  });

  it('exports coded segments whose text equals the source cut at code-point positions', async () => {
    const download = page.waitForEvent('download');
    await runCommand(page, 'Export coded segments (CSV)');
    const csv = await readDownload(await download);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFcoding_id,source,code,code_path,start,end,text,coder,created_at,memo,case');
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(5); // six applied, one removed
    const texts: Record<string, string> = {
      'riverside-article-with-comments.txt': threadText,
      'cafe-interview-crlf.txt': interviewText,
    };
    for (const row of rows) {
      const chars = Array.from(texts[row.source!]!);
      expect(chars.slice(Number(row.start), Number(row.end)).join('')).toBe(row.text);
    }
    const emojiRow = rows.find((r) => r.source === 'cafe-interview-crlf.txt')!;
    expect(emojiRow.text).toBe('朝の客が減った 😔');
    expect(rows.find((r) => r.code === 'Night travel')?.code_path).toBe('Access > Night travel');
  });
});
