// Undo and redo in real Chromium: Ctrl+Z / Ctrl+Shift+Z on a coding; deleting a code with its
// codings and getting them back after a reload; undoing a merge; a split into cases undone
// after the coding made since; the history surviving a reload; a page killed in the middle of a
// large step leaving the project as it was before or after, never between; and deleting a
// project leaving no row of it in any table.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot, type OpenApp } from './support/browser';
import { runCommand } from './support/commands';
import { newProject, paintedRanges, selectPhrase, waitForPhrase } from './support/coding';
import { importFiles, pickFiles, waitUntilRead } from './support/importing';
import { repoRoot } from './support/paths';

const fixtures = resolve(repoRoot, 'tests/fixtures/import');
const INTERVIEW = 'ferry-interview.md';
const TEXT = 'Q: How was the night crossing?\nA: Tiring, and the pay was late again. The union helped a little.\nQ: And the library?\nA: Quiet, a good place to read.\n';

const POLL = { timeout: 10_000 };

function tree(page: Page) {
  return page.getByRole('tree', { name: 'Codes' });
}

function item(page: Page, name: string) {
  return tree(page).getByRole('treeitem', { name, exact: true });
}

async function painted(page: Page): Promise<number> {
  return Object.values(await paintedRanges(page)).reduce((a, b) => a + b, 0);
}

/** Codes the phrase with a code by name (created when new), as the code picker does. */
async function code(page: Page, phrase: string, name: string): Promise<void> {
  await selectPhrase(page, phrase);
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await item(page, name).waitFor();
}

/** Leaves every text field, so Ctrl+Z means "undo the last step", not the field's text undo. */
async function blur(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function openSource(page: Page, name: string): Promise<void> {
  await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name, exact: true }).click();
}

async function undoTitle(page: Page): Promise<string | null> {
  // Named by its visible text ("Undo", or "Undo: …" with the step); the title says more.
  return page.getByRole('banner').getByRole('button', { name: /^Undo(: .*)?$/ }).getAttribute('title');
}

