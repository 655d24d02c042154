// The check every end-to-end test ends with (tests/setup/e2e.ts) sees an uncaught page error:
// thrown in a page the test opened, it is collected, in whichever context, persistent or not.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, launchPersistent, openApp, takeUncaughtPageErrors } from './support/browser';
import { POLL } from './support/poll';

describe('uncaught page errors', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('are collected from a page opened by openApp', async () => {
    const app = await openApp(browser);
    try {
      await app.page.evaluate(() => setTimeout(() => {
        throw new Error('thrown by the page');
      }));
      await expect.poll(() => app.pageErrors.length, POLL).toBe(1);
      // Taken here, so this test's own check passes; any other test would fail on it.
      const taken = takeUncaughtPageErrors();
      expect(taken).toHaveLength(1);
      expect(taken[0]).toContain('thrown by the page');
    } finally {
      await app.close();
    }
  });

  it('are collected from any page of a persistent profile', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'marginalia-page-errors-'));
    const context = await launchPersistent(profile);
    try {
      const page = await context.newPage();
      await page.goto('about:blank');
      await page.evaluate(() => setTimeout(() => {
        throw new Error('thrown in a second page');
      }));
      await expect.poll(() => takeUncaughtPageErrors(), POLL).toEqual([expect.stringContaining('thrown in a second page')]);
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  });
});
