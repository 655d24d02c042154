// Backups in a real browser: the browser host keeps them in the origin private file system
// (OPFS), lists them with their counts, reads them back byte for byte, rotates them, and still
// has them after the page is reloaded.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupInfo, WriteBackupRequest, WriteBackupResult } from '../../shared/ipc/contract';
import { launchBrowser, openApp } from './support/browser';
import { repoRoot, testResultsDir } from './support/paths';
import { serveStatic, type StaticServer } from './support/staticServer';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const outDir = resolve(testResultsDir, 'browser-host-harness');
  await mkdir(outDir, { recursive: true });
  await build({
    configFile: false,
    root: resolve(repoRoot, 'tests/e2e/harness'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: resolve(repoRoot, 'tests/e2e/harness/browserHost.html') } },
  });
  server = await serveStatic(outDir, 0);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface HostInPage {
  writeBackup(request: WriteBackupRequest): Promise<WriteBackupResult>;
  listBackups(): Promise<BackupInfo[]>;
  readBackup(request: { id: string }): Promise<{ name: string; bytes: Uint8Array }>;
}

async function openHarness(page: Page): Promise<void> {
  await page.goto(new URL('browserHost.html', server.url).href);
  await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('ready');
}

/** Writes a backup through the page's host; bytes are passed as numbers (JSON across the bridge). */
function writeBackup(page: Page, changeStamp: string, bytes: number[]): Promise<WriteBackupResult> {
  return page.evaluate(
    ([stamp, data]) => {
      const host = (window as unknown as { marginaliaHost: HostInPage }).marginaliaHost;
      return host.writeBackup({
        projectId: 'p1',
        projectName: 'Interviews',
        changeStamp: stamp,
        bytes: new Uint8Array(data),
        counts: { sources: 3, codes: 12, codings: 140, memos: 2, cases: 1 },
      });
    },
    [changeStamp, bytes] as const,
  );
}

const listBackups = (page: Page) => page.evaluate(() => (window as unknown as { marginaliaHost: HostInPage }).marginaliaHost.listBackups());

async function readBackup(page: Page, id: string): Promise<{ name: string; bytes: number[] }> {
  return page.evaluate(async (backupId) => {
    const file = await (window as unknown as { marginaliaHost: HostInPage }).marginaliaHost.readBackup({ id: backupId });
    return { name: file.name, bytes: [...file.bytes] };
  }, id);
}

describe('browser host backups in OPFS', () => {
  it('writes a backup, lists it, reads it back, keeps it across a reload, and rotates', async () => {
    // openApp watches the context's pages for uncaught errors (tests/setup/e2e.ts); the app
    // itself is not needed, so it opens a page that does not run it, then the harness.
    const app = await openApp(browser, { path: 'no-such-page' });
    const { page } = app;
    try {
      await openHarness(page);
      const zip = [0x50, 0x4b, 0x03, 0x04, 0, 255, 128, 7];
      await expect(writeBackup(page, 'seq-1', zip)).resolves.toMatchObject({ written: true });
      await expect(writeBackup(page, 'seq-1', zip)).resolves.toEqual({ written: false, reason: 'unchanged' });

      // A new page (a new host) finds the backup in OPFS.
      await page.reload();
      await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('ready');
      const [listed] = await listBackups(page);
      expect(listed).toMatchObject({ projectName: 'Interviews', byteSize: zip.length, counts: { codings: 140 }, changeStamp: 'seq-1' });
      const file = await readBackup(page, listed!.id);
      expect(file.bytes).toEqual(zip);
      expect(file.name).toMatch(/^Interviews backup .*\.qdpx$/);

      for (let i = 2; i <= 13; i++) await writeBackup(page, `seq-${i}`, [i]);
      const rotated = await listBackups(page);
      expect(rotated.map((b) => b.changeStamp)).toEqual(Array.from({ length: 10 }, (_, i) => `seq-${13 - i}`));
      // The files of rotated-out backups are gone from OPFS too: index plus ten backups.
      const names = await page.evaluate(async () => {
        const root = await navigator.storage.getDirectory();
        const folder = await root.getDirectoryHandle('marginalia-backups');
        const out: string[] = [];
        for await (const name of (folder as unknown as { keys(): AsyncIterable<string> }).keys()) out.push(name);
        return out;
      });
      expect(names.filter((n) => n.endsWith('.qdpx'))).toHaveLength(10);
      expect(names).toContain('index.json');
    } finally {
      await app.close();
    }
  });
});
