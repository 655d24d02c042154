import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SELECTABLE_ENCODINGS,
  decodeWithEncoding,
  detectEncoding,
  encodingName,
  sniffUtf16WithoutBom,
} from '../../../shared/import/encoding';
import { repairWindows1252 } from '../../../shared/import/windows1252';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, endian === 'le');
    at = 2;
  }
  for (let i = 0; i < s.length; i++, at += 2) view.setUint16(at, s.charCodeAt(i), endian === 'le');
  return out;
}

/** Windows-1252 bytes for text made of Latin-1 letters and the curly quotes/dashes 1252 adds. */
function cp1252(s: string): Uint8Array {
  const extra: Record<string, number> = { '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '€': 0x80 };
  return Uint8Array.from(s, (c) => extra[c] ?? c.charCodeAt(0));
}

// "日本語の文字コード検出テストです。" in Shift_JIS, twice, so the detector has evidence.
const SHIFT_JIS = new Uint8Array([
  0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x82, 0xcc, 0x95, 0xb6, 0x8e, 0x9a, 0x83, 0x52, 0x81, 0x5b, 0x83, 0x68, 0x8c, 0x9f,
  0x8f, 0x6f, 0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x82, 0xc5, 0x82, 0xb7, 0x81, 0x42,
]);

describe('detectEncoding', () => {
  it('trusts a UTF-8 BOM and names it', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]))).toEqual({ label: 'utf-8', name: 'UTF-8 with BOM', confidence: 1, basis: 'bom' });
  });

  it('trusts UTF-16 BOMs in both byte orders', () => {
    expect(detectEncoding(utf16('hello', 'le', true))).toMatchObject({ label: 'utf-16le', basis: 'bom', confidence: 1 });
    expect(detectEncoding(utf16('hello', 'be', true))).toMatchObject({ label: 'utf-16be', basis: 'bom', confidence: 1 });
  });

  it('recognises UTF-16 saved without a BOM from its zero bytes', () => {
    expect(detectEncoding(utf16('Interview transcript, part one', 'le', false))).toMatchObject({ label: 'utf-16le', basis: 'utf-16-pattern' });
    expect(detectEncoding(utf16('Interview transcript, part one', 'be', false))).toMatchObject({ label: 'utf-16be', basis: 'utf-16-pattern' });
    expect(sniffUtf16WithoutBom(utf8('plain ascii text'))).toBeNull();
  });

  it('takes valid UTF-8 as UTF-8, ASCII included', () => {
    expect(detectEncoding(utf8('café “quoted” 日本語 😀'))).toEqual({ label: 'utf-8', name: 'UTF-8', confidence: 1, basis: 'utf-8' });
    expect(detectEncoding(utf8('plain ascii'))).toMatchObject({ label: 'utf-8', basis: 'utf-8' });
  });

  it('guesses Windows-1252 for Western text with curly quotes', () => {
    const bytes = cp1252('The “friendship” framing was everywhere — banners, toasts, the café in the hotel lobby. ‘The test’, they said.');
    expect(detectEncoding(bytes)).toMatchObject({ label: 'windows-1252', name: 'Windows-1252' });
  });

  it('guesses Shift_JIS for Japanese', () => {
    const twice = new Uint8Array([...SHIFT_JIS, 0x0a, ...SHIFT_JIS]);
    const guess = detectEncoding(twice);
    expect(guess).toMatchObject({ label: 'shift_jis', basis: 'detector' });
    expect(guess.confidence).toBeGreaterThan(0);
  });

  it('falls back to Windows-1252 when the detector is unsure', () => {
    const guess = detectEncoding(new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
    expect(guess.label).toBe('windows-1252');
    expect(['fallback', 'detector']).toContain(guess.basis);
  });

  it('always answers with a label the user could also have chosen', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const guess = detectEncoding(bytes);
        expect(SELECTABLE_ENCODINGS.map((e) => e.label)).toContain(guess.label);
        expect(guess.confidence).toBeGreaterThanOrEqual(0);
        expect(guess.confidence).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('decodeWithEncoding', () => {
  it('decodes Windows-1252 curly quotes and accents', () => {
    const result = decodeWithEncoding(cp1252('“café” – ‘x’ €'), 'windows-1252');
    expect(result).toEqual({ ok: true, text: '“café” – ‘x’ €', name: 'Windows-1252', replacedSequences: 0 });
  });

  it('drops a matching BOM and says it was there', () => {
    expect(decodeWithEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'utf-8')).toMatchObject({ ok: true, text: 'A', name: 'UTF-8 with BOM' });
    expect(decodeWithEncoding(utf16('Hi', 'le', true), 'utf-16le')).toMatchObject({ ok: true, text: 'Hi' });
  });

  it('refuses bytes that are not valid UTF-8 when UTF-8 is chosen', () => {
    const result = decodeWithEncoding(cp1252('café'), 'utf-8');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/not valid UTF-8.*Choose the encoding/);
  });

  it.each([
    ['a lone continuation byte', [0x61, 0x80, 0x62]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a truncated sequence at the end', [0x61, 0xe6, 0x97]],
  ])('refuses malformed UTF-8 when UTF-8 is chosen (%s)', (_name, bytes) => {
    expect(decodeWithEncoding(new Uint8Array(bytes), 'utf-8')).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid UTF-8/) });
  });

  it('decodes a legacy multi-byte encoding leniently and counts what it could not read', () => {
    const broken = new Uint8Array([...SHIFT_JIS, 0x82]); // a lead byte with no trail byte
    const result = decodeWithEncoding(broken, 'shift_jis');
    expect(result).toMatchObject({ ok: true, replacedSequences: 1 });
    if (result.ok) expect(result.text.startsWith('日本語の文字コード検出テストです。')).toBe(true);
  });

  it('refuses labels outside the list', () => {
    expect(decodeWithEncoding(utf8('x'), 'x-user-defined')).toMatchObject({ ok: false });
  });

  it('decodes every selectable encoding without throwing', () => {
    for (const { label } of SELECTABLE_ENCODINGS) {
      expect(() => decodeWithEncoding(utf8('hello'), label)).not.toThrow();
      expect(encodingName(label)).not.toBe('');
    }
  });

  it('round-trips any Unicode text through UTF-8 and UTF-16', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const clean = text.replace(/^\uFEFF/, '');
        expect(decodeWithEncoding(utf8(clean), 'utf-8')).toMatchObject({ ok: true, text: clean });
        expect(decodeWithEncoding(utf16(clean, 'be', true), 'utf-16be')).toMatchObject({ ok: true, text: clean });
      }),
    );
  });
});

describe('repairWindows1252', () => {
  it('maps every byte 0x80–0x9F to what Windows-1252 defines, whatever the host decoder did', () => {
    const all = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const result = decodeWithEncoding(all, 'windows-1252');
    expect(result.ok && result.text).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ');
  });

  it('is idempotent, so a correct decoder (Chromium) is left alone', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(repairWindows1252(repairWindows1252(text))).toBe(repairWindows1252(text));
      }),
    );
  });
});
