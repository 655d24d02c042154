// Decoding an imported file: what is accepted, and the words a user reads when a file is refused.
import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES, decodeTextFile } from '../../../shared/text/decode';
import { normaliseImportedText } from '../../../shared/text/normalise';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeTextFile', () => {
  it('decodes UTF-8 text as written', () => {
    const text = 'Interview 3\n“It’s tiring” 😔 — e\u0301 مرحبا 日本語';
    expect(decodeTextFile(utf8(text))).toEqual({ ok: true, text, encoding: 'UTF-8' });
  });

  it('recognises a UTF-8 BOM and does not put it in the text', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Line one\r\nLine two\r\n')]);
    const result = decodeTextFile(bytes);
    expect(result).toMatchObject({ ok: true, encoding: 'UTF-8 with BOM' });
    if (!result.ok) return;
    expect(result.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(normaliseImportedText(result.text)).toBe('Line one\nLine two\n');
  });

  it('refuses an empty file', () => {
    expect(decodeTextFile(new Uint8Array())).toEqual({ ok: false, reason: 'The file is empty.' });
  });

  it.each([
    ['a Latin-1 byte', [0x63, 0x61, 0x66, 0xe9]],
    ['a lone continuation byte', [0x61, 0x80, 0x62]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a truncated sequence at the end', [0x61, 0xe6, 0x97]],
    ['a UTF-16 file with its BOM', [0xff, 0xfe, 0x61, 0x00]],
  ])('refuses text that is not UTF-8 (%s)', (_name, bytes) => {
    const result = decodeTextFile(new Uint8Array(bytes));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/not valid UTF-8/);
  });

  it('refuses files over the size limit, naming the limit', () => {
    const result = decodeTextFile(new Uint8Array(MAX_SOURCE_BYTES + 1));
    expect(result).toEqual({ ok: false, reason: 'The file is larger than the 50 MB limit.' });
  });

  it('accepts a file of exactly the size limit', () => {
    const bytes = new Uint8Array(MAX_SOURCE_BYTES).fill(0x61);
    const result = decodeTextFile(bytes);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.text.length).toBe(MAX_SOURCE_BYTES);
  });

  it('refuses a binary file that happens to be valid UTF-8 (it holds NUL bytes)', () => {
    const result = decodeTextFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/binary/);
  });

  it('refuses UTF-16 text without a BOM as binary', () => {
    const result = decodeTextFile(new Uint8Array([0x68, 0x00, 0x69, 0x00]));
    expect(result).toEqual({ ok: false, reason: 'The file looks binary, not text.' });
  });

  it.each([
    ['spaces and line breaks', utf8(' \r\n\t \n ')],
    ['only a BOM', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['a BOM and blank lines', new Uint8Array([0xef, 0xbb, 0xbf, 0x0a, 0x0a])],
  ])('refuses a file with no text (%s)', (_name, bytes) => {
    expect(decodeTextFile(bytes)).toEqual({ ok: false, reason: 'The file holds no text.' });
  });
});
