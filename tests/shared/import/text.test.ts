import { describe, expect, it } from 'vitest';
import { checkLooksLikeText, parseTextFile } from '../../../shared/import/formats/text';
import { MAX_FILE_BYTES } from '../../../shared/import/limits';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('parseTextFile', () => {
  it('decodes UTF-8, normalises line endings once and keeps Unicode as written', () => {
    const result = parseTextFile(utf8('\uFEFFLine one\r\nLine two 😀\rLine three 日本語\n'));
    expect(result).toMatchObject({ ok: true, text: 'Line one\nLine two 😀\nLine three 日本語\n', encoding: 'UTF-8 with BOM', encodingLabel: 'utf-8' });
  });

  it('keeps Markdown marks as written', () => {
    expect(parseTextFile(utf8('# Title\n\n**bold** and _it_'))).toMatchObject({ ok: true, text: '# Title\n\n**bold** and _it_' });
  });

  it('reports the detected encoding and lets the user override it', () => {
    const bytes = new Uint8Array([0x93, 0x71, 0x94, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x97, 0x20, 0x64, 0x6f, 0x6e, 0x65]);
    const detected = parseTextFile(bytes);
    expect(detected).toMatchObject({ ok: true, text: '“q” café — done', encoding: 'Windows-1252' });
    expect(detected.ok && detected.encodingGuess?.label).toBe('windows-1252');
    const chosen = parseTextFile(bytes, { encoding: 'macintosh' });
    expect(chosen).toMatchObject({ ok: true, encoding: 'Mac OS Roman' });
    expect(chosen.ok && chosen.encodingGuess).toBeUndefined();
    expect(parseTextFile(bytes, { encoding: 'utf-8' })).toMatchObject({ ok: false, reason: expect.stringContaining('not valid UTF-8') });
  });

  it('warns when a legacy encoding could not read some bytes', () => {
    const result = parseTextFile(new Uint8Array([0x93, 0xfa, 0x96, 0x7b, 0x82]), { encoding: 'shift_jis' });
    expect(result).toMatchObject({ ok: true, warnings: [expect.stringContaining('1 character could not be read as Shift_JIS')] });
  });

  it('refuses an empty file, a blank file, a binary and an oversized file with reasons', () => {
    expect(parseTextFile(new Uint8Array())).toEqual({ ok: false, reason: 'This file is empty (0 bytes).' });
    expect(parseTextFile(utf8(' \n\t\r\n'))).toEqual({ ok: false, reason: 'This file holds no text (only spaces or blank lines).' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect(parseTextFile(png)).toEqual({ ok: false, reason: 'This file is not text (it looks like a PNG image).' });
    expect(parseTextFile(new Uint8Array([0x41, 0x00, 0x42, 0x01, 0x02, 0x03, 0x04, 0x05]))).toMatchObject({ ok: false, reason: expect.stringContaining('not text') });
    const big = new Uint8Array(MAX_FILE_BYTES.text + 1).fill(0x61);
    expect(parseTextFile(big)).toMatchObject({ ok: false, reason: expect.stringMatching(/at most 50 MB/) });
  });

  it.each([
    ['only a BOM', [0xef, 0xbb, 0xbf]],
    ['a BOM and blank lines', [0xef, 0xbb, 0xbf, 0x0a, 0x0a]],
  ])('refuses a file with no text (%s)', (_name, bytes) => {
    expect(parseTextFile(new Uint8Array(bytes))).toEqual({ ok: false, reason: 'This file holds no text (only spaces or blank lines).' });
  });

  it('accepts a file of exactly the size limit and refuses one byte more', () => {
    expect(checkLooksLikeText(utf8('abcd'), 'Text', 4)).toBeNull();
    expect(checkLooksLikeText(utf8('abcde'), 'Text', 4)).toMatchObject({ ok: false, reason: expect.stringContaining('at most') });
  });

  it('reads UTF-16 files with and without a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x48, 0, 0x69, 0, 0x0d, 0, 0x0a, 0, 0x3d, 0xd8, 0x00, 0xde]);
    expect(parseTextFile(le)).toMatchObject({ ok: true, text: 'Hi\n😀', encoding: 'UTF-16 LE' });
    const noBom = new Uint8Array(Array.from('Hello there, reader', (c) => [c.charCodeAt(0), 0]).flat());
    expect(parseTextFile(noBom)).toMatchObject({ ok: true, text: 'Hello there, reader', encodingLabel: 'utf-16le' });
  });
});
