// Merging a colleague's project: the properties a team relies on (merging into itself or twice
// changes nothing, nothing of ours is removed or altered beyond the two documented unions, every
// coding of both sides is there afterwards) and the rules one by one on small projects.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findConflicts, isEmptyChangeSet, type ChangeSet } from '../../../shared/model/changeSet';
import { ENTITY_KINDS } from '../../../shared/model/entities';
import { applyToState, lookupIn, snapshotOf, stateOf, type ProjectSnapshot } from '../../../shared/model/snapshot';
import { recordsEqual } from '../../../shared/model/recordsEqual';
import { planMerge } from '../../../shared/merge/planMerge';
import { mutatedArb, projectSnapshotArb } from '../model/projectArb';
import { ProjectBuilder } from '../analysis/agreement/projectBuilder';
import type { SavedQuery } from '../../../shared/model/savedQuery';

/** Property runs on a busy machine: far above their usual second or two, never the default 5 s. */
const PROPERTY_TIMEOUT = 60_000;

function idMaker(prefix = 'fresh'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

function apply(snapshot: ProjectSnapshot, set: ChangeSet): ProjectSnapshot {
  const state = stateOf(snapshot);
  applyToState(state, set);
  return snapshotOf(state);
}

/** A and B: one a mutated copy of the other with a second coder's codings, or unrelated projects. */
const pairArb = projectSnapshotArb.chain((a) =>
  fc.oneof(
    mutatedArb(a).map((b) => {
      const other = { id: 'b0000000-0000-4000-8000-00000000000b', projectId: b.project.id, name: 'Colleague', color: '#008800' };
      const extra = b.codings.slice(0, 3).map((c, i) => ({ ...c, id: `extra-${i}-${c.id}`, coder: other.id }));
      const withColleague: ProjectSnapshot = { ...b, coders: [...b.coders, other], codings: [...b.codings, ...extra] };
      return [a, withColleague] as const;
    }),
    projectSnapshotArb.map((b) => [a, b] as const),
  ).chain(([x, y]) => fc.boolean().map((swap) => (swap ? ([y, x] as const) : ([x, y] as const)))),
);

describe('merge planning: properties', () => {
  it('merging a project into itself changes nothing', { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(projectSnapshotArb, (a) => {
        const plan = planMerge(a, a, { newId: idMaker() });
        expect(plan.changes).toEqual({});
        expect(plan.report.conflicts).toEqual([]);
        expect(plan.report.matched.filter((m) => m.differs !== undefined)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('never removes or alters a record of ours, beyond appending categories and set members', { timeout: PROPERTY_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(pairArb, async ([a, b]) => {
        const { changes } = planMerge(a, b, { newId: idMaker() });
        expect(await findConflicts(changes, lookupIn(stateOf(a)))).toEqual([]);
        for (const kind of ENTITY_KINDS) {
          const c = changes[kind];
          if (!c) continue;
          expect(c.removed).toEqual([]);
          for (const [before, after] of c.updated as unknown as Array<[Record<string, unknown>, Record<string, unknown>]>) {
            const field = kind === 'attributes' ? 'categories' : kind === 'codeSets' ? 'codeIds' : null;
            expect(field, `${kind} must not be updated`).not.toBeNull();
            expect(recordsEqual({ ...before, [field!]: undefined }, { ...after, [field!]: undefined })).toBe(true);
            const old = (before[field!] as string[] | undefined) ?? [];
            expect((after[field!] as string[]).slice(0, old.length)).toEqual(old);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every coding of both sides, and merging the same file twice changes nothing the second time', { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const plan = planMerge(a, b, { newId: idMaker() });
        const merged = apply(a, plan.changes);
        const key = (c: { sourceId: string; codeId: string; coder: string; start: number; end: number }): string => `${c.sourceId}|${c.codeId}|${c.coder}|${c.start}|${c.end}`;
        const have = new Set(merged.codings.map(key));
        for (const c of a.codings) expect(merged.codings).toContainEqual(c);
        const bCodes = new Set(b.codes.map((c) => c.id));
        const bSources = new Set(b.sources.map((s) => s.id));
        const textOf = new Map(merged.sourceTexts.map((t) => [t.sourceId, t.text]));
        const bTextOf = new Map(b.sourceTexts.map((t) => [t.sourceId, t.text]));
        for (const c of b.codings) {
          if (!bCodes.has(c.codeId) || !bSources.has(c.sourceId)) continue; // dangling in B: reported, not placed
          const sourceId = plan.ids.sources.get(c.sourceId)!;
          expect(textOf.get(sourceId)).toBe(bTextOf.get(c.sourceId));
          expect(have.has(key({ ...c, sourceId, codeId: plan.ids.codes.get(c.codeId)! }))).toBe(true);
        }
        const again = planMerge(merged, b, { newId: idMaker('again') });
        expect(isEmptyChangeSet(again.changes)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('merge planning: rules', () => {
  function twoCopies() {
    const ours = new ProjectBuilder('p1', 'Ours');
    ours.coder('Ann');
    const s = ours.source('Interview 1', 'We trust the council. Mostly.');
    const trust = ours.code('Trust', null, 'AAAAAAAA-0000-4000-8000-000000000001');
    ours.coding('ann', trust.id, s, 'trust the council', 'k-ann');
    const theirs = new ProjectBuilder('p2', 'Ben’s copy');
    theirs.coder('Ann');
    theirs.coder('Ben');
    const s2 = theirs.source('interview-1.txt', 'We trust the council. Mostly.', 'their-source');
    const trust2 = theirs.code('Trust', null, '{aaaaaaaa-0000-4000-8000-000000000001}');
    return { ours, theirs, s, s2, trust, trust2 };
  }

  it('matches a source by its text and a code by GUID; keeps the same coding once and another coder’s beside it', () => {
    const { ours, theirs, s, s2, trust, trust2 } = twoCopies();
    theirs.coding('ann', trust2.id, s2, 'trust the council', 'k-ann-copy');
    theirs.coding('ben', trust2.id, s2, 'trust the council', 'k-ben');
    const plan = planMerge(ours.snapshot, theirs.snapshot, { newId: idMaker() });
    expect(plan.ids.sources.get('their-source')).toBe(s);
    expect(plan.ids.codes.get(trust2.id)).toBe(trust.id);
    expect(plan.changes.codings!.added).toEqual([expect.objectContaining({ id: 'k-ben', sourceId: s, codeId: trust.id, coder: 'ben', projectId: 'p1' })]);
    expect(plan.changes.coders!.added.map((c) => c.name)).toEqual(['Ben']);
    expect(plan.changes.sources).toBeUndefined();
    expect(plan.report.counts.codings).toEqual({ added: 1, matched: 1, updated: 0, conflicts: 0 });
    expect(plan.report.matched).toContainEqual(expect.objectContaining({ kind: 'sources', rule: 'content hash', differs: 'name' }));
  });

  it('reports progress from 0 to 1 as it goes, for the progress bar', () => {
    const { ours, theirs } = twoCopies();
    const seen: number[] = [];
    planMerge(ours.snapshot, theirs.snapshot, { newId: idMaker(), onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
  });

  it('matches a code by path when the ids differ, and adds its new subcode under ours', () => {
    const { ours, theirs, s2 } = twoCopies();
    const parent = theirs.code('Emotions', null, 'x-emotions');
    ours.code('Emotions', null, 'o-emotions');
    const child = theirs.code('Anger', parent.id, 'x-anger');
    theirs.coding('ben', child.id, s2, 'Mostly');
    const plan = planMerge(ours.snapshot, theirs.snapshot, { newId: idMaker() });
    expect(plan.ids.codes.get('x-emotions')).toBe('o-emotions');
    expect(plan.changes.codes!.added).toEqual([expect.objectContaining({ id: 'x-anger', parentId: 'o-emotions', name: 'Anger' })]);
    expect(plan.report.matched).toContainEqual(expect.objectContaining({ kind: 'codes', rule: 'path', label: 'Emotions' }));
    // A code moved in their copy is matched by GUID and stays where it is here; the move is reported.
    theirs.snapshot.codes.find((c) => c.name === 'Trust')!.parentId = 'x-emotions';
    const moved = planMerge(ours.snapshot, theirs.snapshot, { newId: idMaker() });
    expect(moved.changes.codes!.added).toHaveLength(1);
    expect(moved.report.matched).toContainEqual(expect.objectContaining({ kind: 'codes', label: 'Trust', rule: 'id', differs: 'place in the tree' }));
  });

  it('does not re-anchor a source whose text differs: it is added beside ours, with its codings, and reported', () => {
    const ours = new ProjectBuilder('p1', 'Ours');
    ours.source('Interview 1', 'The first version of the transcript.', 's-1');
    const theirs = new ProjectBuilder('p2', 'Ben’s copy');
    const s2 = theirs.source('Interview 1', 'The corrected version of the transcript.', 's-1');
    const c = theirs.code('Trust');
    theirs.coder('Ben');
    theirs.coding('ben', c.id, s2, 'corrected');
    const plan = planMerge(ours.snapshot, theirs.snapshot, { newId: idMaker() });
    const added = plan.changes.sources!.added;
    expect(added).toEqual([expect.objectContaining({ id: 'fresh-1', name: 'Interview 1 (Ben’s copy)' })]);
    expect(plan.changes.sourceTexts!.added[0]!.text).toBe('The corrected version of the transcript.');
    expect(plan.changes.codings!.added[0]).toMatchObject({ sourceId: 'fresh-1', start: 4, end: 13 });
    expect(plan.report.conflicts).toEqual([expect.objectContaining({ kind: 'sources', reason: expect.stringContaining('different text') })]);
  });

  it('keeps our code definitions and case values, reporting where theirs differ', () => {
    const { ours, theirs } = twoCopies();
    theirs.snapshot.codes[0]!.color = '#000000';
    theirs.snapshot.codes[0]!.description = 'Theirs';
    const oursCase = ours.caseWith('R1', [], 'case-1');
    const theirCase = theirs.caseWith('R1', [], 'case-x');
    ours.snapshot.attributes.push({ id: 'att-age', projectId: 'p1', name: 'Age', type: 'number' }, { id: 'att-reg', projectId: 'p1', name: 'Region', type: 'category', categories: ['North'] });
    theirs.snapshot.attributes.push({ id: 'att-age2', projectId: 'p2', name: 'age', type: 'text' }, { id: 'att-reg', projectId: 'p2', name: 'Region', type: 'category', categories: ['North', 'South'] });
    ours.snapshot.caseValues.push({ projectId: 'p1', caseId: oursCase, attributeId: 'att-reg', value: 'North' });
    theirs.snapshot.caseValues.push({ projectId: 'p2', caseId: theirCase, attributeId: 'att-reg', value: 'South' }, { projectId: 'p2', caseId: theirCase, attributeId: 'att-age2', value: 'forty' });
    const plan = planMerge(ours.snapshot, theirs.snapshot, { newId: idMaker() });
    expect(plan.changes.codes).toBeUndefined();
    expect(plan.report.matched).toContainEqual(expect.objectContaining({ kind: 'codes', differs: 'colour, description' }));
    expect(plan.ids.cases.get('case-x')).toBe('case-1');
    expect(plan.changes.attributes!.updated).toEqual([[expect.objectContaining({ categories: ['North'] }), expect.objectContaining({ id: 'att-reg', categories: ['North', 'South'] })]]);
    expect(plan.changes.caseValues).toBeUndefined();
    expect(plan.report.conflicts.map((c) => c.reason)).toEqual([
      '“Age” is number here but text in the file: the file\'s values for it were left out.',
      'R1: Region is “North” here and “South” in the file: ours was kept.',
    ]);
  });

  it('adds a memo edited apart in both copies beside ours, and merges code sets by name with a union', () => {
    const { ours, theirs, trust, trust2 } = twoCopies();
    const extra = theirs.code('Hope');
    ours.snapshot.memos.push({ id: 'm1', projectId: 'p1', targetKind: 'code', targetId: trust.id, title: 'Note', body: 'ours', author: 'ann', createdAt: 't', updatedAt: 't' });
    theirs.snapshot.memos.push({ id: 'm1', projectId: 'p2', targetKind: 'code', targetId: trust2.id, title: 'Note', body: 'theirs', author: 'ben', createdAt: 't', updatedAt: 't' });
    ours.snapshot.codeSets.push({ id: 'set-a', projectId: 'p1', name: 'Core', description: '', codeIds: [trust.id] });
    theirs.snapshot.codeSets.push({ id: 'set-b', projectId: 'p2', name: 'Core', description: '', codeIds: [trust2.id, extra.id] });
    const plan = planMerge(ours.snapshot, theirs.snapshot, { newId: idMaker() });
    expect(plan.changes.memos!.added).toEqual([expect.objectContaining({ id: 'fresh-1', targetId: trust.id, body: 'theirs' })]);
    expect(plan.report.conflicts).toContainEqual(expect.objectContaining({ kind: 'memos', reason: expect.stringContaining('edited in both') }));
    expect(plan.changes.codeSets!.updated).toEqual([[expect.anything(), expect.objectContaining({ id: 'set-a', codeIds: [trust.id, extra.id] })]]);
    const merged = apply(ours.snapshot, plan.changes);
    expect(isEmptyChangeSet(planMerge(merged, theirs.snapshot, { newId: idMaker('again') }).changes)).toBe(true);
  });
  it('merges saved queries: by id, then by name, re-keyed onto our codes; a different one is kept beside ours and reported', () => {
    const { ours, theirs, trust, trust2 } = twoCopies();
    const query = (id: string, projectId: string, name: string, codeId: string, order?: number): SavedQuery => ({
      id,
      projectId,
      name,
      type: 'query',
      definition: { kind: 'code', codeId, includeSubcodes: true },
      createdAt: 't',
      updatedAt: 't',
      ...(order !== undefined ? { order } : {}),
    });
    ours.snapshot.savedQueries.push(query('q-same', 'p1', 'All trust', trust.id, 0), query('q-named', 'p1', 'Trust only', trust.id, 1), query('q-edited', 'p1', 'Edited', trust.id, 2));
    const hope = theirs.code('Hope');
    theirs.snapshot.savedQueries.push(
      // The same id, the same question (their code id is ours by GUID).
      query('q-same', 'p2', 'All trust', trust2.id, 0),
      // Another id, the same name and question.
      query('q-theirs', 'p2', 'Trust only', trust2.id, 1),
      // The same id, edited apart: asks about another code now.
      query('q-edited', 'p2', 'Edited', hope.id, 2),
      // New.
      query('q-new', 'p2', 'Hope', hope.id, 3),
    );
    const plan = planMerge(ours.snapshot, theirs.snapshot, { newId: idMaker() });
    const hopeHere = plan.ids.codes.get(hope.id)!;
    expect(plan.ids.savedQueries.get('q-same')).toBe('q-same');
    expect(plan.ids.savedQueries.get('q-theirs')).toBe('q-named');
    expect(plan.changes.savedQueries!.added.map((q) => [q.name, q.definition])).toEqual([
      ['Edited (Ben’s copy)', { kind: 'code', codeId: hopeHere, includeSubcodes: true }],
      ['Hope', { kind: 'code', codeId: hopeHere, includeSubcodes: true }],
    ]);
    expect(plan.changes.savedQueries!.added.every((q) => q.projectId === 'p1')).toBe(true);
    expect(plan.changes.savedQueries!.updated).toEqual([]);
    expect(plan.report.counts.savedQueries).toEqual({ added: 2, matched: 2, updated: 0, conflicts: 1 });
    expect(plan.report.conflicts).toContainEqual(expect.objectContaining({ kind: 'savedQueries', label: 'Edited', reason: expect.stringContaining('ours was kept and theirs added as “Edited (Ben’s copy)”') }));
    // Merging the same file again changes nothing: the copy kept beside ours is theirs.
    const merged = apply(ours.snapshot, plan.changes);
    const again = planMerge(merged, theirs.snapshot, { newId: idMaker('again') });
    expect(again.changes.savedQueries).toBeUndefined();
    expect(again.report.counts.savedQueries.conflicts).toBe(0);
  });
});
