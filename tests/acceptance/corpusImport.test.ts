// Acceptance on the real-shaped corpus beside the repository (../shared/corpus, never copied into
// it; skipped when absent): every file imports correctly through the UI in one go (the
// Windows-1252 notes with their curly quotes and accent, the CRLF transcript with its emoji and
// Japanese, the survey as one case per respondent with attributes, the article exactly), and
// the canonical comment thread splits into the article plus one case per commenter, holding
// each of their comments, as suggested before any correction.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot, type OpenApp } from '../e2e/support/browser';
import { newProject, waitForPhrase } from '../e2e/support/coding';
import { sharedDir } from '../setup/machine';
import { describeWithSharedDir } from '../setup/requiredSuites';
import { confirmImport, pickFiles, waitUntilRead } from '../e2e/support/importing';
import { POLL } from '../e2e/support/poll';

const corpus = resolve(sharedDir, 'corpus');
const NOTES = 'field-notes-windows-1252.txt';
const INTERVIEW = 'interview-osaka-supplier-crlf.txt';
const SURVEY = 'survey-open-ended.csv';
const ARTICLE = 'article-with-comments.txt';

// Read off the file: 37 comments under "37 Comments" / "Login to comment", by 27 people.
const COMMENTERS_IN_ORDER = [
  'deanzaZZR', 'Sh1mon M4sada', 'CanuckNikkei', 'dbsaiya', '151E', 'quercetum', 'BigP', 'DeeZee',
  'stormcrow', 'elephant200', 'elephant200', 'OssanAmerica', 'OKuniyoshi', 'Wasabi', 'BB', 'quercetum',
  'Cephus', 'isabelle', 'Wasabi', 'isabelle', 'Tokyo Guy', 'Dango bong', 'Wasabi', 'balancer',
  'nishikat', 'WoodyLee', 'grc', 'Cephus', 'kohakuebisu', 'Fos', 'TokyoLiving', 'Dango bong',
  'deanzaZZR', 'Peter14', 'Peter14', 'Fos', 'kurisupisu',
];

function read(name: string): Buffer {
  return readFileSync(resolve(corpus, name));
}

/** The file's text as the app must hold it: BOM dropped, line endings normalised once. */
function normalised(name: string): string {
  return read(name).toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function sources(page: Page): Locator {
  return page.getByRole('list', { name: 'Sources in this project' });
}

async function openSource(page: Page, name: string): Promise<void> {
  await sources(page).getByRole('button', { name, exact: true }).click();
  await page.waitForFunction((n) => document.querySelector('.document-title')?.textContent === n, name);
}

/** Paragraphs rendered that are not the expected text at their offset (none expected). */
async function renderedMismatches(page: Page, expected: string): Promise<string[]> {
  const paragraphs = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-para-start]')].map((p) => ({ start: Number(p.dataset.paraStart), text: p.textContent ?? '' })),
  );
  if (paragraphs.length === 0) return ['nothing rendered'];
  return paragraphs
    .filter(({ start, text }) => expected.slice(start, start + text.length) !== text || (start + text.length < expected.length && expected[start + text.length] !== '\n'))
    .map(({ start, text }) => `${start}: ${text}`);
}

