// Steps on the codebook shared by the end-to-end tests: reading the tree as the user sees it,
// starting a project, and importing a codebook file through the "Import codebook" button.
import type { Page } from 'playwright-core';
import { runCommand } from './commands';

/** The tree as "level:name" lines, in display order. */
export async function treeShape(page: Page): Promise<string[]> {
  return page
    .getByRole('tree', { name: 'Codes' })
    .getByRole('treeitem')
    .evaluateAll((items) => items.map((i) => `${i.getAttribute('aria-level')}:${i.getAttribute('aria-label')}`));
}

/** Opens the import preview for a file; returns the preview dialog. */
export async function openCodebookImport(page: Page, file: { name: string; buffer: Buffer; mimeType?: string }) {
  const chooser = page.waitForEvent('filechooser');
  await runCommand(page, 'Import codebook');
  await (await chooser).setFiles({ mimeType: 'application/octet-stream', ...file });
  const dialog = page.getByRole('dialog', { name: 'Import codebook' });
  await dialog.waitFor();
  return dialog;
}

// Kept here too for the codebook tests' imports; the step itself lives with the other steps.
export { newProject } from './coding';
