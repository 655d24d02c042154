// Turns a checked split suggestion into cases: one per distinct label (a commenter who writes
// twice is one case with two segments), in order of first appearance, and the records to store.
import type { Case, CaseLink } from '../../model/cases';
import type { SplitSegment, SplitSuggestion } from './types';

export interface SuggestedCase {
  name: string;
  segments: SplitSegment[];
}

/** Groups segments by label. Labels are compared exactly as written, after trimming. */
export function suggestionToCases(suggestion: SplitSuggestion): SuggestedCase[] {
  const byName = new Map<string, SuggestedCase>();
  for (const segment of suggestion.segments) {
    const name = segment.label.trim();
    let group = byName.get(name);
    if (!group) {
      group = { name, segments: [] };
      byName.set(name, group);
    }
    group.segments.push(segment);
  }
  return [...byName.values()];
}

export interface SplitPlanContext {
  projectId: string;
  /** The source the suggestion was made on (already stored, or about to be). */
  sourceId: string;
  newId: () => string;
  /** ISO 8601 time for createdAt. */
  now: string;
  /** Order of the first new case, so new cases follow the existing ones. Default 1. */
  firstOrder?: number;
  /**
   * Cases that already exist in the project, by name: a speaker already known from another
   * transcript gets links, not a duplicate case.
   */
  existingCases?: ReadonlyMap<string, Case>;
  /** When set, the preface (e.g. the article) also becomes a case with this name. */
  prefaceCaseName?: string;
  /** The type of the new speakers' or commenters' cases ("commenter", "interviewee"); the preface's case stays untyped. */
  caseType?: string;
}

export interface SplitPlan {
  /** New cases only; links may also point at existing ones. */
  cases: Case[];
  links: CaseLink[];
}

export function planSplitImport(suggestion: SplitSuggestion, context: SplitPlanContext): SplitPlan {
  const cases: Case[] = [];
  const links: CaseLink[] = [];
  let order = context.firstOrder ?? 1;
  const caseFor = (name: string, type?: string): Case => {
    const existing = context.existingCases?.get(name) ?? cases.find((c) => c.name === name);
    if (existing) return existing;
    const created: Case = { id: context.newId(), projectId: context.projectId, name, order: order++, createdAt: context.now, ...(type !== undefined ? { type } : {}) };
    cases.push(created);
    return created;
  };
  if (context.prefaceCaseName !== undefined && suggestion.preface) {
    const prefaceCase = caseFor(context.prefaceCaseName);
    links.push({ id: context.newId(), projectId: context.projectId, caseId: prefaceCase.id, sourceId: context.sourceId, ...suggestion.preface });
  }
  // Cases in order of first appearance, then links in the order the segments run.
  const owners = new Map(suggestionToCases(suggestion).map((group) => [group.name, caseFor(group.name, context.caseType)]));
  for (const segment of suggestion.segments) {
    links.push({
      id: context.newId(),
      projectId: context.projectId,
      caseId: owners.get(segment.label.trim())!.id,
      sourceId: context.sourceId,
      start: segment.start,
      end: segment.end,
      order: segment.order,
      ...(segment.timestamp ? { timestamp: segment.timestamp } : {}),
    });
  }
  return { cases, links };
}