describe('undo and redo', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
    page = app.page;
    await tree(page).waitFor();
    await newProject(page, 'Undo study');
    await importFiles(page, [
      { name: 'crossing.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) },
      { name: INTERVIEW, mimeType: 'text/markdown', buffer: readFileSync(resolve(fixtures, INTERVIEW)) },
    ]);
    await openSource(page, 'crossing.txt');
    await waitForPhrase(page, 'the pay was late');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('codes, undoes with Ctrl+Z and redoes with Ctrl+Shift+Z, naming the step', async () => {
    await code(page, 'the pay was late', 'Pay');
    await expect.poll(() => painted(page), POLL).toBe(1);
    await expect.poll(() => undoTitle(page), POLL).toBe('Undo: apply Pay to 1 passage');
    await screenshot(page, 'undo-named-in-top-bar');
    await blur(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => painted(page), POLL).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => painted(page), POLL).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => painted(page), POLL).toBe(0);
    await page.keyboard.press('Control+y');
    await expect.poll(() => painted(page), POLL).toBe(1);
  });

  it('leaves Ctrl+Z to a text field that has focus', async () => {
    await page.getByRole('button', { name: 'New code', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Draft');
    await dialog.getByLabel('Name').press('Control+z');
    await page.keyboard.press('Escape');
    await expect.poll(() => painted(page), POLL).toBe(1);
  });

  it('deletes a code with its codings, undoes, reloads, and the code and its codings are back', async () => {
    await code(page, 'The union helped', 'Union');
    await code(page, 'a good place to read', 'Union');
    await expect.poll(() => painted(page), POLL).toBe(3);
    await item(page, 'Union').click();
    await page.getByRole('button', { name: 'Delete code', exact: true }).click();
    await page.getByRole('dialog', { name: 'Delete code' }).getByRole('button', { name: 'Delete code' }).click();
    await expect.poll(() => item(page, 'Union').count(), POLL).toBe(0);
    await expect.poll(() => painted(page), POLL).toBe(1);
    // The notice offers the undo too.
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await item(page, 'Union').waitFor();
    await expect.poll(() => painted(page), POLL).toBe(3);
    await page.reload();
    await item(page, 'Union').waitFor();
    await openSource(page, 'crossing.txt');
    await expect.poll(() => painted(page), POLL).toBe(3);
    await expect.poll(() => item(page, 'Union').locator('.code-count').getAttribute('data-count'), POLL).toBe('2');
  });

  it('merges two codes and undo restores both', async () => {
    await item(page, 'Union').click();
    await page.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge codes' });
    await dialog.getByLabel('Merge into').selectOption({ label: 'Pay' });
    await dialog.getByRole('button', { name: 'Merge codes' }).click();
    await expect.poll(() => item(page, 'Union').count(), POLL).toBe(0);
    await expect.poll(() => undoTitle(page), POLL).toBe('Undo: merge Union into Pay');
    await blur(page);
    await page.keyboard.press('Control+z');
    await item(page, 'Union').waitFor();
    await expect.poll(() => item(page, 'Union').locator('.code-count').getAttribute('data-count'), POLL).toBe('2');
    await expect.poll(() => item(page, 'Pay').locator('.code-count').getAttribute('data-count'), POLL).toBe('1');
  });

  it('after a reload, Ctrl+Z still undoes the last step and Ctrl+Shift+Z redoes it', async () => {
    await code(page, 'Quiet', 'Calm');
    // The step is stored once the top bar names it; reload only then.
    await expect.poll(() => undoTitle(page), POLL).toBe('Undo: apply Calm to 1 passage');
    await page.reload();
    await openSource(page, 'crossing.txt');
    await item(page, 'Calm').waitFor();
    await expect.poll(() => painted(page), POLL).toBe(4);
    await expect.poll(() => undoTitle(page), POLL).toBe('Undo: apply Calm to 1 passage');
    await blur(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => painted(page), POLL).toBe(3);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => painted(page), POLL).toBe(4);
  });

  it('splits into cases, codes a segment, undoes the coding, then undoes the split', async () => {
    await openSource(page, INTERVIEW);
    await page.getByRole('region', { name: 'Document' }).getByRole('button', { name: 'Split into cases' }).click();
    const dialog = page.getByRole('dialog', { name: 'Split into cases' });
    await dialog.getByRole('button', { name: 'Create cases' }).click();
    await dialog.waitFor({ state: 'detached' });
    const casesTable = page.getByRole('region', { name: 'Cases' }).getByRole('table', { name: 'Cases in this project' });
    await expect.poll(() => casesTable.getByRole('row').count(), POLL).toBe(2);
    await code(page, 'Two of us moved to the day shift', 'Shifts');
    await expect.poll(() => painted(page), POLL).toBe(1);
    await blur(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => painted(page), POLL).toBe(0);
    await expect.poll(() => casesTable.getByRole('row').count(), POLL).toBe(2);
    // Typing a new name in the picker made the code first: that is a step of its own.
    await expect.poll(() => undoTitle(page), POLL).toBe('Undo: create code Shifts');
    await page.keyboard.press('Control+z');
    await expect.poll(() => item(page, 'Shifts').count(), POLL).toBe(0);
    await expect.poll(() => undoTitle(page), POLL).toBe(`Undo: split ${INTERVIEW} into 2 cases`);
    await page.keyboard.press('Control+z');
    await expect.poll(() => casesTable.count(), POLL).toBe(0);
    // Only the split went: the codes from before it are still there.
    await item(page, 'Calm').waitFor();
  });
});

