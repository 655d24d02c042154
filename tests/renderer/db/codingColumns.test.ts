// The stored columns of a source's codings give back exactly the codings that went in, whatever
// their text, coders and timestamps (including ones that are not ISO strings from this app).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordsEqual } from '../../../shared/model/recordsEqual';
import type { Coding } from '../../../shared/model/types';
import { codingAt, codingEqualsAt, countsByCode, idAt, indexOfId, isoInstantMillis, packCodings, positionsOfCodes, positionsOfIds, storedTime, unpackCodings } from '../../../renderer/src/db/codingColumns';

const timestamp = fc.oneof(
  fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('', '2024-01-01T00:00:00Z', '2024-01-01', 'not a date', '2024-01-01T10:00:00+02:00', '2023-02-29T10:00:00.000Z', '0099-01-01T00:00:00.000Z'),
);

const coding = fc.record({
  id: fc.uuid(),
  codeId: fc.constantFrom('c1', 'c2', 'c3', 'éè-code'),
  start: fc.nat({ max: 5000 }),
  length: fc.integer({ min: 1, max: 300 }),
  exact: fc.string({ unit: 'grapheme' }),
  prefix: fc.string(),
  suffix: fc.string({ unit: 'binary' }),
  coder: fc.constantFrom('Ada', 'Bo', '', 'Zoë 😀'),
  createdAt: timestamp,
}).map(({ length, ...c }): Coding => ({ ...c, projectId: 'p1', sourceId: 's1', end: c.start + length }));

const byId = (list: Coding[]): Coding[] => [...list].sort((a, b) => a.id.localeCompare(b.id));

describe('codingColumns', () => {
  it('compares a stored coding in its columns exactly as recordsEqual compares the coding built from them', () => {
    const change = fc.constantFrom<(c: Coding) => Coding>(
      (c) => c,
      (c) => ({ ...c }),
      (c) => ({ ...c, start: c.start + 1 }),
      (c) => ({ ...c, codeId: `${c.codeId}x` }),
      (c) => ({ ...c, coder: `${c.coder}x` }),
      (c) => ({ ...c, exact: `${c.exact}x` }),
      (c) => ({ ...c, suffix: '' }),
      (c) => ({ ...c, id: `${c.id}x` }),
      (c) => ({ ...c, createdAt: '2024-01-01T00:00:00Z' }),
      (c) => ({ ...c, createdAt: new Date(Date.parse(c.createdAt) || 0).toISOString() }),
      (c) => ({ ...c, createdAt: new Date((Date.parse(c.createdAt) || 0) + 1).toISOString() }),
      (c) => ({ ...c, extra: 1 }) as Coding,
      (c) => ({ ...c, prefix: undefined }) as unknown as Coding,
    );
    fc.assert(
      fc.property(fc.uniqueArray(coding, { selector: (c) => c.id, minLength: 1, maxLength: 30 }), change, fc.boolean(), (codings, alter, withQuotes) => {
        const { columns, quotes } = packCodings('s1', 'p1', codings);
        for (let i = 0; i < codings.length; i++) {
          const stored = codingAt(columns, withQuotes ? quotes : undefined, i);
          const other = alter(stored);
          expect(codingEqualsAt(columns, withQuotes ? quotes : undefined, i, other)).toBe(recordsEqual(stored, other));
        }
      }),
    );
  });

  it('round-trips every field of every coding', () => {
    fc.assert(
      fc.property(fc.uniqueArray(coding, { selector: (c) => c.id, maxLength: 60 }), (codings) => {
        const { columns, quotes } = packCodings('s1', 'p1', codings);
        expect(byId(unpackCodings(columns, quotes))).toEqual(byId(codings));
      }),
    );
  });

  it('keeps a source’s codings in reading order and finds the ones of some codes', () => {
    const make = (id: string, codeId: string, start: number, end: number): Coding => ({
      id, projectId: 'p1', sourceId: 's1', codeId, start, end, exact: id, prefix: '', suffix: '', coder: 'Ada', createdAt: '2024-05-01T10:00:00.000Z',
    });
    const { columns, quotes } = packCodings('s1', 'p1', [make('late', 'c1', 50, 60), make('long', 'c2', 0, 40), make('short', 'c1', 0, 10)]);
    expect(unpackCodings(columns, quotes).map((c) => c.id)).toEqual(['short', 'long', 'late']);
    expect(positionsOfCodes(columns, new Set(['c1'])).map((i) => codingAt(columns, quotes, i).id)).toEqual(['short', 'late']);
    expect(positionsOfCodes(columns, new Set(['nope']))).toEqual([]);
    expect(countsByCode(columns)).toEqual({ c1: 2, c2: 1 });
    // Without its quotes a coding still has its place, code, coder and time.
    expect(codingAt(columns, undefined, 1)).toMatchObject({ id: 'long', start: 0, end: 40, exact: '', coder: 'Ada', createdAt: '2024-05-01T10:00:00.000Z' });
  });
});

describe('ids kept end to end in one string', () => {
  it('finds a coding by id even where one id contains another', () => {
    const make = (id: string, start: number): Coding => ({
      id, projectId: 'p1', sourceId: 's1', codeId: 'c1', start, end: start + 1, exact: '', prefix: '', suffix: '', coder: '', createdAt: '',
    });
    const { columns } = packCodings('s1', 'p1', [make('abb', 0), make('b', 1), make('ab', 2), make('bab', 3)]);
    expect([0, 1, 2, 3].map((i) => idAt(columns, i))).toEqual(['abb', 'b', 'ab', 'bab']);
    expect(['abb', 'b', 'ab', 'bab', 'a', 'ba', 'abbab', ''].map((id) => indexOfId(columns, id))).toEqual([0, 1, 2, 3, -1, -1, -1, -1]);
  });

  it('finds a few ids, or many, at the same positions as a walk over every id', () => {
    fc.assert(
      fc.property(fc.uniqueArray(coding, { selector: (c) => c.id, maxLength: 60 }), fc.array(fc.uuid(), { maxLength: 5 }), fc.nat({ max: 40 }), (codings, strangers, take) => {
        const { columns } = packCodings('s1', 'p1', codings);
        const wanted = [...codings.slice(0, take).map((c) => c.id), ...strangers];
        const walked = new Map<string, number>();
        for (let i = 0; i < codings.length; i++) if (wanted.includes(idAt(columns, i))) walked.set(idAt(columns, i), i);
        expect(positionsOfIds(columns, wanted)).toEqual(walked);
      }),
    );
  });
});

describe('creation times read field by field', () => {
  const d = (n: number) => fc.integer({ min: 0, max: n });
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  // The shape of toISOString with any digits: days past the month's end, month 13, hour 24 …
  const isoShaped = fc
    .tuple(d(9999), d(13), d(32), d(24), d(60), d(60), d(999))
    .map(([y, mo, day, h, mi, s, ms]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(day, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}Z`);

  it('gives the milliseconds exactly when toISOString gives the text back, and defers otherwise', () => {
    fc.assert(
      fc.property(fc.oneof(isoShaped, timestamp), (text) => {
        const ms = Date.parse(text);
        const roundTrips = !Number.isNaN(ms) && new Date(ms).toISOString() === text;
        const fast = isoInstantMillis(text);
        if (fast !== null) expect(fast).toBe(ms);
        if (fast !== null) expect(roundTrips).toBe(true);
        expect(storedTime(text)).toEqual(roundTrips ? { ms, text: undefined } : { ms, text });
      }),
      { numRuns: 2000 },
    );
  });
});
