// Importing files through the UI as a user does: "Import sources", pick the files, check the
// "Import sources" dialog (each file read, a preview), then "Import". Shared by the e2e tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { repoRoot } from './paths';

export interface FileToImport {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A text file of tests/fixtures/sources, ready to import under its own name. */
export function sourceFixture(name: string): FileToImport {
  return { name, mimeType: 'text/plain', buffer: readFileSync(resolve(repoRoot, 'tests/fixtures/sources', name)) };
}

/** Picks files (buffers, or paths on disk) with the "Import sources" button; returns the dialog. */
export async function pickFiles(page: Page, files: FileToImport[] | string[]): Promise<Locator> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'Import sources' }).click();
  await (await chooser).setFiles(files);
  const dialog = page.getByRole('dialog', { name: 'Import sources' });
  await dialog.waitFor();
  return dialog;
}

/** Waits until every file in the open dialog has been read (the Import button is enabled). */
export async function waitUntilRead(dialog: Locator): Promise<void> {
  const button = dialog.getByRole('button', { name: 'Import', exact: true });
  await button.waitFor();
  for (let i = 0; i < 300 && !(await button.isEnabled()); i++) await dialog.page().waitForTimeout(100);
  if (!(await button.isEnabled())) throw new Error(`the import dialog is still not ready: ${await dialog.locator('.import-status').textContent()}`);
}

/** Clicks "Import" and waits for the dialog to close. */
export async function confirmImport(dialog: Locator): Promise<void> {
  await waitUntilRead(dialog);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.waitFor({ state: 'detached', timeout: 30_000 });
}

/** The whole import: pick, wait for every file to be read, Import. */
export async function importFiles(page: Page, files: FileToImport[] | string[]): Promise<void> {
  await confirmImport(await pickFiles(page, files));
}
