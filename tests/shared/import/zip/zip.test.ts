import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { readZipDirectory, type ZipEntry } from '../../../../shared/import/zip/directory';
import { checkZipLimits, ZIP_BOMB_REASON } from '../../../../shared/import/zip/guard';
import { extractEntry } from '../../../../shared/import/zip/extract';
import { openZipPackage } from '../../../../shared/import/zip/package';
import { ZIP_LIMITS } from '../../../../shared/import/limits';
import { lieAboutSize } from '../builders';

const enc = (s: string) => new TextEncoder().encode(s);

function entry(overrides: Partial<ZipEntry>): ZipEntry {
  return { name: 'a.xml', method: 8, encrypted: false, crc32: 0, compressedSize: 100, uncompressedSize: 500, localHeaderOffset: 0, ...overrides };
}

describe('readZipDirectory', () => {
  it('lists names, methods and declared sizes without inflating', () => {
    const zip = zipSync({ 'a.txt': [enc('hello hello hello'), { level: 9 }], 'dir/b.bin': [new Uint8Array(10), { level: 0 }] });
    const result = readZipDirectory(zip);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ['a.txt', 8, 17],
      ['dir/b.bin', 0, 10],
    ]);
  });

  it('refuses bytes that are not a zip, or a truncated one', () => {
    expect(readZipDirectory(enc('not a zip at all, just some words here'))).toMatchObject({ ok: false });
    const zip = zipSync({ 'a.txt': enc('hello') });
    expect(readZipDirectory(zip.subarray(0, zip.length - 10))).toMatchObject({ ok: false });
  });
});

describe('checkZipLimits', () => {
  it('accepts ordinary documents', () => {
    expect(checkZipLimits([entry({}), entry({ name: 'b.png', method: 0, compressedSize: 2_000_000, uncompressedSize: 2_000_000 })])).toBeNull();
  });

  it('refuses an entry that expands more than 100 times beyond 1 MB', () => {
    expect(checkZipLimits([entry({ compressedSize: 20_000, uncompressedSize: 20_000_000 })])).toBe(ZIP_BOMB_REASON);
    // Small entries may compress well: a blank 100 KB part is no threat.
    expect(checkZipLimits([entry({ compressedSize: 100, uncompressedSize: 900_000 })])).toBeNull();
  });

  it('refuses a total uncompressed size over the limit, even at harmless ratios', () => {
    const parts = Array.from({ length: 30 }, (_, i) => entry({ name: `p${i}`, compressedSize: 5_000_000, uncompressedSize: 10_000_000 }));
    expect(checkZipLimits(parts)).toBe(ZIP_BOMB_REASON);
  });

  it('refuses too many entries and encrypted entries', () => {
    const many = Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => entry({ name: `e${i}`, uncompressedSize: 1, compressedSize: 1 }));
    expect(checkZipLimits(many)).toMatch(/holds 10,001 files/);
    expect(checkZipLimits([entry({ encrypted: true })])).toMatch(/password-protected/);
  });
});

describe('extractEntry', () => {
  it('inflates an entry to exactly its declared size', () => {
    const zip = zipSync({ 'a.txt': enc('the quick brown fox '.repeat(50)) });
    const dir = readZipDirectory(zip);
    if (!dir.ok) throw new Error(dir.reason);
    const out = extractEntry(zip, dir.entries[0]!);
    expect(out.ok && new TextDecoder().decode(out.data)).toBe('the quick brown fox '.repeat(50));
  });

  it('stops as soon as an entry inflates past what its directory declared (a lying zip bomb)', () => {
    const bomb = zipSync({ 'word/document.xml': [new Uint8Array(5_000_000), { level: 9 }] });
    const liar = lieAboutSize(bomb, 'word/document.xml', 1000);
    const dir = readZipDirectory(liar);
    if (!dir.ok) throw new Error(dir.reason);
    // The lie passes the directory check…
    expect(checkZipLimits(dir.entries)).toBeNull();
    // …but not the inflation.
    expect(extractEntry(liar, dir.entries[0]!)).toEqual({ ok: false, reason: ZIP_BOMB_REASON });
  });

  it('reports a damaged deflate stream', () => {
    const zip = zipSync({ 'a.txt': [enc('some text that compresses, some text that compresses'), { level: 9 }] });
    const dir = readZipDirectory(zip);
    if (!dir.ok) throw new Error(dir.reason);
    const damaged = zip.slice();
    const dataStart = 30 + 'a.txt'.length;
    for (let i = dataStart; i < dataStart + 8; i++) damaged[i] = 0xff;
    expect(extractEntry(damaged, dir.entries[0]!)).toMatchObject({ ok: false, reason: expect.stringContaining('damaged') });
  });
});

describe('openZipPackage', () => {
  it('reads parts as text and says which part is missing', () => {
    const opened = openZipPackage(zipSync({ 'content.xml': enc('<x>é</x>') }));
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.zip.readText('content.xml')).toEqual({ ok: true, text: '<x>é</x>' });
    expect(opened.zip.has('styles.xml')).toBe(false);
    expect(opened.zip.read('styles.xml')).toMatchObject({ ok: false });
  });
});
