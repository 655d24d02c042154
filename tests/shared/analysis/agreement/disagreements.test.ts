// The disagreement list and "Accept": passages where coders differ, with each coder's codes, at
// paragraph and character level; accepting one coder's version, or both, into a consensus coder.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { projectSnapshotArb } from '../../model/projectArb';
import { listDisagreements } from '../../../../shared/analysis/agreement/disagreements';
import { planAcceptVersion } from '../../../../shared/analysis/agreement/acceptVersion';
import { computeAgreement } from '../../../../shared/analysis/agreement/agreementTable';
import { buildUnits } from '../../../../shared/analysis/agreement/agreementUnits';
import { applyToState, snapshotOf, stateOf } from '../../../../shared/model/snapshot';
import { ProjectBuilder } from './projectBuilder';

/** Property runs on a busy machine: far above their usual second or two, never the default 5 s. */
const PROPERTY_TIMEOUT = 60_000;

function project() {
  const b = new ProjectBuilder();
  b.coder('Ann');
  b.coder('Ben');
  const s = b.source('Interview 1', 'We trust the council.\nThey never listen.\nMoney is short.');
  const trust = b.code('Trust');
  const anger = b.code('Anger');
  b.coding('ann', trust.id, s, 'trust the council');
  b.coding('ben', trust.id, s, 'trust');
  b.coding('ann', anger.id, s, 'never listen');
  b.coding('ben', trust.id, s, 'They never');
  b.coding('ann', trust.id, s, 'Money');
  b.coding('ben', trust.id, s, 'Money is short');
  return { b, s, trust, anger };
}

const consensus = { id: 'consensus', projectId: 'p1', name: 'Consensus', color: '#000000' };

describe('disagreements', () => {
  it('lists the paragraphs where the coders’ codes differ, with each coder’s codes', () => {
    const { b, s, trust, anger } = project();
    const list = listDisagreements(b.snapshot, { coderIds: ['ann', 'ben'], codeIds: [trust.id, anger.id], unit: 'paragraph' });
    expect(list).toEqual([
      {
        id: `${s}:22`,
        label: 'Interview 1, paragraph 2',
        spans: [{ sourceId: s, start: 22, end: 40 }],
        versions: [
          { coderId: 'ann', codeIds: [anger.id], missing: false },
          { coderId: 'ben', codeIds: [trust.id], missing: false },
        ],
      },
    ]);
  });

  it('at character level lists maximal runs, whitespace neither splitting nor making one', () => {
    const { b, trust, anger } = project();
    const list = listDisagreements(b.snapshot, { coderIds: ['ann', 'ben'], codeIds: [trust.id, anger.id], unit: 'character' });
    expect(list.map((d) => [d.label, d.versions.map((v) => v.codeIds.length)])).toEqual([
      ['Interview 1: “the council”', [1, 0]],
      ['Interview 1: “They”', [0, 1]],
      ['Interview 1: “never”', [1, 1]],
      ['Interview 1: “listen”', [1, 0]],
      ['Interview 1: “is short”', [0, 1]],
    ]);
  });

  it('accepting one coder’s version copies their codings to the consensus coder; accepting again adds nothing', () => {
    const { b, trust, anger } = project();
    const [passage] = listDisagreements(b.snapshot, { coderIds: ['ann', 'ben'], codeIds: [trust.id, anger.id], unit: 'paragraph' });
    let n = 0;
    const request = { spans: passage!.spans, acceptCoderIds: ['ann'], codeIds: [trust.id, anger.id], consensus, newId: () => `copy-${++n}`, now: '2025-04-01T00:00:00.000Z' };
    const set = planAcceptVersion(b.snapshot, request);
    expect(set.coders!.added).toEqual([consensus]);
    expect(set.codings!.added).toEqual([expect.objectContaining({ id: 'copy-1', coder: 'consensus', codeId: anger.id, exact: 'never listen', createdAt: '2025-04-01T00:00:00.000Z' })]);
    const state = stateOf(b.snapshot);
    applyToState(state, set);
    const after = snapshotOf(state);
    expect(planAcceptVersion(after, request)).toEqual({});
    // Accept both: Ben's coding is added beside Ann's, still no duplicate.
    const both = planAcceptVersion(after, { ...request, acceptCoderIds: ['ann', 'ben'] });
    expect(both.coders).toBeUndefined();
    expect(both.codings!.added.map((c) => [c.coder, c.exact])).toEqual([['consensus', 'They never']]);
  });

  it('the consensus coder agrees fully with the coder whose version was accepted everywhere', () => {
    const { b, trust, anger } = project();
    const codeIds = [trust.id, anger.id];
    let n = 0;
    const state = stateOf(b.snapshot);
    for (const unit of buildUnits('paragraph', b.snapshot)) {
      applyToState(state, planAcceptVersion(snapshotOf(state), { spans: unit.spans, acceptCoderIds: ['ben'], codeIds, consensus, newId: () => `c${++n}`, now: 't' }));
    }
    const result = computeAgreement(snapshotOf(state), { coders: ['Ben', 'Consensus'], unit: 'paragraph', codeIds, bootstrap: false });
    if (!result.ok) throw new Error(result.reason);
    expect(result.table.rows[0]!.counts).toMatchObject({ all: 3, some: 0 });
    expect(result.table.overall.percentAgreement).toBe(1);
    expect(listDisagreements(snapshotOf(state), { coderIds: ['ben', 'consensus'], codeIds, unit: 'character' })).toEqual([]);
  });
});

describe('disagreements against the pattern counts', () => {
  it('list exactly the units where, for some code, the two coders differ', { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(projectSnapshotArb, fc.constantFrom('paragraph', 'sentence', 'segment') as fc.Arbitrary<'paragraph' | 'sentence' | 'segment'>, (p, unit) => {
        const coders = [...new Set(p.codings.map((c) => c.coder)), 'nobody'].slice(0, 2);
        const codeIds = p.codes.map((c) => c.id);
        const listed = new Set(listDisagreements(p, { coderIds: coders, codeIds, unit, missing: 'none' }).map((d) => d.id));
        const expected = new Set<string>();
        for (const u of buildUnits(unit, p)) {
          const codesOf = (coder: string): string =>
            codeIds.filter((code) => p.codings.some((c) => c.coder === coder && c.codeId === code && u.spans.some((s) => s.sourceId === c.sourceId && c.start < s.end && c.end > s.start))).join();
          if (codesOf(coders[0]!) !== codesOf(coders[1]!)) expected.add(u.id);
        }
        expect(listed).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
