import { describe, expect, it } from 'vitest';
import { IMPORTABLE_EXTENSIONS, detectFormat, extensionOf } from '../../../shared/import/detectFormat';
import { MAX_ANY_FILE_BYTES, MAX_FILE_BYTES, formatBytes } from '../../../shared/import/limits';
import { looksBinary, sniffBinaryKind } from '../../../shared/import/magic';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);
const OLE2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const text = (s: string) => new TextEncoder().encode(s);

describe('detectFormat', () => {
  it('reads the format from the extension, case-insensitively', () => {
    expect(detectFormat({ name: 'Notes.TXT', byteSize: 5, head: text('hello') })).toEqual({ ok: true, format: 'text', maxBytes: MAX_FILE_BYTES.text });
    expect(detectFormat({ name: 'a.md', byteSize: 1 })).toMatchObject({ ok: true, format: 'text' });
    expect(detectFormat({ name: 'page.htm', byteSize: 1 })).toMatchObject({ ok: true, format: 'html' });
    expect(detectFormat({ name: 'survey.tsv', byteSize: 1 })).toMatchObject({ ok: true, format: 'csv' });
    expect(detectFormat({ name: 'x.docx', byteSize: 8, head: ZIP })).toMatchObject({ ok: true, format: 'docx' });
    expect(detectFormat({ name: 'x.pdf', byteSize: 8, head: text('%PDF-1.7\n') })).toMatchObject({ ok: true, format: 'pdf' });
    expect(detectFormat({ name: 'x.rtf', byteSize: 8, head: text('{\\rtf1 hi}') })).toMatchObject({ ok: true, format: 'rtf' });
  });

  it('refuses a zero-byte file by name', () => {
    expect(detectFormat({ name: 'empty.txt', byteSize: 0, head: new Uint8Array() })).toEqual({ ok: false, reason: 'This file is empty (0 bytes).' });
  });

  it('refuses a 2 GB file from its size alone, before any byte is read', () => {
    const result = detectFormat({ name: 'huge.pdf', byteSize: 2 * 1024 ** 3 });
    expect(result).toEqual({ ok: false, reason: 'This file is 2 GB; a PDF can be at most 100 MB.' });
    expect(detectFormat({ name: 'huge.txt', byteSize: MAX_FILE_BYTES.text + 1 })).toMatchObject({ ok: false });
    expect(detectFormat({ name: 'limit.txt', byteSize: MAX_FILE_BYTES.text })).toMatchObject({ ok: true });
  });

  it('names a renamed binary: a PNG saved as .txt is not text', () => {
    expect(detectFormat({ name: 'photo.txt', byteSize: PNG.length, head: PNG })).toEqual({
      ok: false,
      reason: 'This file is not text (it looks like a PNG image).',
    });
    expect(detectFormat({ name: 'data.csv', byteSize: ZIP.length, head: ZIP })).toMatchObject({ ok: false, reason: expect.stringContaining('zip archive') });
  });

  it('refuses a document whose bytes are of another kind', () => {
    expect(detectFormat({ name: 'fake.docx', byteSize: 10, head: text('just some text') })).toMatchObject({ ok: false, reason: expect.stringContaining('not a .docx document') });
    expect(detectFormat({ name: 'fake.pdf', byteSize: PNG.length, head: PNG })).toMatchObject({ ok: false, reason: expect.stringContaining('not a PDF (it looks like a PNG image)') });
    expect(detectFormat({ name: 'fake.rtf', byteSize: 4, head: text('text') })).toMatchObject({ ok: false, reason: expect.stringContaining('not an RTF') });
  });

  it('lets an OLE2 .docx through to the parser, which explains encryption or .doc', () => {
    expect(detectFormat({ name: 'locked.docx', byteSize: OLE2.length, head: OLE2 })).toMatchObject({ ok: true, format: 'docx' });
  });

  it('refuses unknown and missing extensions and lists what it takes', () => {
    const result = detectFormat({ name: 'slides.pptx', byteSize: 10 });
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/^\.pptx files cannot be imported\. Marginalia imports \.txt/) });
    expect(detectFormat({ name: 'README', byteSize: 10 })).toMatchObject({ ok: false, reason: expect.stringContaining('without an extension') });
  });

  it('accepts UTF-16 text although it is full of zero bytes', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x68, 0, 0x69, 0]);
    expect(detectFormat({ name: 'u.txt', byteSize: 6, head: utf16 })).toMatchObject({ ok: true });
    expect(detectFormat({ name: 'bin.txt', byteSize: 6, head: new Uint8Array([1, 2, 0, 3, 4, 5]) })).toMatchObject({ ok: false, reason: expect.stringContaining('binary data') });
  });

  it('offers the extensions and states limits the UI can show', () => {
    expect(IMPORTABLE_EXTENSIONS).toEqual(expect.arrayContaining(['txt', 'md', 'docx', 'odt', 'rtf', 'html', 'htm', 'pdf', 'csv', 'xlsx']));
    expect(formatBytes(MAX_FILE_BYTES.docx)).toBe('50 MB');
    expect(formatBytes(MAX_ANY_FILE_BYTES)).toBe('100 MB');
    expect(formatBytes(512 * 1024)).toBe('512 KB');
    expect(extensionOf('.hidden')).toBe('');
    expect(extensionOf('a.tar.GZ')).toBe('gz');
  });
});

describe('sniffBinaryKind', () => {
  it.each([
    [[0xff, 0xd8, 0xff, 0xe0], 'jpeg'],
    [Array.from('GIF89a', (c) => c.charCodeAt(0)), 'gif'],
    [[0x1f, 0x8b, 8, 0], 'gzip'],
    [[0x7f, 0x45, 0x4c, 0x46], 'elf'],
    [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], 'pdf'],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'ole2'],
  ])('recognises %j as %s', (bytes, kind) => {
    expect(sniffBinaryKind(new Uint8Array(bytes))).toBe(kind);
  });

  it('does not take words that start like a signature for binaries', () => {
    expect(sniffBinaryKind(text('MZ Wallace bags, interview 3'))).toBeNull();
    expect(sniffBinaryKind(text('BMW workers said'))).toBeNull();
    expect(looksBinary(text('Plain\ttext\r\nwith lines'))).toBe(false);
  });
});
