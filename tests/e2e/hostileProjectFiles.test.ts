// Hostile project files through "Open project" in real Chromium (the browser build's file input):
// every hostile file of issue 10 either is refused with a clear message and creates no project,
// or opens as ONE new project with the repair listed in the "Project opened" report. Never a
// half-opened project, never a page error. The files are built here (fflate), a few KB each.
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForSuite, screenshot } from './support/browser';
import { runCommand } from './support/commands';
import { qdpxBomb } from '../shared/import/hostileBuilders';
import { CHILD, CODE, foreignProject } from '../shared/refi/foreignProject';

function projectNames(page: Page): Promise<string[]> {
  return page.getByRole('combobox', { name: 'Project' }).locator('option').allTextContents();
}

async function openProjectFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await runCommand(page, 'Open project');
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
}

/** Latin-1 bytes of a text (each character below U+0100 as one byte). */
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

const REFUSED: Array<[string, Uint8Array, RegExp]> = [
  ['a DOCTYPE (billion laughs)', foreignProject({ edit: (qde) => qde.replace('?>', '?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>') }), /DOCTYPE/],
  ['a DOCTYPE naming an external file', foreignProject({ edit: (qde) => qde.replace('?>', '?><!DOCTYPE p SYSTEM "file:///etc/passwd">') }), /DOCTYPE/],
  // project.qde inflates to 4 MB of spaces from a few KB: past the ratio a real file has.
  ['a zip bomb in project.qde', qdpxBomb(4 * 1024 * 1024), /zip bomb/],
  ['a zip bomb that declares 3 GB', qdpxBomb(1024 * 1024, 3 * 1024 * 1024 * 1024), /larger than|zip bomb/],
  ['bytes that are no zip at all', strToU8('PK\u0003\u0004 not really a zip'), /not a readable \.qdpx project/],
  ['a zip with no project file', zipSync({ '../project.qde': strToU8('<Project/>'), 'notes.txt': strToU8('x') }), /no REFI-QDA project file/],
];

const REPAIRED: Array<[string, Uint8Array, RegExp[]]> = [
  ['an entry climbing out with ../', foreignProject({ entries: { '../../escape.txt': strToU8('x'), 'sources/../../../etc/cron.d/evil': strToU8('x') } }), [/“\.\.\/\.\.\/escape\.txt” has an unsafe name/]],
  ['an absolute entry name', foreignProject({ entries: { '/etc/absolute.txt': strToU8('x'), 'C:/Windows/evil.dll': strToU8('x') } }), [/“\/etc\/absolute\.txt” has an unsafe name/, /“C:\/Windows\/evil\.dll” has an unsafe name/]],
  [
    'a symbolic link entry',
    foreignProject({ entries: { 'sources/link.txt': [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] } as Parameters<typeof zipSync>[0] }),
    [/“sources\/link\.txt” is a symbolic link; it was ignored/],
  ],
  ['a zip bomb in a source text', foreignProject({ sourceBytes: new Uint8Array(20 * 1024 * 1024) }), [/Source “Interview” could not be read: .*zip bomb/]],
  [
    'references to a missing source file and a missing code',
    foreignProject({
      edit: (qde) =>
        qde
          .replace(`targetGUID="${CHILD}"`, 'targetGUID="deadbeef-0000-4000-8000-000000000000"')
          .replace('</Sources>', '<TextSource guid="77777777-0000-4000-8000-000000000001" name="Gone" plainTextPath="internal://77777777-0000-4000-8000-000000000001.txt"/></Sources>'),
    }),
    [/Source “Gone” could not be read: the archive has no file/, /refers to a code the file does not define/],
  ],
  ['offsets past the end of the text', foreignProject({ edit: (qde) => qde.replace(/endPosition="\d+"/, 'endPosition="5000"') }), [/ends at 5000, past the end of its text/]],
  [
    'duplicate GUIDs',
    foreignProject({ edit: (qde) => qde.replace(`guid="${CHILD}"`, `guid="${CODE}"`) }),
    [/The GUID .* is used by more than one code; the later one was given a new GUID/],
  ],
  ['a source text in a legacy encoding', foreignProject({ sourceBytes: latin1('Caf\u00e9 au lait, na\u00efve r\u00e9sum\u00e9 \u00a3 5 \u00bd price\nsecond line') }), [/is not UTF-8 as the standard requires; it was read as Windows-1252/]],
];

describe('hostile project files through "Open project"', () => {
  const suite = appForSuite();
  let page: Page;

  beforeAll(async () => {
    page = suite.page;
    await page.getByRole('tree', { name: 'Codes' }).waitFor();
  });

  it.each(REFUSED)('refuses %s with a clear message and creates no project', async (_what, bytes, message) => {
    const before = await projectNames(page);
    await openProjectFile(page, 'hostile.qdpx', bytes);
    const refusal = page.getByRole('dialog', { name: 'The project could not be opened' });
    await refusal.waitFor({ timeout: 30_000 });
    await expect(refusal.getByRole('alert').textContent()).resolves.toMatch(message);
    await expect(refusal.textContent()).resolves.toContain('No project was created');
    if (_what.startsWith('a zip bomb in')) await screenshot(page, 'open-project-zip-bomb');
    await refusal.getByRole('button', { name: 'Close' }).click();
    expect(await projectNames(page)).toEqual(before);
    expect(suite.app.pageErrors).toEqual([]);
  });

  it.each(REPAIRED)('opens a file with %s as one new project and lists the repair', async (what, bytes, lines) => {
    const before = await projectNames(page);
    await openProjectFile(page, 'Variant.qdpx', bytes);
    const report = page.getByRole('dialog', { name: 'Project opened' });
    await report.waitFor({ timeout: 30_000 });
    const listed = (await report.getByRole('list', { name: 'Not read or repaired' }).textContent()) ?? '';
    for (const line of lines) expect(listed).toMatch(line);
    if (what === 'duplicate GUIDs') await screenshot(page, 'open-project-repaired');
    await report.getByRole('button', { name: 'Close' }).click();
    // Exactly one project more, and it is the one now open: nothing half-stored beside it.
    await expect.poll(() => projectNames(page), { timeout: 10_000 }).toHaveLength(before.length + 1);
    const added = (await projectNames(page)).filter((n) => !before.includes(n));
    expect(added).toHaveLength(1);
    await expect(page.getByRole('combobox', { name: 'Project' }).locator('option:checked').textContent()).resolves.toBe(added[0]);
    expect(suite.app.pageErrors).toEqual([]);
  });
});
