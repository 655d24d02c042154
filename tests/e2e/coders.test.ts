// Coders in real Chromium: "Who is coding?" on a fresh profile (accessible, never blocking the
// app, a name required), the status bar's coder switch, two coders' codings of one passage side by
// side, "Show other coders" drawing the others' codings apart (dashed underline, hatched stripe),
// and the machine remembering who is coding across a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot, type OpenApp } from './support/browser';
import { runCommand } from './support/commands';
import { selectPhrase, waitForPhrase } from './support/coding';
import { POLL } from './support/poll';

/** Texts painted per highlight-name prefix ('mg-code-' yours or everyone's, 'mg-other-' other coders'). */
function paintedWith(page: Page, prefix: string): Promise<string[]> {
  return page.evaluate((wanted) => {
    const out: string[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith(wanted)) return;
      highlight.forEach((painted) => {
        const range = document.createRange();
        range.setStart(painted.startContainer, painted.startOffset);
        range.setEnd(painted.endContainer, painted.endOffset);
        out.push(String(range));
      });
    });
    return out.sort();
  }, prefix);
}

const statusCoder = (page: Page) => page.getByRole('contentinfo', { name: 'Status' }).getByRole('button', { name: /^Coder: / });

describe('coders', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, { coder: null });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('asks "Who is coding?" once, without blocking the app, until a name is given', async () => {
    const dialog = page.getByRole('dialog', { name: 'Who is coding?' });
    await dialog.waitFor();
    const name = dialog.getByRole('textbox', { name: 'Your name' });
    // The browser knows no user name: nothing is suggested.
    await expect(name.inputValue()).resolves.toBe('');
    // Not modal and takes no focus: the menus stay usable and keys go where the user puts them.
    await expect(name.evaluate((el) => el === document.activeElement)).resolves.toBe(false);
    await page.getByRole('menubar').getByRole('menuitem', { name: 'Help', exact: true }).click();
    await page.getByRole('menu', { name: 'Help' }).waitFor();
    await page.keyboard.press('Escape');
    await expect(dialog.isVisible()).resolves.toBe(true);

    await dialog.getByRole('button', { name: 'Start coding' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toMatch(/name/);
    await name.fill('Ann');
    await name.press('Enter');
    await expect.poll(() => dialog.count(), POLL).toBe(0);
    await expect.poll(() => statusCoder(page).textContent(), POLL).toBe('Coder: Ann');
  });

  it('codes as Ann, switches to a new coder Ben in the status bar, and keeps both codings of one passage', async () => {
    await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'bakery-owner-interview.txt' }).click();
    await waitForPhrase(page, 'Twenty-two years');
    await selectPhrase(page, 'Twenty-two years');
    await page.keyboard.press('1');
    await expect.poll(async () => (await paintedWith(page, 'mg-code-')).filter((t) => t === 'Twenty-two years').length, POLL).toBe(1);

    await statusCoder(page).click();
    const dialog = page.getByRole('dialog', { name: 'Switch coder' });
    await dialog.getByRole('button', { name: /Ann \(you\)/ }).waitFor();
    await dialog.getByRole('textbox', { name: 'New coder' }).fill('Ben');
    await dialog.getByRole('button', { name: 'Add coder' }).click();
    await expect.poll(() => statusCoder(page).textContent(), POLL).toBe('Coder: Ben');

    await selectPhrase(page, 'Twenty-two years');
    await page.keyboard.press('1');
    // Side by side, not merged into one: two codings of the same passage and code.
    await expect.poll(async () => (await paintedWith(page, 'mg-code-')).filter((t) => t === 'Twenty-two years').length, POLL).toBe(2);
  });

  it('"Show other coders" draws Ann\'s codings apart from Ben\'s: dashed underline and a hatched stripe beside his', async () => {
    await runCommand(page, 'Show other coders');
    await expect.poll(async () => (await paintedWith(page, 'mg-other-')).filter((t) => t === 'Twenty-two years').length, POLL).toBe(1);
    await expect.poll(async () => (await paintedWith(page, 'mg-code-')).filter((t) => t === 'Twenty-two years').length, POLL).toBe(1);
    const row = page.locator('.doc-row', { hasText: 'Twenty-two years' });
    // Ben's one stripe, and beside it Ann's hatched ones: hers on this passage, and the sample's
    // coding further on in the paragraph, one stripe with hers when the column's width puts the
    // two on touching lines (a lane's stripes merge where they touch), two otherwise.
    await expect.poll(() => row.locator('.stripe:not(.stripe-other)').count(), POLL).toBe(1);
    await expect.poll(() => row.locator('.stripe-other').count(), POLL).toBeGreaterThanOrEqual(1);
    const [mine, theirs] = await Promise.all([row.locator('.stripe:not(.stripe-other)').boundingBox(), row.locator('.stripe-other').first().boundingBox()]);
    expect(theirs!.x).toBeGreaterThan(mine!.x); // beside, not over
    expect(theirs!.y).toBeCloseTo(mine!.y, 0); // the same lines
    await expect(row.locator('.stripe-other').first().evaluate((s) => getComputedStyle(s).backgroundImage)).resolves.toMatch(/repeating-linear-gradient/);
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'show-other-coders');

    // The View menu shows the toggle as checked; running it again draws everyone alike.
    await page.getByRole('menubar').getByRole('menuitem', { name: 'View', exact: true }).click();
    await expect(page.getByRole('menu', { name: 'View' }).getByRole('menuitemcheckbox', { name: 'Show other coders' }).getAttribute('aria-checked')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    await runCommand(page, 'Show other coders');
    await expect.poll(async () => (await paintedWith(page, 'mg-other-')).length, POLL).toBe(0);
    await expect.poll(() => row.locator('.stripe-other').count(), POLL).toBe(0);

  });

  it('offers "Show other coders" in the status bar too, once the project has two coders', async () => {
    const toggle = page.getByRole('contentinfo', { name: 'Status' }).getByRole('button', { name: 'Show other coders' });
    // It shows the View menu's state: turn the others off through the menu first.
    if ((await toggle.getAttribute('aria-pressed')) === 'true') await runCommand(page, 'Show other coders');
    await expect.poll(() => toggle.getAttribute('aria-pressed'), POLL).toBe('false');
    await expect.poll(async () => (await paintedWith(page, 'mg-other-')).length, POLL).toBe(0);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed'), POLL).toBe('true');
    await expect.poll(async () => (await paintedWith(page, 'mg-other-')).filter((t) => t === 'Twenty-two years').length, POLL).toBe(1);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed'), POLL).toBe('false');
    await expect.poll(async () => (await paintedWith(page, 'mg-other-')).length, POLL).toBe(0);
  });

  it('remembers who is coding on this machine across a reload, and switches back to Ann', async () => {
    await page.reload();
    await statusCoder(page).waitFor();
    await expect.poll(() => statusCoder(page).textContent(), POLL).toBe('Coder: Ben');
    await expect(page.getByRole('dialog', { name: 'Who is coding?' }).count()).resolves.toBe(0);
    await runCommand(page, 'Switch coder…');
    const dialog = page.getByRole('dialog', { name: 'Switch coder' });
    await dialog.getByRole('button', { name: 'Ann', exact: true }).click();
    await expect.poll(() => statusCoder(page).textContent(), POLL).toBe('Coder: Ann');
  });
});
