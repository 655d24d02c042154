// fast-check arbitraries for codebooks, shared by the CSV and REFI-QDA round-trip properties.
import fc from 'fast-check';
import { cleanCodeName } from '../../../shared/codebook/codeName';
import { stripXmlForbidden } from '../../../shared/refi/xmlText';
import type { Code, CodeSet } from '../../../shared/model/types';

/** Pieces that CSV, XML and spreadsheets trip over. */
const tricky = fc.constantFrom(
  ',', '"', '""', '\n', '\r\n', '\r', ' > ', '=', '-', '+', '@', "'", '\t', '😀', 'é', '👩‍👩‍👧', ';', ' ', '&', '<', ']]>',
  'Inclusion criteria:\n', '\n\nExclusion criteria:\n',
  // Characters XML 1.0 cannot carry at all (a C0 control, a non-character, a lone surrogate).
  '\u0001', '\uFFFE', '\uD800',
);

/** Free text (descriptions, memos, criteria) exactly as typed, line breaks included. */
export const textArb = fc
  .array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 6 })
  .map((parts) => parts.join(''));

/**
 * Names as the app stores them: the same tricky text, cleaned the way the app cleans names. Names
 * made of characters XML cannot carry are left out: a REFI-QDA export has to drop those.
 */
export const nameArb = textArb
  .map(cleanCodeName)
  .filter((n) => n !== '' && n.length <= 200 && stripXmlForbidden(n) === n);

export const colorArb = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
  .map((rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`);

/**
 * A codebook of 1 to 12 codes with unique names (so paths are unique). Each code's parent is an
 * earlier code or none, so there is no cycle; orders follow generation order.
 */
export const codebookArb: fc.Arbitrary<Code[]> = fc
  .uniqueArray(nameArb, { minLength: 1, maxLength: 12 })
  .chain((names) =>
    fc.tuple(
      ...names.map((name, i) =>
        fc.record({
          name: fc.constant(name),
          parentIndex: i === 0 ? fc.constant(-1) : fc.integer({ min: -1, max: i - 1 }),
          id: fc.uuid(),
          description: textArb,
          memo: textArb,
          inclusion: textArb,
          exclusion: textArb,
          color: colorArb,
          isCodable: fc.boolean(),
        }),
      ),
    ),
  )
  .filter((specs) => new Set(specs.map((s) => s.id)).size === specs.length)
  .map((specs) =>
    specs.map(({ parentIndex, ...spec }, order): Code => ({
      ...spec,
      projectId: 'p1',
      parentId: parentIndex >= 0 ? specs[parentIndex]!.id : null,
      order,
      createdAt: '2024-01-01T00:00:00.000Z',
    })),
  );

/** Code sets over a given codebook. */
export function codeSetsArb(codes: readonly Code[]): fc.Arbitrary<CodeSet[]> {
  return fc.array(
    fc.record({
      id: fc.uuid(),
      projectId: fc.constant('p1'),
      name: nameArb,
      description: textArb,
      codeIds: fc.uniqueArray(fc.constantFrom(...codes.map((c) => c.id))),
    }),
    { maxLength: 3 },
  ).filter((sets) => new Set(sets.map((s) => s.id)).size === sets.length && new Set(sets.map((s) => s.name)).size === sets.length);
}
