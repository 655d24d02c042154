// Filters: which codings an analysis keeps, said in words, saved and read back.
import { describe, expect, it } from 'vitest';
import { filterCodings, matchCodings, type AnalysisFilter } from '../../../shared/analysis/filter';
import { describeFilter } from '../../../shared/analysis/filterDescription';
import { parseAnalysisFilter, parseSavedFilter } from '../../../shared/analysis/filterSchema';
import { CASES, coded, SOURCES } from './caseFixture';

const aikoDistrust = coded('thread', 'distrust', 'distrust');
const benTrust = coded('thread', 'trust', 'trust them', { coder: 'ben-coder' });
const acrossTurns = { ...coded('thread', 'place', '😀.\nBen'), coder: 'ben-coder' };
const lineBreak = { ...coded('thread', 'place', '\n'), coder: 'aiko-coder' };
const danaTrust = coded('interview', 'trust', 'trust nobody');
const aikoNote = coded('note', 'distrust', 'distrust again');
const codings = [aikoDistrust, benTrust, acrossTurns, lineBreak, danaTrust, aikoNote];

const kept = (filter: AnalysisFilter): string[] => filterCodings(filter, codings, CASES).map((c) => c.id);

const vocabulary = {
  cases: CASES.cases,
  attributes: CASES.attributes,
  sources: SOURCES,
  coders: [
    { id: 'aiko-coder', name: 'Aiko T.' },
    { id: 'ben-coder', name: 'Ben K.' },
  ],
};

describe('filters', () => {
  it('keeps everything when empty, and matchCodings marks each coding', () => {
    expect(kept({})).toEqual(codings.map((c) => c.id));
    expect([...matchCodings({ coders: ['ben-coder'] }, { codings, cases: CASES })]).toEqual([0, 1, 1, 0, 0, 0]);
  });

  it('keeps the codings of a case, across its sources, and of both cases of a passage across turns', () => {
    expect(kept({ caseIds: ['aiko'] })).toEqual([aikoDistrust.id, acrossTurns.id, aikoNote.id]);
    expect(kept({ caseIds: ['ben'] })).toEqual([benTrust.id, acrossTurns.id]);
    // The line break between turns touches both and is in no case.
    expect(kept({ caseIds: ['aiko', 'ben', 'dana'] })).not.toContain(lineBreak.id);
  });

  it('filters by case type', () => {
    expect(kept({ caseTypes: ['interviewee'] })).toEqual([danaTrust.id]);
  });

  it('filters by attribute: equals, in, numeric range, dates before and after', () => {
    expect(kept({ attributes: [{ attributeId: 'region', op: 'equals', value: 'Kansai' }] })).toEqual([benTrust.id, acrossTurns.id]);
    expect(kept({ attributes: [{ attributeId: 'region', op: 'in', values: ['Kanto'] }] })).toEqual([aikoDistrust.id, acrossTurns.id, danaTrust.id, aikoNote.id]);
    expect(kept({ attributes: [{ attributeId: 'age', op: 'range', min: 50 }] })).toEqual([benTrust.id, acrossTurns.id]);
    // Dana's age is missing: a missing value meets no condition.
    expect(kept({ attributes: [{ attributeId: 'age', op: 'range', max: 200 }] })).not.toContain(danaTrust.id);
    expect(kept({ attributes: [{ attributeId: 'joined', op: 'date', before: '2025-01-01' }] })).toEqual([aikoDistrust.id, acrossTurns.id, aikoNote.id]);
    expect(kept({ attributes: [{ attributeId: 'joined', op: 'date', after: '2025-01-15' }] })).toEqual([]);
  });

  it('needs every attribute condition to hold for one case', () => {
    // Region Kanto is Aiko and Dana; age ≥ 50 is Ben: no one case is both.
    const both: AnalysisFilter = {
      attributes: [
        { attributeId: 'region', op: 'equals', value: 'Kanto' },
        { attributeId: 'age', op: 'range', min: 50 },
      ],
    };
    expect(kept(both)).toEqual([]);
  });

  it('ANDs the kinds together: sources, source sets, coders and cases', () => {
    expect(kept({ sourceIds: ['thread', 'note'], coders: ['aiko-coder'] })).toEqual([aikoDistrust.id, lineBreak.id, aikoNote.id]);
    expect(kept({ sourceIds: ['thread', 'note'], sourceSets: [{ name: 'Notes', sourceIds: ['note', 'interview'] }] })).toEqual([aikoNote.id]);
    expect(kept({ caseIds: ['aiko'], coders: ['ben-coder'] })).toEqual([acrossTurns.id]);
  });

  it('describes the active filter in words', () => {
    expect(describeFilter({}, vocabulary)).toBe('All codings');
    expect(describeFilter({ attributes: [{ attributeId: 'region', op: 'equals', value: 'Kanto' }], coders: ['aiko-coder'] }, vocabulary)).toBe(
      'Cases: region = Kanto; coder: Aiko T.',
    );
    expect(
      describeFilter(
        {
          caseIds: ['aiko', 'ben'],
          caseTypes: ['commenter'],
          attributes: [
            { attributeId: 'age', op: 'range', min: 20, max: 40 },
            { attributeId: 'joined', op: 'date', after: '2024-01-01' },
          ],
          sourceIds: ['thread'],
          sourceSets: [{ name: 'Wave 1', sourceIds: ['thread'] }],
        },
        vocabulary,
      ),
    ).toBe('Cases: Aiko or Ben, type Commenter, age 20–40, joined after 2024-01-01; source: thread.txt; source set: Wave 1');
    expect(describeFilter({ sourceIds: ['gone-0123456789'] }, vocabulary)).toBe('Source: (deleted gone-012)');
  });

  it('survives JSON and refuses anything that is not a filter, with a message', () => {
    const saved = { id: 'f1', name: 'Kanto commenters', filter: { caseTypes: ['commenter'], attributes: [{ attributeId: 'region', op: 'in', values: ['Kanto'] }] } };
    const back = parseSavedFilter(JSON.parse(JSON.stringify(saved)));
    expect(back).toEqual({ ok: true, value: saved });
    const bad = parseAnalysisFilter({ attributes: [{ attributeId: 'joined', op: 'date', before: 'next week' }] });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^This is not a valid filter \(at attributes\.0\.before\)/);
    expect(parseAnalysisFilter({ coders: ['x'], extra: 1 }).ok).toBe(false);
    expect(parseAnalysisFilter('cases').ok).toBe(false);
  });
});

describe('casesAdmittedBy', () => {
  it('keeps the cases a filter admits, with their values and links', async () => {
    const { casesAdmittedBy } = await import('../../../shared/analysis/filter');
    const kanto = casesAdmittedBy({ attributes: [{ attributeId: 'region', op: 'equals', value: 'Kanto' }] }, CASES);
    expect(kanto.cases.map((c) => c.id).sort()).toEqual(['aiko', 'dana']);
    expect(kanto.links.every((l) => l.caseId !== 'ben')).toBe(true);
    expect(kanto.values.every((v) => v.caseId !== 'ben')).toBe(true);
    expect(casesAdmittedBy({ coders: ['x'] }, CASES)).toBe(CASES);
  });
});
