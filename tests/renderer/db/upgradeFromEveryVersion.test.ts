// A database left by every shipped schema version opens with today's code and still answers what
// a researcher asks of it: coded segments in reading order (subcodes included, a recoded coding
// under its new code), the co-occurrence of codes, and the coded segments CSV, memo included;
// from v4 on, the case keeps its attribute value and link.
import { afterEach, describe, expect, it } from 'vitest';
import { buildSegmentsCsv } from '../../../shared/analysis/segmentsCsv';
import { caseDataOf, cooccurrence, retrieveSegments, segmentsCsv, segmentTexts } from '../../../renderer/src/analysis/analysisOperations';
import { openDatabase, replaceDatabase, type MarginaliaDb } from '../../../renderer/src/db/db';
import { caseValue, loadCaseBook } from '../../../renderer/src/features/cases/useCaseBook';
import { AGE, CASE, CODES, CODING_MEMO, CODINGS, LINK, PROJECT, SHIPPED_VERSIONS, SOURCES, TEXTS, writeEraDatabase } from './eraDatabases';

let upgraded: MarginaliaDb | undefined;

afterEach(async () => {
  await upgraded?.delete();
  upgraded = undefined;
});

const exact = (id: string) => CODINGS.find((c) => c.id === id)!.exact;

describe.each(SHIPPED_VERSIONS)('a database written by schema version %i', (version) => {
  it('upgrades to the latest version and answers retrieval, co-occurrence and the segments CSV', async () => {
    const name = await writeEraDatabase(version);
    upgraded = openDatabase(name);
    const latest = upgraded.verno;
    replaceDatabase(upgraded);
    await upgraded.open();
    expect(upgraded.verno).toBe(latest);

    // Access with its subcode Night travel: the notes (listed first), then the diary by position.
    const refs = await retrieveSegments(PROJECT, ['c-access', 'c-night']);
    expect(refs.map((r) => r.codingId)).toEqual(['k-route', 'k-bus', 'k-walk']);
    expect(await segmentTexts(refs)).toEqual([exact('k-route'), exact('k-bus'), exact('k-walk')]);
    // The coding recoded from Access to Safety is found under Safety only.
    expect((await retrieveSegments(PROJECT, ['c-safety'])).map((r) => r.codingId)).toEqual(['k-nobody', 'k-riders', 'k-dark']);

    const matrix = await cooccurrence(PROJECT, ['c-access', 'c-night', 'c-safety']);
    expect(matrix.counts).toEqual([
      [0, 0, 1],
      [0, 0, 1],
      [1, 1, 0],
    ]);

    const { projectName, csv } = await segmentsCsv(PROJECT);
    expect(projectName).toBe('Ferry study');
    expect(csv).toBe(
      buildSegmentsCsv({
        sources: SOURCES,
        texts: new Map(Object.entries(TEXTS)),
        codes: CODES,
        codings: CODINGS,
        codingMemos: new Map([[CODING_MEMO.targetId, CODING_MEMO.body]]),
        ...(version >= 4 ? { cases: await caseDataOf(PROJECT) } : {}),
      }),
    );
    // From v4 on the diary is linked whole to the case: its three segments carry the case and its age.
    if (version >= 4) {
      expect(csv.split('\n')[0]).toMatch(/,memo,case,attribute:age\r?$/);
      expect(csv.split('\n').filter((line) => /,Ana,52\r?$/.test(line))).toHaveLength(3);
    }
    expect(csv).toContain('The bus was late again 😔');
    expect(csv).toContain('Access > Night travel');
    expect(csv).toContain('Late *again*, the third time.');
    expect(csv.split('\n').filter((line) => line.trim() !== '')).toHaveLength(1 + CODINGS.length);
  });

  // Cases came with v4: no skipped test for the versions before.
  if (version < 4) return;
  it('keeps the case, its attribute value and its link', async () => {
    const name = await writeEraDatabase(version);
    upgraded = openDatabase(name);
    replaceDatabase(upgraded);
    const book = await loadCaseBook(PROJECT);
    expect(book.cases.map((c) => c.name)).toEqual([CASE.name]);
    expect(caseValue(book, CASE.id, AGE.id)).toBe(52);
    expect(book.links).toEqual([LINK]);
  });
});
