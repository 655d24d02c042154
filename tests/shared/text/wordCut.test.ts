// Titles and previews cut at a word, never mid-word or inside an emoji; previews count an emoji as
// one character.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutAtWord } from '../../../shared/text/wordCut';
import { textPreview } from '../../../shared/text/textPreview';
import { memoTitle } from '../../../shared/memos/memoTargets';
import { memoPreview } from '../../../shared/memos/memoPreview';

describe('cutAtWord', () => {
  it('leaves a short text alone', () => {
    expect(cutAtWord('A short title', 80)).toEqual({ head: 'A short title', rest: '', cut: false });
  });

  it('cuts at the last space that fits, with an ellipsis, and the rest starts at the next word', () => {
    const cut = cutAtWord('Tariffs as a vehicle for alliance criticism.', 30);
    expect(cut.head).toBe('Tariffs as a vehicle for…');
    expect(cut.rest).toBe('alliance criticism.');
  });

  it('never splits an emoji inside one long word', () => {
    const cut = cutAtWord(`${'a'.repeat(8)}🙁${'b'.repeat(20)}`, 10);
    expect(cut.head).toBe(`${'a'.repeat(8)}…`);
    expect(cut.rest.startsWith('🙁')).toBe(true);
  });

  it('keeps a short first word rather than cut the long one after it (a counterexample CI found)', () => {
    expect(cutAtWord('aà àààaaààaaààa à', 15)).toEqual({ head: 'aà…', rest: 'àààaaààaaààa à', cut: true });
  });

  it('keeps every word whole and loses nothing (property)', () => {
    // Words of at most 12 letters and a limit of at least 15: the first word always fits.
    const word = fc.stringMatching(/^[a-zà-ÿ]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.integer({ min: 15, max: 120 }), (words, max) => {
        const text = words.join(' ');
        const { head, rest, cut } = cutAtWord(text, max);
        expect(head.length).toBeLessThanOrEqual(max);
        if (!cut) {
          expect(head).toBe(text);
          return;
        }
        expect(head.endsWith('…')).toBe(true);
        const shown = head.slice(0, -1).split(' ');
        expect(shown).toEqual(words.slice(0, shown.length));
        expect(rest).toBe(words.slice(shown.length).join(' '));
      }),
    );
  });
});

describe('memo list titles and previews', () => {
  const body =
    'We should read the tariff debate less as trade policy than as a vehicle for alliance criticism. Several commenters say so outright.';

  it('cuts a derived title at a word, and the preview starts at the next word', () => {
    const title = memoTitle({ title: '', body });
    expect(title.endsWith('vehicle for…')).toBe(true);
    expect(memoPreview({ title: '', body }).startsWith('alliance criticism.')).toBe(true);
  });

  it('shows the whole text as preview under an explicit title', () => {
    expect(memoPreview({ title: 'Tariffs', body: 'Short body.' })).toBe('Short body.');
  });
});

describe('textPreview', () => {
  it('counts an emoji as one character', () => {
    expect(textPreview('Hi 🙁', 100)).toEqual({ shown: 'Hi 🙁', total: 4, more: 0 });
  });

  it('shows whole emoji only, and counts what is left in characters', () => {
    const text = '🙂🙂🙂 and more';
    const preview = textPreview(text, 2);
    expect(preview.shown).toBe('🙂🙂');
    expect(preview.total).toBe(12);
    expect(preview.more).toBe(10);
  });
});
