// Normalisation on import fixes the text every offset refers to: only the BOM and line endings
// may change, never the characters a researcher quotes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseImportedText } from '../../../shared/text/normalise';

describe('normaliseImportedText', () => {
  it('drops a leading BOM', () => {
    expect(normaliseImportedText('\uFEFFInterview 1')).toBe('Interview 1');
  });

  it('keeps a BOM character that is not at the start (it is part of the text)', () => {
    expect(normaliseImportedText('a\uFEFFb')).toBe('a\uFEFFb');
  });

  it('turns Windows and old Mac line endings into LF', () => {
    expect(normaliseImportedText('one\r\ntwo\rthree\nfour\r\n')).toBe('one\ntwo\nthree\nfour\n');
    expect(normaliseImportedText('\uFEFFa\r\n\r\nb')).toBe('a\n\nb');
    expect(normaliseImportedText('a\r\r\nb')).toBe('a\n\nb');
  });

  it('leaves Unicode as written: no NFC, no change to emoji, RTL or Japanese', () => {
    const text = 'cafe\u0301 caf\u00e9 😔 👩‍👩‍👧 مرحبا שלום 日本語';
    expect(normaliseImportedText(text)).toBe(text);
  });

  it('leaves no CR behind, changes nothing else, and is idempotent', () => {
    const text = fc
      .array(fc.oneof(fc.constantFrom('\r\n', '\r', '\n', '\uFEFF', 'e\u0301', '😔'), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 20 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (raw) => {
        const once = normaliseImportedText(raw);
        expect(once).not.toContain('\r');
        expect(normaliseImportedText(once)).toBe(once.charCodeAt(0) === 0xfeff ? once.slice(1) : once);
        // Removing every line ending on both sides leaves the same characters.
        const withoutBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
        expect(once.split('\n').join('')).toBe(withoutBom.replace(/[\r\n]/g, ''));
        // One line break in, one line break out.
        expect(once.split('\n').length).toBe(withoutBom.split(/\r\n|\r|\n/).length);
      }),
    );
  });
});
