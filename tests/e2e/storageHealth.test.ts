// Storage health in real Chromium through the browser build: a database written by a newer
// Marginalia gets a clear screen and stays untouched; the storage status says how much is used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { launchBrowser, openApp, screenshot } from './support/browser';
import { runCommand } from './support/commands';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('storage health', () => {
  it('refuses a database from a newer version with a clear screen, and leaves it as it was', async () => {
    // A page of the same origin that does not run the app: create "marginalia" at a version
    // far above any Marginalia has shipped, with one store the app does not know.
    const app = await openApp(browser, { path: 'no-such-page' });
    try {
      const { page } = app;
      const created = await page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const request = indexedDB.open('marginalia', 100_000);
            request.onupgradeneeded = () => request.result.createObjectStore('fromTheFuture');
            request.onsuccess = () => {
              const version = request.result.version;
              request.result.close();
              resolve(version);
            };
            request.onerror = () => reject(new Error(String(request.error)));
          }),
      );
      expect(created).toBe(100_000);

      await page.goto(inject('baseUrl'));
      await expect
        .poll(() => page.getByRole('heading', { name: 'This data was saved by a newer Marginalia' }).count(), { timeout: 20_000 })
        .toBe(1);
      expect(await page.getByRole('combobox', { name: 'Project' }).count()).toBe(0);
      await screenshot(page, 'newer-database');
      const after = await page.evaluate(
        () =>
          new Promise<{ version: number; stores: string[] }>((resolve, reject) => {
            const request = indexedDB.open('marginalia');
            request.onsuccess = () => {
              const db = request.result;
              resolve({ version: db.version, stores: [...db.objectStoreNames] });
              db.close();
            };
            request.onerror = () => reject(new Error(String(request.error)));
          }),
      );
      expect(after).toEqual({ version: 100_000, stores: ['fromTheFuture'] });
    } finally {
      await app.close();
    }
  });

  it('says how much space the data takes, in the More exports dialog', async () => {
    const app = await openApp(browser);
    try {
      const { page } = app;
      await runCommand(page, 'More exports…');
      const status = page.getByLabel('Storage');
      await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^Marginalia’s data takes [\d.]+ (bytes|KB|MB), .* of the [\d.]+ (MB|GB) it may use\./);
      await screenshot(page, 'storage-status');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
