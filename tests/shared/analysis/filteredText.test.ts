// The plain text a filter keeps (word frequencies of whole sources under a filter): its sources,
// and only the passages of the cases it admits.
import { describe, expect, it } from 'vitest';
import { buildCaseIndex } from '../../../shared/analysis/caseIndex';
import { textKeptBy } from '../../../shared/analysis/filteredText';
import type { AnalysisFilter } from '../../../shared/analysis/filter';
import { CASES, TEXTS, TURNS } from './caseFixture';

const index = buildCaseIndex(CASES);
const sources = [...TEXTS].map(([id, text]) => ({ id, length: text.length }));
const texts = (filter: AnalysisFilter): string[] => textKeptBy(filter, sources, index).map((s) => TEXTS.get(s.sourceId)!.slice(s.start, s.end));

describe('text kept by a filter', () => {
  it('keeps every source whole without a filter, and with only coders (plain text has no coder)', () => {
    expect(texts({})).toEqual([...TEXTS.values()]);
    expect(texts({ coders: ['aiko-coder'] })).toEqual([...TEXTS.values()]);
  });

  it('keeps the listed sources, and only those in every source set', () => {
    expect(texts({ sourceIds: ['note', 'interview'] })).toEqual([TEXTS.get('interview'), TEXTS.get('note')]);
    expect(texts({ sourceIds: ['thread', 'note'], sourceSets: [{ name: 'Wave 2', sourceIds: ['note'] }] })).toEqual([TEXTS.get('note')]);
  });

  it('keeps only the turns of the admitted cases, across sources, and whole sources linked whole', () => {
    const thread = TEXTS.get('thread')!;
    expect(texts({ caseIds: ['aiko'] })).toEqual([thread.slice(...TURNS.aiko1), thread.slice(...TURNS.aiko2), TEXTS.get('note')]);
    expect(texts({ caseIds: ['ben'] })).toEqual([thread.slice(...TURNS.ben)]);
    // Kanto: Aiko (turns) and Dana (the interview, linked whole).
    expect(texts({ attributes: [{ attributeId: 'region', op: 'equals', value: 'Kanto' }] })).toEqual([
      thread.slice(...TURNS.aiko1),
      thread.slice(...TURNS.aiko2),
      TEXTS.get('interview'),
      TEXTS.get('note'),
    ]);
  });

  it('keeps nothing when no case is admitted', () => {
    expect(texts({ caseIds: ['nobody'] })).toEqual([]);
    expect(texts({ caseIds: ['ben'], sourceIds: ['interview'] })).toEqual([]);
  });
});
