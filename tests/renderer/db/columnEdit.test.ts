// Editing a source's columns (some codings leave, some arrive) gives exactly the codings that
// packing the kept codings and the arriving ones would: same order (reading order, ties kept
// before arriving), same fields, same dictionaries, whatever the timestamps and text. Quotes stay
// in the parts they were written to; the arriving codings' quotes make one new part, and a part
// no coding refers to any more is dropped, so over any run of edits the stored parts are exactly
// those the columns use.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Coding } from '../../../shared/model/types';
import { codingCount, packCodings, resolveQuotes, storedQuotePart, unpackCodings, type QuotePart, type SourceCodings } from '../../../renderer/src/db/codingColumns';
import { editColumns, QUOTE_PARTS_AT_MOST, wantsCompaction } from '../../../renderer/src/db/columnEdit';

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

/** The columns without where their quotes are: what packing gives whatever the parts. */
function placesOnly(columns: SourceCodings): Omit<SourceCodings, 'quoteParts' | 'quotePartSizes' | 'quotePart' | 'quoteIndex'> {
  const { quoteParts: _a, quotePartSizes: _b, quotePart: _c, quoteIndex: _d, ...rest } = columns;
  return rest;
}

/** A source's store: its columns and parts, edited as writePacked writes them. */
function storeOf(codings: readonly Coding[]): { columns: SourceCodings | null; parts: Map<number, QuotePart> } {
  const packed = packCodings('s1', 'p1', codings);
  const parts = new Map<number, QuotePart>();
  if (codings.length > 0) parts.set(0, storedQuotePart('s1', 'p1', 0, packed.quotes));
  return { columns: codings.length > 0 ? packed.columns : null, parts };
}

function read(store: { columns: SourceCodings | null; parts: Map<number, QuotePart> }): Coding[] {
  return store.columns ? unpackCodings(store.columns, resolveQuotes(store.columns, store.parts)) : [];
}

function edit(store: { columns: SourceCodings | null; parts: Map<number, QuotePart> }, gone: ReadonlySet<string>, arriving: readonly Coding[], compact: boolean): void {
  const stored = store.columns ? { columns: store.columns, quotes: compact ? resolveQuotes(store.columns, store.parts) : undefined } : null;
  const edited = editColumns('s1', 'p1', stored, gone, arriving);
  if (edited.part) store.parts.set(edited.part.part, edited.part);
  for (const part of edited.dropped) {
    expect(part).not.toBe(edited.part?.part);
    store.parts.delete(part);
  }
  store.columns = codingCount(edited.columns) > 0 ? edited.columns : null;
}

