// Which cases a coded passage belongs to. The rule, used by filters, the segments CSV, crosstabs,
// queries and the unit × code matrix alike:
//   a span of a source is in a case when the case is linked to that whole source, or when the span
//   shares at least one character with one of the case's segments of that source.
// Touching is not sharing: a coding that ends exactly where a speaker's turn starts is not in that
// speaker's case (the same rule as co-occurrence). An empty span shares no character, so it is in
// the cases of whole-source links only. A passage across two turns is in both speakers' cases.
import type { AttributeValue } from '../model/cases';
import type { CaseData } from './caseData';

/** One case segment of a source, in the index's arrays. */
export interface CaseSegment {
  /** Position of the case in `CaseIndex.cases`. */
  caseIndex: number;
  /** The link's id where it has one (a split segment); else a position-based key. */
  key: string;
  sourceId: string;
  start: number;
  end: number;
  order?: number;
}

export interface CaseIndex {
  /** The cases in list order (by `order`, then name). */
  cases: CaseData['cases'][number][];
  positionOf: ReadonlyMap<string, number>;
  /** The attributes in column order: by `order` (absent last), then name. */
  attributes: CaseData['attributes'][number][];
  /** The cases linked to a whole source, by source id (positions into `cases`). */
  wholeSource: ReadonlyMap<string, readonly number[]>;
  /** Each source's case segments, sorted by start then end. */
  segments: ReadonlyMap<string, readonly CaseSegment[]>;
  /** Each case's value for an attribute: `valueOf(casePosition, attributeId)`; undefined when missing. */
  valueOf(casePosition: number, attributeId: string): Exclude<AttributeValue, null> | undefined;
  /** The positions of the cases a span is in (see the rule above), ascending, without repeats. */
  casesOfSpan(sourceId: string, start: number, end: number): number[];
  /** The segments a span shares at least one character with, in order. */
  segmentsOfSpan(sourceId: string, start: number, end: number): CaseSegment[];
  /** The sources each case is linked to (whole or by a segment), in no particular order. */
  sourcesOfCase(casePosition: number): ReadonlySet<string>;
}

interface SourceSegments {
  list: CaseSegment[];
  /** maxEnd[i]: the greatest end among list[0..i], so a backwards walk knows when to stop. */
  maxEnd: number[];
}

export function buildCaseIndex(data: CaseData): CaseIndex {
  const cases = [...data.cases].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const positionOf = new Map(cases.map((c, i) => [c.id, i]));
  const wholeSource = new Map<string, number[]>();
  const bySource = new Map<string, SourceSegments>();
  const caseSources = cases.map(() => new Set<string>());
  for (const link of data.links) {
    const position = positionOf.get(link.caseId);
    if (position === undefined) continue;
    caseSources[position]!.add(link.sourceId);
    if (link.start === undefined || link.end === undefined) {
      const list = wholeSource.get(link.sourceId) ?? [];
      if (!list.includes(position)) list.push(position);
      wholeSource.set(link.sourceId, list);
      continue;
    }
    const entry = bySource.get(link.sourceId) ?? { list: [], maxEnd: [] };
    entry.list.push({
      caseIndex: position,
      key: link.id ?? `${link.caseId}@${link.sourceId}:${link.start}-${link.end}`,
      sourceId: link.sourceId,
      start: link.start,
      end: link.end,
      ...(link.order !== undefined ? { order: link.order } : {}),
    });
    bySource.set(link.sourceId, entry);
  }
  for (const list of wholeSource.values()) list.sort((a, b) => a - b);
  for (const entry of bySource.values()) {
    entry.list.sort((a, b) => a.start - b.start || a.end - b.end);
    let max = -Infinity;
    entry.maxEnd = entry.list.map((s) => (max = Math.max(max, s.end)));
  }
  const values = new Map<string, Map<number, Exclude<AttributeValue, null>>>();
  for (const v of data.values) {
    const position = positionOf.get(v.caseId);
    if (position === undefined || v.value === null) continue;
    let column = values.get(v.attributeId);
    if (!column) values.set(v.attributeId, (column = new Map()));
    column.set(position, v.value);
  }

  function segmentsOfSpan(sourceId: string, start: number, end: number): CaseSegment[] {
    const entry = bySource.get(sourceId);
    if (!entry || end <= start) return [];
    const { list, maxEnd } = entry;
    // The last segment starting before `end`; every one after it starts at or past `end`.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.start < end) lo = mid + 1;
      else hi = mid;
    }
    const out: CaseSegment[] = [];
    for (let i = lo - 1; i >= 0 && maxEnd[i]! > start; i--) {
      const s = list[i]!;
      if (s.end > start && s.end > s.start) out.push(s);
    }
    return out.reverse();
  }

  const attributes = [...data.attributes].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return {
    cases,
    positionOf,
    attributes,
    wholeSource,
    segments: new Map([...bySource].map(([id, e]) => [id, e.list])),
    valueOf: (position, attributeId) => values.get(attributeId)?.get(position),
    segmentsOfSpan,
    casesOfSpan(sourceId, start, end) {
      // The hot path of every case-aware analysis (once per coding): no intermediate lists.
      const whole = wholeSource.get(sourceId);
      const entry = bySource.get(sourceId);
      if (!entry || end <= start) return whole ? [...whole] : [];
      const { list, maxEnd } = entry;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (list[mid]!.start < end) lo = mid + 1;
        else hi = mid;
      }
      const out: number[] = whole ? [...whole] : [];
      for (let i = lo - 1; i >= 0 && maxEnd[i]! > start; i--) {
        const s = list[i]!;
        if (s.end > start && s.end > s.start && !out.includes(s.caseIndex)) out.push(s.caseIndex);
      }
      if (out.length > 1) out.sort((a, b) => a - b);
      return out;
    },
    sourcesOfCase: (position) => caseSources[position] ?? new Set(),
  };
}

/** An attribute value as a CSV cell or a column label shows it. Booleans as true/false. */
export function formatAttributeValue(value: AttributeValue | undefined): string {
  if (value === undefined || value === null) return '';
  return String(value);
}
