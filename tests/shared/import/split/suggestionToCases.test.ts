import { describe, expect, it } from 'vitest';
import { planSplitImport, suggestionToCases } from '../../../../shared/import/split/suggestionToCases';
import type { SplitSuggestion } from '../../../../shared/import/split/types';
import type { Case } from '../../../../shared/model/cases';

const SUGGESTION: SplitSuggestion = {
  preface: { start: 0, end: 10 },
  segments: [
    { start: 20, end: 30, label: 'I', order: 1, timestamp: '00:00:04' },
    { start: 40, end: 50, label: 'R', order: 2, timestamp: '00:00:11' },
    { start: 60, end: 70, label: 'I', order: 3 },
  ],
};

function ids() {
  let n = 0;
  return () => `id-${++n}`;
}

describe('suggestionToCases', () => {
  it('groups segments by label, in order of first appearance', () => {
    expect(suggestionToCases(SUGGESTION).map((c) => [c.name, c.segments.map((s) => s.order)])).toEqual([
      ['I', [1, 3]],
      ['R', [2]],
    ]);
  });
});

describe('planSplitImport', () => {
  const base = { projectId: 'p', sourceId: 's', now: '2026-01-01T00:00:00.000Z' };

  it('types the speakers’ new cases, not the preface’s nor an existing one', () => {
    const existing = new Map<string, Case>([['R', { id: 'old', projectId: 'p', name: 'R', order: 1, createdAt: base.now }]]);
    const plan = planSplitImport(SUGGESTION, { ...base, newId: ids(), caseType: 'interviewee', prefaceCaseName: 'Intro', existingCases: existing });
    expect(plan.cases.map((c) => [c.name, c.type])).toEqual([
      ['Intro', undefined],
      ['I', 'interviewee'],
    ]);
  });

  it('creates a case per label and a link per segment carrying order and timestamp', () => {
    const plan = planSplitImport(SUGGESTION, { ...base, newId: ids(), firstOrder: 5 });
    expect(plan.cases).toEqual([
      { id: 'id-1', projectId: 'p', name: 'I', order: 5, createdAt: base.now },
      { id: 'id-2', projectId: 'p', name: 'R', order: 6, createdAt: base.now },
    ]);
    expect(plan.links).toEqual([
      { id: 'id-3', projectId: 'p', caseId: 'id-1', sourceId: 's', start: 20, end: 30, order: 1, timestamp: '00:00:04' },
      { id: 'id-4', projectId: 'p', caseId: 'id-2', sourceId: 's', start: 40, end: 50, order: 2, timestamp: '00:00:11' },
      { id: 'id-5', projectId: 'p', caseId: 'id-1', sourceId: 's', start: 60, end: 70, order: 3 },
    ]);
  });

  it('links to cases the project already has instead of duplicating them', () => {
    const existing: Case = { id: 'case-r', projectId: 'p', name: 'R', order: 1, createdAt: base.now };
    const plan = planSplitImport(SUGGESTION, { ...base, newId: ids(), existingCases: new Map([['R', existing]]) });
    expect(plan.cases.map((c) => c.name)).toEqual(['I']);
    expect(plan.links.filter((l) => l.caseId === 'case-r')).toHaveLength(1);
  });

  it('makes the preface a case when asked (the article)', () => {
    const plan = planSplitImport(SUGGESTION, { ...base, newId: ids(), prefaceCaseName: 'Article' });
    expect(plan.cases[0]!.name).toBe('Article');
    expect(plan.links[0]).toMatchObject({ caseId: plan.cases[0]!.id, start: 0, end: 10 });
  });
});
