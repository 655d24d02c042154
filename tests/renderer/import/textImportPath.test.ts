// The path a user's text file takes (parse, then store one source per file), carrying over what
// the old `importSources` tests checked: readable files are stored with their text as written
// (only a BOM and CRLF line endings normalised), unreadable ones give a reason and store nothing,
// new sources come after the existing ones, and a failed write leaves no source without its text.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { importDocument } from '../../../renderer/src/db/operations/imports';
import { deleteSource } from '../../../renderer/src/db/operations/sources';
import { parseTextFile } from '../../../shared/import/formats/text';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
let projectId: string;
beforeEach(async () => {
  db = freshDb();
  projectId = (await createProject('Harbour study')).id;
});
afterEach(() => vi.restoreAllMocks());

const utf8 = (text: string) => new TextEncoder().encode(text);
const GOOD_TEXT = 'Interview 1\nIt was tiring 😔 — the café closed. 日本語 مرحبا';

/** What the import dialog does for each picked text file: parse, then store or show the reason. */
async function importTextFile(name: string, bytes: Uint8Array) {
  const parsed = parseTextFile(bytes);
  if (!parsed.ok) return { name, ok: false as const, reason: parsed.reason };
  const sourceId = await importDocument(projectId, { name, text: parsed.text, encoding: parsed.encoding ?? 'UTF-8', byteSize: bytes.byteLength, format: 'text' });
  return { name, ok: true as const, sourceId };
}

describe('importing text files the way the import dialog does', () => {
  it('stores the readable files with their text as written, and gives a reason for each other one', async () => {
    const results = [
      await importTextFile('good.txt', utf8(GOOD_TEXT)),
      await importTextFile('windows.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Line one\r\nLine two\r\n')])),
      await importTextFile('empty.txt', new Uint8Array()),
      await importTextFile('binary.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])),
    ];
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['good.txt', true],
      ['windows.txt', true],
      ['empty.txt', false],
      ['binary.txt', false],
    ]);
    expect(results[2]).toMatchObject({ reason: 'This file is empty (0 bytes).' });
    expect(results[3]).toMatchObject({ reason: expect.stringContaining('not text') });

    const [good, windows] = results as unknown as [{ sourceId: string }, { sourceId: string }];
    expect((await db.sourceTexts.get(good.sourceId))?.text).toBe(GOOD_TEXT);
    expect((await db.sourceTexts.get(windows.sourceId))?.text).toBe('Line one\nLine two\n');
    expect(await db.sources.get(windows.sourceId)).toMatchObject({ encoding: 'UTF-8 with BOM', length: 18, byteSize: 23 });
    expect(await db.sources.count()).toBe(2);
  });

  it('puts a new source after the existing ones, also after one was deleted', async () => {
    const a = await importTextFile('a.txt', utf8('alpha'));
    const b = await importTextFile('b.txt', utf8('beta'));
    await deleteSource((a as { sourceId: string }).sourceId);
    const c = await importTextFile('c.txt', utf8('gamma'));
    const orderOf = async (r: { sourceId?: string }) => (await db.sources.get(r.sourceId!))!.order;
    expect(await orderOf(c)).toBeGreaterThan(await orderOf(b));
  });

  it('leaves no source without its text when storing the text fails', async () => {
    vi.spyOn(db.sourceTexts, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(importTextFile('a.txt', utf8('alpha'))).rejects.toThrow('disk full');
    expect(await db.sources.count()).toBe(0);
    expect(await db.sourceTexts.count()).toBe(0);
  });
});
