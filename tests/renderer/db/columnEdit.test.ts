// Editing a source's columns (some codings leave, some arrive) gives exactly the columns that
// packing the kept codings and the arriving ones would: same order (reading order, ties kept
// before arriving), same fields, same dictionaries, whatever the timestamps and text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Coding } from '../../../shared/model/types';
import { packCodings, unpackCodings } from '../../../renderer/src/db/codingColumns';
import { editColumns, sameQuotes } from '../../../renderer/src/db/columnEdit';

const timestamp = fc.oneof(
  fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('', '2024-01-01T00:00:00Z', 'not a date'),
);

const coding = fc.record({
  id: fc.uuid(),
  codeId: fc.constantFrom('c1', 'c2', 'c3'),
  start: fc.nat({ max: 60 }),
  length: fc.integer({ min: 0, max: 5 }),
  exact: fc.string({ unit: 'binary', maxLength: 8 }),
  prefix: fc.string({ maxLength: 4 }),
  suffix: fc.string({ maxLength: 4 }),
  coder: fc.constantFrom('Ada', 'Bo', 'Zoë 😀'),
  createdAt: timestamp,
}).map(({ length, ...c }): Coding => ({ ...c, projectId: 'p1', sourceId: 's1', end: c.start + length }));

describe('editColumns', () => {
  it('gives what packing the kept and the arriving codings gives', () => {
    fc.assert(
      fc.property(fc.uniqueArray(coding, { selector: (c) => c.id, maxLength: 40 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 4 }), (codings, split, every) => {
        const stored = codings.slice(0, split);
        const arriving = codings.slice(split);
        const packed = packCodings('s1', 'p1', stored);
        const gone = new Set(stored.filter((_, i) => i % every === 0 && every > 1).map((c) => c.id));
        const kept = unpackCodings(packed.columns, packed.quotes).filter((c) => !gone.has(c.id));
        expect(editColumns('s1', 'p1', packed, gone, arriving)).toEqual(packCodings('s1', 'p1', [...kept, ...arriving]));
      }),
    );
  });

  it('packs the arriving codings when the source has no columns yet', () => {
    const one: Coding = { id: 'a', projectId: 'p1', sourceId: 's1', codeId: 'c1', start: 3, end: 5, exact: 'xy', prefix: '', suffix: '', coder: 'Ada', createdAt: '' };
    expect(editColumns('s1', 'p1', null, new Set(), [one])).toEqual(packCodings('s1', 'p1', [one]));
  });

  it('reads the quotes of a source whose quote record is missing as empty, as reading it would', () => {
    const one: Coding = { id: 'a', projectId: 'p1', sourceId: 's1', codeId: 'c1', start: 3, end: 5, exact: 'xy', prefix: 'p', suffix: 's', coder: 'Ada', createdAt: '' };
    const { columns } = packCodings('s1', 'p1', [one]);
    const kept = unpackCodings(columns, undefined);
    expect(editColumns('s1', 'p1', { columns, quotes: undefined }, new Set(), [])).toEqual(packCodings('s1', 'p1', kept));
  });

  it('keeps a source’s quotes only when a step leaves every selector where it was', () => {
    fc.assert(
      fc.property(fc.uniqueArray(coding, { selector: (c) => c.id, minLength: 1, maxLength: 30 }), fc.nat(), (codings, pick) => {
        const packed = packCodings('s1', 'p1', codings);
        // Recoding (the merge of two codes) moves no quote …
        const recoded = codings.map((c) => ({ ...c, codeId: 'c9' }));
        const edited = editColumns('s1', 'p1', packed, new Set(codings.map((c) => c.id)), recoded);
        expect(sameQuotes(packed.quotes, edited.quotes)).toBe(true);
        // … a changed selector, or one coding fewer, does.
        const changed = { ...recoded[pick % recoded.length]!, exact: `${recoded[pick % recoded.length]!.exact}!` };
        const widened = editColumns('s1', 'p1', packed, new Set([changed.id]), [changed]);
        expect(sameQuotes(packed.quotes, widened.quotes)).toBe(false);
        const fewer = editColumns('s1', 'p1', packed, new Set([changed.id]), []);
        expect(sameQuotes(packed.quotes, fewer.quotes)).toBe(false);
      }),
    );
  });
});
