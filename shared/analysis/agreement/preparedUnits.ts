// The units of one unit level, prepared once for counting: every unit's spans in typed arrays,
// sorted by source and start, with what finds the units a coding overlaps. A big project has
// 250,000 paragraphs; as objects (an id string, a label string, a span array each) they cost more
// to make and to index than the whole count that follows, so paragraphs and sentences are cut
// straight into the arrays and a unit's id and label are made only when someone asks for it (the
// few hundred disagreements listed). Segments and cases are few: they come from `buildUnits`.
import type { AgreementUnit, UnitKind, UnitProject, UnitScope } from './agreementUnits';
import { buildUnits, regionOf, sourcesInScope } from './agreementUnits';
import { segmentSentences } from './sentenceUnits';
import { isWhitespace } from './textSpan';

export interface PreparedUnits {
  kind: Exclude<UnitKind, 'character'>;
  /** How many units. */
  count: number;
  /** The sources spans lie in, by index (`spanSource`). */
  sourceIds: readonly string[];
  /**
   * Every span of every unit, sorted by source and start: span k is [spanStart[k], spanEnd[k]) in
   * source spanSource[k] (UTF-16 offsets), part of unit spanUnit[k]. A paragraph or sentence is
   * one span (span k is unit k); a case may have several.
   */
  spanSource: Int32Array;
  spanStart: Int32Array;
  spanEnd: Int32Array;
  spanUnit: Int32Array;
  /** Unit u with its id, label and spans, made on demand. */
  unitAt(u: number): AgreementUnit;
  /** Whether some span of unit u lies in a source that passes `test` (without making the unit). */
  someSourceOf(u: number, test: (sourceId: string) => boolean): boolean;
  /** Calls `visit` with each unit one of whose spans overlaps [start, end) of the source (a unit may come twice). */
  forEachOverlap(sourceId: string, start: number, end: number, visit: (unit: number) => void): void;
  /**
   * The same units written into `into` (at least `maxSpansPerSource` long), returning how many:
   * for hot loops, without a callback per coding.
   */
  overlapping(sourceId: string, start: number, end: number, into: Int32Array): number;
  /** The most spans any one source has: the buffer `overlapping` needs. */
  maxSpansPerSource: number;
}

/** Numbers pushed one by one into a typed array that grows by doubling. */
export class IntList {
  data = new Int32Array(1024);
  length = 0;

  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }

  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Builds the units once for several computations over the same texts (the table, then its
 * bootstrap and disagreements; another choice of codes or coders).
 */
export function prepareUnits(kind: Exclude<UnitKind, 'character'>, project: UnitProject, scope: UnitScope = {}): PreparedUnits {
  return kind === 'paragraph' || kind === 'sentence' ? textUnits(kind, project, scope) : listedUnits(kind, buildUnits(kind, project, scope));
}

/** Paragraphs or sentences: one span each, cut in reading order, so already sorted. */
function textUnits(kind: 'paragraph' | 'sentence', project: UnitProject, scope: UnitScope): PreparedUnits {
  const sources = sourcesInScope(project, scope.sourceIds);
  const chosenCases = scope.caseIds ? new Set(scope.caseIds) : null;
  const textOf = new Map(sources.map(({ source, text }) => [source.id, text]));
  const region = chosenCases ? regionOf(project.caseLinks.filter((l) => textOf.has(l.sourceId) && chosenCases.has(l.caseId)), textOf) : null;
  const spanSource = new IntList();
  const spanStart = new IntList();
  const spanEnd = new IntList();
  /** The unit's number within its source, from 1, counting units outside the chosen cases too (labels say "paragraph 12"). */
  const ordinal = new IntList();
  sources.forEach(({ source, text }, s) => {
    const inRegion = region ? mergedRegion(region.get(source.id) ?? []) : null;
    let r = 0;
    let n = 0;
    const keep = (start: number, end: number): void => {
      n++;
      if (inRegion) {
        // Regions sorted and disjoint, units in order: one forward walk.
        while (r < inRegion.length && inRegion[r]!.end <= start) r++;
        if (r >= inRegion.length || inRegion[r]!.start >= end) return;
      }
      spanSource.push(s);
      spanStart.push(start);
      spanEnd.push(end);
      ordinal.push(n);
    };
    if (kind === 'paragraph') forEachParagraph(text, keep);
    else for (const span of segmentSentences(text)) keep(span.start, span.end);
  });
  const starts = spanStart.done();
  const ends = spanEnd.done();
  const sourceOf = spanSource.done();
  const ordinals = ordinal.done();
  const units = new Int32Array(starts.length);
  for (let k = 0; k < units.length; k++) units[k] = k;
  const sourceIds = sources.map(({ source }) => source.id);
  const names = sources.map(({ source }) => source.name);
  return withIndex({
    kind,
    count: starts.length,
    sourceIds,
    spanSource: sourceOf,
    spanStart: starts,
    spanEnd: ends,
    spanUnit: units,
    someSourceOf: (u, test) => test(sourceIds[sourceOf[u]!]!),
    unitAt: (u) => {
      const sourceId = sourceIds[sourceOf[u]!]!;
      return { id: `${sourceId}:${starts[u]}`, label: `${names[sourceOf[u]!]}, ${kind} ${ordinals[u]}`, spans: [{ sourceId, start: starts[u]!, end: ends[u]! }] };
    },
  });
}