/** Every row of every table of the app's database whose JSON mentions the text. */
async function rowsMentioning(page: Page, text: string): Promise<string[]> {
  return page.evaluate(async (needle) => {
    const db = await new Promise<IDBDatabase>((resolveDb, reject) => {
      const request = indexedDB.open('marginalia');
      request.onsuccess = () => resolveDb(request.result);
      request.onerror = () => reject(request.error);
    });
    const found: string[] = [];
    for (const name of [...db.objectStoreNames]) {
      const rows = await new Promise<unknown[]>((resolveRows, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolveRows(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const row of rows) {
        // Typed arrays and the like stringify without ids; ids live in strings.
        if (JSON.stringify(row).includes(needle)) found.push(name);
      }
    }
    db.close();
    return found;
  }, text);
}

describe('faults and privacy', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('shows the project as it was before or after a large step the page was killed in, never between', async () => {
    app = await openApp(browser);
    page = app.page;
    await tree(page).waitFor();
    await newProject(page, 'Killed');
    // A large step: a survey of 5,000 respondents is one commit (cases, values, sources, links).
    const lines = ['respondent_id,region,q1_open_answer'];
    for (let i = 1; i <= 5000; i++) lines.push(`r${i},${['North', 'South'][i % 2]},The ferry matters to respondent ${i}.`);
    const dialog = await pickFiles(page, [{ name: 'big-survey.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) }]);
    await waitUntilRead(dialog);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    // Killed while the step is being written (or just before or after: all three must hold).
    await page.close({ runBeforeUnload: false });
    page = await app.context.newPage();
    await page.goto(new URL('', inject('baseUrl')).href);
    await page.getByRole('combobox', { name: 'Project' }).waitFor();
    const stored = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const r = indexedDB.open('marginalia');
        r.onsuccess = () => ok(r.result);
      });
      const all = (name: string) =>
        new Promise<Array<{ projectId: string; name?: string }>>((ok) => {
          const r = db.transaction(name).objectStore(name).getAll();
          r.onsuccess = () => ok(r.result as Array<{ projectId: string; name?: string }>);
        });
      const project = (await all('projects')).find((p) => p.name === 'Killed') as unknown as { id: string };
      const of = async (name: string) => (await all(name)).filter((r) => r.projectId === project.id).length;
      const out = {
        cases: await of('cases'),
        sources: await of('sources'),
        texts: await of('sourceTexts'),
        attributes: await of('attributeDefinitions'),
        links: await of('caseLinkBlocks'),
        steps: await of('history'),
      };
      db.close();
      return out;
    });
    if (stored.cases === 0) {
      expect(stored).toEqual({ cases: 0, sources: 0, texts: 0, attributes: 0, links: 0, steps: 0 });
    } else {
      // All of it, and its one history step.
      expect(stored).toMatchObject({ cases: 5000, steps: 1 });
      expect(stored.sources).toBeGreaterThan(0);
      expect(stored.texts).toBe(stored.sources);
      expect(stored.links).toBe(stored.sources);
    }
  });

  it('deleting a project through the UI (Cancel first, then confirm) leaves no row of it in any table', async () => {
    await page.getByRole('combobox', { name: 'Project' }).selectOption({ label: 'Killed' });
    await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'Import sources' }).waitFor();
    const projectId = await page.getByRole('combobox', { name: 'Project' }).inputValue();
    await importFiles(page, [{ name: 'crossing.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) }]);
    await openSource(page, 'crossing.txt');
    await code(page, 'the pay was late', 'Pay');
    await expect.poll(async () => (await rowsMentioning(page, projectId)).length, POLL).toBeGreaterThan(3);
    await runCommand(page, 'Delete project');
    await page.getByRole('dialog', { name: 'Delete project' }).getByRole('button', { name: 'Cancel' }).click();
    expect(await rowsMentioning(page, projectId)).toContain('projects');
    await runCommand(page, 'Delete project');
    await page.getByRole('dialog', { name: 'Delete project' }).getByRole('button', { name: 'Delete project' }).click();
    await expect.poll(() => rowsMentioning(page, projectId), POLL).toEqual([]);
  });
});