describeWithSharedDir('importing the shared corpus through the UI', () => {
  let browser: Browser;
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
    page = app.page;
    await newProject(page, 'Corpus import');
    await page.waitForFunction(() => document.querySelector('[role="tree"]') === null);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('imports every file of the corpus at once, each as it should be', async () => {
    const dialog = await pickFiles(
      page,
      [NOTES, INTERVIEW, SURVEY, ARTICLE].map((name) => ({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'text/plain', buffer: read(name) })),
    );
    await waitUntilRead(dialog);
    const row = (name: string) => dialog.getByRole('table', { name: 'Files to import' }).getByRole('row', { name, exact: true });
    for (const name of [NOTES, INTERVIEW, ARTICLE]) await expect(row(name).locator('.file-result').textContent()).resolves.toBe('Ready');
    await expect(row(SURVEY).locator('.file-result').textContent()).resolves.toBe('Survey, 12 rows: ready');

    // The notes: Windows-1252, detected, shown before anything is stored.
    await dialog.getByRole('button', { name: NOTES, exact: true }).click();
    await expect(dialog.getByRole('combobox', { name: 'Encoding' }).inputValue()).resolves.toBe('windows-1252');
    await expect(dialog.getByLabel('Preview').textContent()).resolves.toContain('The “friendship” framing');
    // The survey: the id, the open-ended column and three category attributes are suggested.
    await dialog.getByRole('button', { name: SURVEY, exact: true }).click();
    await expect(dialog.getByRole('combobox', { name: 'Use of respondent_id' }).inputValue()).resolves.toBe('id');
    await expect(dialog.getByRole('combobox', { name: 'Use of q7_alliance_view' }).inputValue()).resolves.toBe('text');
    for (const column of ['age_group', 'region', 'occupation']) {
      await expect(dialog.getByRole('combobox', { name: `Type of ${column}` }).inputValue()).resolves.toBe('category');
    }
    await screenshot(page, 'corpus-import-dialog');
    await confirmImport(dialog);

    // Field notes: curly quotes, dashes and the accented letter, never mojibake.
    await openSource(page, NOTES);
    for (const phrase of ['Field notes — Diet members', 'The “friendship” framing', 'the café in the hotel lobby', '‘the test’', '“We are in trouble too.”']) {
      await waitForPhrase(page, phrase);
    }
    const notes = await page.evaluate(() => [...document.querySelectorAll('[data-para-start]')].map((p) => p.textContent).join('\n'));
    expect(notes).not.toMatch(/[\u0080-\u009f\uFFFD]|â€/);
    await expect(page.locator('.document-meta').textContent()).resolves.toMatch(/Windows-1252$/);

    // The CRLF interview: exactly the file's text with line endings normalised, emoji and Japanese kept.
    await openSource(page, INTERVIEW);
    await waitForPhrase(page, 'That is on hold now. 😔');
    await waitForPhrase(page, 'So... 信頼 — trust — is the problem.');
    await expect.poll(() => renderedMismatches(page, normalised(INTERVIEW)), POLL).toEqual([]);

    // The article: exactly as in the file.
    await openSource(page, ARTICLE);
    await expect.poll(() => renderedMismatches(page, normalised(ARTICLE)), POLL).toEqual([]);

    // The survey: one case per respondent, with its attributes; "don't know" kept.
    const cases = page.getByRole('region', { name: 'Cases' });
    const ids = Array.from({ length: 12 }, (_, i) => `r${String(i + 1).padStart(3, '0')}`);
    await expect
      .poll(() => cases.getByRole('table', { name: 'Cases in this project' }).getByRole('row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label'))), POLL)
      .toEqual(ids);
    await cases.getByRole('row', { name: 'r010' }).getByRole('button', { name: 'r010' }).click();
    await expect.poll(() => cases.getByRole('group', { name: 'Case r010' }).locator('dl').textContent(), POLL).toBe('age_group18-29regionOkinawaoccupationstudent');
    await openSource(page, `${SURVEY} – q7_alliance_view`);
    await waitForPhrase(page, "don't know");
    await waitForPhrase(page, 'Depending on one market — any market — is the real risk.');
    const answers = await page.evaluate(() => [...document.querySelectorAll('[data-para-start]')].map((p) => p.textContent).join('\n'));
    expect(answers).toContain("r006\ndon't know");
    expect(answers).toContain('r005\nJapan should diversify: ASEAN, EU, India.\nDepending on one market — any market — is the real risk.');
  });

  it('splits the canonical comment thread into the article plus one case per commenter, as suggested', async () => {
    await openSource(page, ARTICLE);
    await page.getByRole('region', { name: 'Document' }).getByRole('button', { name: 'Split into cases' }).click();
    const dialog = page.getByRole('dialog', { name: 'Split into cases' });
    await expect(dialog.getByRole('radio', { name: /Comment thread/ }).isChecked()).resolves.toBe(true);
    // No warnings: the page says 37 comments and 37 were found.
    await expect(dialog.getByRole('list', { name: 'Check these' }).count()).resolves.toBe(0);
    const segments = dialog.getByRole('list', { name: 'Segments' }).locator(':scope > li');
    await expect(segments.evaluateAll((items) => items.map((li) => li.getAttribute('aria-label')))).resolves.toEqual(
      COMMENTERS_IN_ORDER.map((name, i) => `Segment ${i + 1}: ${name}`),
    );
    const firstSeen = [...new Set(COMMENTERS_IN_ORDER)];
    expect(firstSeen).toHaveLength(27);
    const suggested = await dialog
      .getByRole('table', { name: 'Cases to create' })
      .getByRole('row')
      .evaluateAll((rows) => rows.slice(1).map((r) => [r.getAttribute('aria-label'), Number(r.lastElementChild?.textContent)]));
    expect(suggested).toEqual([['Article', 1], ...firstSeen.map((name) => [name, COMMENTERS_IN_ORDER.filter((n) => n === name).length])]);
    await expect(dialog.locator('.split-summary').textContent()).resolves.toBe('28 cases, 37 segments');
    await screenshot(page, 'corpus-split-preview');
    await dialog.getByRole('button', { name: 'Create cases' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The cases hold each commenter's comments, in thread order; the article is one case.
    const cases = page.getByRole('region', { name: 'Cases' });
    // The list follows the database (live query): wait for the new cases to arrive.
    const caseNames = () =>
      cases.getByRole('table', { name: 'Cases in this project' }).getByRole('row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));
    await expect.poll(async () => (await caseNames()).slice(12), POLL).toEqual(['Article', ...firstSeen]);
    await cases.getByRole('row', { name: 'Wasabi' }).getByRole('button', { name: 'Wasabi' }).click();
    const wasabi = COMMENTERS_IN_ORDER.flatMap((name, i) => (name === 'Wasabi' ? [`${ARTICLE} #${i + 1}`] : []));
    await expect.poll(() => cases.getByRole('list', { name: 'Segments of Wasabi' }).getByRole('button').allTextContents(), POLL).toEqual(wasabi);
    await cases.getByRole('row', { name: 'Article' }).getByRole('button', { name: 'Article' }).click();
    await expect.poll(() => cases.getByRole('list', { name: 'Segments of Article' }).getByRole('button').allTextContents(), POLL).toEqual([`${ARTICLE} segment`]);
    await cases.getByRole('list', { name: 'Segments of Article' }).getByRole('button').click();
    await waitForPhrase(page, "Just as Japan's top trade negotiator");
    await screenshot(page, 'corpus-cases-after-split');
  });
});
