// Analysis filters: which codings an analysis (coded segments, co-occurrence, crosstabs, exports)
// looks at, by case, case type, attribute conditions, source, source set and coder.
//
// How a filter combines:
// - different kinds are ANDed: "cases of type respondent" AND "region = Kanto" AND "coder Aiko";
// - the entries of one kind are ORed: sources [A, B] means A or B, coders [x, y] means x or y;
// - attribute conditions are all true of ONE case: a coding passes when it is in at least one
//   case that has the listed type (if any), is one of the listed cases (if any) and meets every
//   attribute condition. Which cases a coding is in follows caseIndex.ts (sharing a character
//   with a case segment, or a whole-source link; touching does not count).
// - sources and source sets are separate kinds: a coding passes when its source is one of the
//   listed sources (if any) AND in every listed set.
// - an empty list, or an absent one, does not restrict. An empty filter keeps every coding.
// A missing attribute value meets no condition.
import type { AttributeValue } from '../model/cases';
import { buildCaseIndex, type CaseIndex } from './caseIndex';
import type { CaseData } from './caseData';

export type AttributeCondition =
  /** The value is exactly this (text compared as written, numbers as numbers). */
  | { attributeId: string; op: 'equals'; value: Exclude<AttributeValue, null> }
  /** The value is one of these. */
  | { attributeId: string; op: 'in'; values: Array<Exclude<AttributeValue, null>> }
  /** A number within [min, max], both inclusive, either open. */
  | { attributeId: string; op: 'range'; min?: number; max?: number }
  /** An ISO calendar date strictly after `after` and strictly before `before` (either open). */
  | { attributeId: string; op: 'date'; after?: string; before?: string };

/**
 * A source set: sources the user grouped and named ("Wave 1 interviews"). Projects have no
 * stored source sets yet, so a filter carries its sets' members itself.
 */
export interface SourceSet {
  name: string;
  sourceIds: string[];
}

export interface AnalysisFilter {
  caseIds?: string[];
  caseTypes?: string[];
  attributes?: AttributeCondition[];
  sourceIds?: string[];
  sourceSets?: SourceSet[];
  /** Coder ids, as `Coding.coder` holds them. */
  coders?: string[];
}

/** A filter the user saved under a name, as stored in the project (plain JSON). */
export interface SavedFilter {
  id: string;
  name: string;
  filter: AnalysisFilter;
}

/** What a filter needs to know about a coding. */
export interface FilterableCoding {
  sourceId: string;
  start: number;
  end: number;
  coder: string;
}

export function isEmptyFilter(filter: AnalysisFilter): boolean {
  return (
    !filter.caseIds?.length &&
    !filter.caseTypes?.length &&
    !filter.attributes?.length &&
    !filter.sourceIds?.length &&
    !filter.sourceSets?.length &&
    !filter.coders?.length
  );
}

export function meetsCondition(value: AttributeValue | undefined, condition: AttributeCondition): boolean {
  if (value === undefined || value === null) return false;
  switch (condition.op) {
    case 'equals':
      return value === condition.value;
    case 'in':
      return condition.values.includes(value);
    case 'range':
      return typeof value === 'number' && (condition.min === undefined || value >= condition.min) && (condition.max === undefined || value <= condition.max);
    case 'date':
      // ISO calendar dates compare as text; a date with a time ("2025-05-12T…") compares by its day.
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return false;
      return (condition.after === undefined || value.slice(0, 10) > condition.after) && (condition.before === undefined || value.slice(0, 10) < condition.before);
  }
}

/** Which cases (positions in the index) pass the case-level kinds of a filter; null when none restrict. */
export function admittedCases(filter: AnalysisFilter, index: CaseIndex): Uint8Array | null {
  const byId = filter.caseIds?.length ? new Set(filter.caseIds) : null;
  const byType = filter.caseTypes?.length ? new Set(filter.caseTypes) : null;
  const conditions = filter.attributes ?? [];
  if (!byId && !byType && conditions.length === 0) return null;
  const admitted = new Uint8Array(index.cases.length);
  index.cases.forEach((c, i) => {
    if (byId && !byId.has(c.id)) return;
    if (byType && (c.type === undefined || !byType.has(c.type))) return;
    if (!conditions.every((k) => meetsCondition(index.valueOf(i, k.attributeId), k))) return;
    admitted[i] = 1;
  });
  return admitted;
}

/** A filter made ready to test many codings: the case index and the admitted cases worked out once. */
export function compileFilter(filter: AnalysisFilter, cases: CaseData | CaseIndex): (coding: FilterableCoding) => boolean {
  if (isEmptyFilter(filter)) return () => true;
  const index = 'casesOfSpan' in cases ? cases : buildCaseIndex(cases);
  const admitted = admittedCases(filter, index);
  const sources = filter.sourceIds?.length ? new Set(filter.sourceIds) : null;
  const sets = (filter.sourceSets ?? []).map((s) => new Set(s.sourceIds));
  const coders = filter.coders?.length ? new Set(filter.coders) : null;
  return (coding) => {
    if (coders && !coders.has(coding.coder)) return false;
    if (sources && !sources.has(coding.sourceId)) return false;
    for (const set of sets) if (!set.has(coding.sourceId)) return false;
    if (admitted) {
      const inCases = index.casesOfSpan(coding.sourceId, coding.start, coding.end);
      if (!inCases.some((i) => admitted[i] === 1)) return false;
    }
    return true;
  };
}

/** Per coding, 1 when the filter keeps it, 0 when not (aligned with `codings`). */
export function matchCodings(filter: AnalysisFilter, data: { codings: readonly FilterableCoding[]; cases: CaseData | CaseIndex }): Uint8Array {
  const keep = compileFilter(filter, data.cases);
  const out = new Uint8Array(data.codings.length);
  for (let i = 0; i < data.codings.length; i++) out[i] = keep(data.codings[i]!) ? 1 : 0;
  return out;
}

/** The codings a filter keeps, in their order. */
export function filterCodings<T extends FilterableCoding>(filter: AnalysisFilter, codings: readonly T[], cases: CaseData | CaseIndex): T[] {
  const keep = compileFilter(filter, cases);
  return codings.filter(keep);
}

/**
 * The cases a filter admits, as CaseData with only those cases (and their values and links): what
 * a crosstab's case columns and a unit × code matrix's case rows show under a filter. The filter's
 * source and coder kinds do not remove cases; an empty filter keeps them all.
 */
export function casesAdmittedBy(filter: AnalysisFilter, data: CaseData): CaseData {
  const index = buildCaseIndex(data);
  const admitted = admittedCases(filter, index);
  if (!admitted) return data;
  const keep = new Set(index.cases.filter((_, i) => admitted[i] === 1).map((c) => c.id));
  return {
    cases: data.cases.filter((c) => keep.has(c.id)),
    attributes: data.attributes,
    values: data.values.filter((v) => keep.has(v.caseId)),
    links: data.links.filter((l) => keep.has(l.caseId)),
  };
}
