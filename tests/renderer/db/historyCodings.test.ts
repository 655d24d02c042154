// A history step's codings are packed into columns for storage and come back exactly as they were
// committed, field for field and in order, whatever their text holds; a coding that is not a plain
// Coding (an extra or a missing field) is kept as it is rather than packed lossily.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCodingChanges, loadStepChanges, packCodingList, storeCodingChanges, storeStepChanges, unpackCodingList } from '../../../renderer/src/db/historyCodings';
import type { Coding } from '../../../shared/model/types';

const text = fc.string({ unit: 'binary', maxLength: 40 });
const codingArb: fc.Arbitrary<Coding> = fc.record({
  id: fc.uuid(),
  projectId: fc.constantFrom('p1', 'p2'),
  sourceId: fc.constantFrom('s1', 's2', 's3', ''),
  codeId: fc.constantFrom('k1', 'k2', 'ü-code'),
  start: fc.integer({ min: 0, max: 5_000_000 }),
  end: fc.integer({ min: 0, max: 5_000_000 }),
  exact: text,
  prefix: text,
  suffix: text,
  coder: fc.constantFrom('me', 'ben', '山田'),
  createdAt: fc.oneof(fc.constant('2025-01-01T00:00:00.000Z'), text),
});

describe('history codings', () => {
  it('unpacks exactly the codings that were packed, in order', () => {
    fc.assert(
      fc.property(fc.array(codingArb, { maxLength: 30 }), (codings) => {
        const packed = packCodingList(codings);
        expect(packed).toBeDefined();
        // Through a structured clone, as IndexedDB stores it.
        expect(unpackCodingList(structuredClone(packed!))).toEqual(codings);
      }),
    );
  });

  it('keeps a list with a coding that is not a plain Coding as it is', () => {
    const plain: Coding = { id: 'c1', projectId: 'p', sourceId: 's', codeId: 'k', start: 1, end: 2, exact: 'a', prefix: '', suffix: '', coder: 'me', createdAt: '' };
    const extra = { ...plain, id: 'c2', note: 'kept' } as unknown as Coding;
    const missing = { ...plain, id: 'c3' } as Partial<Coding>;
    delete missing.prefix;
    const minusZero = { ...plain, id: 'c4', start: -0 };
    for (const odd of [extra, missing as Coding, minusZero]) {
      expect(packCodingList([plain, odd])).toBeUndefined();
      const stored = storeCodingChanges({ added: [plain, odd], updated: [], removed: [] });
      expect(Object.is(loadCodingChanges(structuredClone(stored)).added[1]!.start, odd.start)).toBe(true);
      expect(loadCodingChanges(structuredClone(stored)).added).toEqual([plain, odd]);
    }
  });

  it('stores a step’s updates as pairs and gives back the whole change set', () => {
    fc.assert(
      fc.property(fc.array(codingArb, { maxLength: 10 }), fc.array(fc.tuple(codingArb, codingArb), { maxLength: 10 }), fc.array(codingArb, { maxLength: 10 }), (added, updated, removed) => {
        const changes = {
          codes: { added: [{ id: 'k9', projectId: 'p1', parentId: null, name: 'New', description: '', color: '#000000', order: 1, createdAt: '' }], updated: [], removed: [] },
          codings: { added, updated, removed },
        };
        const stored = structuredClone(storeStepChanges(changes));
        expect(stored.changes.codings).toBeUndefined();
        expect(loadStepChanges(stored)).toEqual(changes);
      }),
    );
  });
});