describe('editColumns', () => {
  it('gives the codings, in the order and columns, that packing the kept and the arriving codings gives', () => {
    fc.assert(
      fc.property(fc.uniqueArray(coding, { selector: (c) => c.id, maxLength: 40 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (codings, split, every, compact) => {
        const stored = codings.slice(0, split);
        const arriving = codings.slice(split);
        const store = storeOf(stored);
        const gone = new Set(stored.filter((_, i) => i % every === 0 && every > 1).map((c) => c.id));
        const kept = read(store).filter((c) => !gone.has(c.id));
        edit(store, gone, arriving, compact);
        const packed = packCodings('s1', 'p1', [...kept, ...arriving]);
        expect(read(store)).toEqual(unpackCodings(packed.columns, packed.quotes));
        if (store.columns) expect(placesOnly(store.columns)).toEqual(placesOnly(packed.columns));
      }),
    );
  });

  it('keeps, over any run of edits, exactly the parts the columns use, each holding what was written to it', () => {
    const step = fc.record({ arriving: fc.array(coding, { maxLength: 6 }), leaving: fc.integer({ min: 0, max: 4 }), compact: fc.boolean() });
    fc.assert(
      fc.property(fc.array(coding, { maxLength: 10 }), fc.array(step, { maxLength: 25 }), (first, steps) => {
        const seen = new Set<string>();
        const fresh = (list: Coding[]) => list.filter((c) => !seen.has(c.id) && seen.add(c.id));
        let model = fresh(first);
        const store = storeOf(model);
        for (const { arriving, leaving, compact } of steps) {
          const gone = new Set(model.filter((_, i) => leaving > 0 && i % leaving === 0).map((c) => c.id));
          const incoming = fresh(arriving);
          edit(store, gone, incoming, compact);
          model = [...read({ ...storeOf(model) }).filter((c) => !gone.has(c.id)), ...incoming];
          const expected = packCodings('s1', 'p1', model);
          expect(read(store)).toEqual(unpackCodings(expected.columns, expected.quotes));
          const used = new Set(store.columns?.quoteParts ?? []);
          expect(new Set(store.parts.keys())).toEqual(used);
          store.columns?.quoteParts.forEach((part, slot) => expect(store.columns!.quotePartSizes[slot]).toBe(store.parts.get(part)!.exactEnds.length));
        }
      }),
    );
  });

  it('writes no quotes for the kept codings, and all of them into one part when compacting', () => {
    const make = (id: string, start: number): Coding => ({ id, projectId: 'p1', sourceId: 's1', codeId: 'c1', start, end: start + 2, exact: `q-${id}`, prefix: '', suffix: '', coder: 'Ada', createdAt: '' });
    const store = storeOf([make('a', 0), make('b', 5)]);
    const kept = editColumns('s1', 'p1', { columns: store.columns! }, new Set(), [make('c', 3)]);
    expect(kept.part).toMatchObject({ part: 1, exact: 'q-c' });
    expect(kept.columns.quoteParts).toEqual([0, 1]);
    expect(kept.dropped).toEqual([]);
    const compacted = editColumns('s1', 'p1', { columns: kept.columns, quotes: resolveQuotes(kept.columns, new Map([...store.parts, [1, kept.part!]])) }, new Set(['b']), []);
    expect(compacted.part).toMatchObject({ part: 2, exact: 'q-aq-c' });
    expect(compacted.columns.quoteParts).toEqual([2]);
    expect(compacted.dropped).toEqual([0, 1]);
  });

  it('asks for compaction past the most parts, or when most stored quotes are no longer used', () => {
    const make = (i: number): Coding => ({ id: `k${i}`, projectId: 'p1', sourceId: 's1', codeId: 'c1', start: i, end: i + 1, exact: 'x', prefix: '', suffix: '', coder: 'Ada', createdAt: '' });
    const { columns } = packCodings('s1', 'p1', Array.from({ length: 10 }, (_, i) => make(i)));
    expect(wantsCompaction(columns, 0, 5)).toBe(false);
    expect(wantsCompaction(columns, 6, 0)).toBe(true);
    expect(wantsCompaction({ ...columns, quoteParts: Array.from({ length: QUOTE_PARTS_AT_MOST }, (_, i) => i), quotePartSizes: Array.from({ length: QUOTE_PARTS_AT_MOST }, () => 1) }, 0, 1)).toBe(true);
  });

  it('packs the arriving codings into part 0 when the source has no columns yet', () => {
    const one: Coding = { id: 'a', projectId: 'p1', sourceId: 's1', codeId: 'c1', start: 3, end: 5, exact: 'xy', prefix: '', suffix: '', coder: 'Ada', createdAt: '' };
    const packed = packCodings('s1', 'p1', [one]);
    expect(editColumns('s1', 'p1', null, new Set(), [one])).toEqual({ columns: packed.columns, part: storedQuotePart('s1', 'p1', 0, packed.quotes), dropped: [] });
  });

  it('reads the quotes of a coding whose part is missing as empty', () => {
    const one: Coding = { id: 'a', projectId: 'p1', sourceId: 's1', codeId: 'c1', start: 3, end: 5, exact: 'xy', prefix: 'p', suffix: 's', coder: 'Ada', createdAt: '' };
    const { columns } = packCodings('s1', 'p1', [one]);
    expect(unpackCodings(columns, resolveQuotes(columns, new Map()))).toEqual([{ ...one, exact: '', prefix: '', suffix: '' }]);
  });
});