/** The lines of a text, trimmed of whitespace, blank ones left out: what `segmentParagraphs` gives, without making strings. */
function forEachParagraph(text: string, visit: (start: number, end: number) => void): void {
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf('\n', from);
    if (to === -1) to = text.length;
    let s = from;
    let e = to;
    while (s < e && isWhitespace(text.charCodeAt(s))) s++;
    while (e > s && isWhitespace(text.charCodeAt(e - 1))) e--;
    if (e > s) visit(s, e);
    from = to + 1;
  }
}

/** Spans sorted by start with overlaps joined. */
function mergedRegion(spans: ReadonlyArray<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Array<{ start: number; end: number }> = [];
  for (const span of sorted) {
    // An empty region still counts where it falls strictly inside a unit, as in `buildUnits`.
    const last = out[out.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ start: span.start, end: span.end });
  }
  return out;
}

/** Segments and cases: units made as objects (they are few), their spans sorted into the arrays. */
function listedUnits(kind: 'segment' | 'case', units: readonly AgreementUnit[]): PreparedUnits {
  const sourceIndex = new Map<string, number>();
  const sourceIds: string[] = [];
  const spans: Array<[number, number, number, number]> = [];
  units.forEach((unit, u) => {
    for (const span of unit.spans) {
      let s = sourceIndex.get(span.sourceId);
      if (s === undefined) {
        s = sourceIds.length;
        sourceIndex.set(span.sourceId, s);
        sourceIds.push(span.sourceId);
      }
      spans.push([s, span.start, span.end, u]);
    }
  });
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const column = (i: number): Int32Array => Int32Array.from(spans, (span) => span[i]!);
  return withIndex({
    kind,
    count: units.length,
    sourceIds,
    spanSource: column(0),
    spanStart: column(1),
    spanEnd: column(2),
    spanUnit: column(3),
    unitAt: (u) => units[u]!,
    someSourceOf: (u, test) => units[u]!.spans.some((span) => test(span.sourceId)),
  });
}

/** Adds `forEachOverlap`: per source, its range of spans, and a binary search in it. */
function withIndex(units: Omit<PreparedUnits, 'forEachOverlap' | 'overlapping' | 'maxSpansPerSource'>): PreparedUnits {
  const { sourceIds, spanSource, spanStart, spanEnd, spanUnit } = units;
  const sourceIndex = new Map(sourceIds.map((id, s) => [id, s]));
  // first[s]..first[s + 1]: the spans of source s.
  const first = new Int32Array(sourceIds.length + 1);
  for (let k = 0; k < spanSource.length; k++) first[spanSource[k]! + 1]! += 1;
  for (let s = 0; s < sourceIds.length; s++) first[s + 1]! += first[s]!;
  // maxEnd[k]: the furthest end of the source's spans up to k, so a backward scan knows when to stop.
  const maxEnd = new Int32Array(spanEnd.length);
  const disjoint = new Uint8Array(sourceIds.length).fill(1);
  for (let s = 0; s < sourceIds.length; s++) {
    let max = -1;
    for (let k = first[s]!; k < first[s + 1]!; k++) {
      if (spanStart[k]! < max) disjoint[s] = 0;
      max = Math.max(max, spanEnd[k]!);
      maxEnd[k] = max;
    }
  }
  let maxSpansPerSource = 0;
  for (let s = 0; s < sourceIds.length; s++) maxSpansPerSource = Math.max(maxSpansPerSource, first[s + 1]! - first[s]!);
  const overlapping = (sourceId: string, start: number, end: number, into: Int32Array): number => {
    const s = sourceIndex.get(sourceId);
    if (s === undefined) return 0;
    const lo = first[s]!;
    const hi = lowerBound(spanStart, end, lo, first[s + 1]!);
    let n = 0;
    if (disjoint[s]) {
      for (let k = lowerBound(spanEnd, start + 1, lo, hi); k < hi; k++) into[n++] = spanUnit[k]!;
      return n;
    }
    for (let k = hi - 1; k >= lo && maxEnd[k]! > start; k--) if (spanEnd[k]! > start) into[n++] = spanUnit[k]!;
    return n;
  };
  return {
    ...units,
    maxSpansPerSource,
    overlapping,
    forEachOverlap(sourceId, start, end, visit) {
      const s = sourceIndex.get(sourceId);
      if (s === undefined) return;
      const lo = first[s]!;
      // Spans starting before `end` are candidates: they lie in lo..hi − 1.
      const hi = lowerBound(spanStart, end, lo, first[s + 1]!);
      if (disjoint[s]) {
        // Disjoint and sorted: ends ascend too; the first span ending after `start` is the first hit.
        for (let k = lowerBound(spanEnd, start + 1, lo, hi); k < hi; k++) visit(spanUnit[k]!);
        return;
      }
      for (let k = hi - 1; k >= lo && maxEnd[k]! > start; k--) if (spanEnd[k]! > start) visit(spanUnit[k]!);
    },
  };
}

/** First index in [lo, hi) whose value is ≥ x in an ascending run of `sorted`. */
function lowerBound(sorted: Int32Array, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
