// What of the sources' plain text an analysis filter keeps, for the analyses that read text rather
// than codings (word frequencies of whole sources): the sources its source kinds allow and, when it
// restricts cases, only the passages of the cases it admits — a whole source linked whole to one of
// them, else the admitted cases' segments of it (overlapping ones joined, so no word counts twice).
// Coders say nothing about plain text and do not restrict it. An empty filter keeps every source whole.
import type { CaseIndex } from './caseIndex';
import { admittedCases, isEmptyFilter, type AnalysisFilter } from './filter';
import { coverOf } from './spanSearch';

export interface TextSpan {
  sourceId: string;
  /** UTF-16 offsets into the source's text, end exclusive. */
  start: number;
  end: number;
}

/** The spans of these sources (in the order given) that `filter` keeps. */
export function textKeptBy(filter: AnalysisFilter, sources: ReadonlyArray<{ id: string; length: number }>, cases: CaseIndex): TextSpan[] {
  const listed = filter.sourceIds?.length ? new Set(filter.sourceIds) : null;
  const sets = (filter.sourceSets ?? []).map((s) => new Set(s.sourceIds));
  const admitted = isEmptyFilter(filter) ? null : admittedCases(filter, cases);
  const out: TextSpan[] = [];
  for (const { id, length } of sources) {
    if (listed && !listed.has(id)) continue;
    if (!sets.every((set) => set.has(id))) continue;
    if (!admitted || (cases.wholeSource.get(id) ?? []).some((c) => admitted[c] === 1)) {
      out.push({ sourceId: id, start: 0, end: length });
      continue;
    }
    const segments = (cases.segments.get(id) ?? []).filter((s) => admitted[s.caseIndex] === 1);
    for (const span of coverOf(segments)) out.push({ sourceId: id, start: Math.max(0, span.start), end: Math.min(length, span.end) });
  }
  return out.filter((s) => s.end > s.start);
}
