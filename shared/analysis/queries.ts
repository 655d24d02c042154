// Coding queries: which passages two codes make together. A query is plain data (saved in the
// project and run again later), run over codings as plain arrays.
//
// What each kind returns (segments of sources, in reading order):
// - and: where both codes apply: the characters coded A and coded B (touching is not overlapping),
//   each stretch once;
// - or: every coding of A or of B (one segment per distinct span);
// - not: the codings of A that share no character with any coding of B ("coded A but not B");
// - same: the codings of A and of B that share a unit with a coding of the other code: the same
//   case (caseIndex.ts's rule, across sources), the same paragraph (line), or the same case segment;
// - near: the codings of A and of B at most `distance` characters (or paragraphs) apart — an
//   overlap or a touch is 0 apart, as is the same paragraph;
// - followedBy: the codings of A with a coding of B starting at or after A's end within `distance`
//   characters (or paragraphs: B starts at most that many paragraphs after the one A ends in),
//   and those B codings.
// A code's subcodes count as the code when `includeSubcodes` is set. Empty codings (imported data
// can hold one) share no character with anything and are left out. A coding of both operands
// (A and B the same code) is never its own partner.
import type { CodeLike } from '../codebook/tree';
import { buildCaseIndex, type CaseIndex } from './caseIndex';
import type { CaseData } from './caseData';
import { codeGroups } from './codeGroups';
import { paragraphsOfSpan, paragraphStarts } from './paragraphUnits';
import { coverOf, intersectCovers, SortedSpans } from './spanSearch';

export interface QueryOperand {
  codeId: string;
  includeSubcodes?: boolean;
}

export type ProximityUnit = 'characters' | 'paragraphs';

export type Query =
  | { kind: 'and'; a: QueryOperand; b: QueryOperand }
  | { kind: 'or'; a: QueryOperand; b: QueryOperand }
  | { kind: 'not'; a: QueryOperand; b: QueryOperand }
  | { kind: 'same'; a: QueryOperand; b: QueryOperand; unit: 'case' | 'paragraph' | 'segment' }
  | { kind: 'near'; a: QueryOperand; b: QueryOperand; distance: number; unit: ProximityUnit }
  | { kind: 'followedBy'; a: QueryOperand; b: QueryOperand; distance: number; unit: ProximityUnit };

export interface SavedQuery {
  id: string;
  name: string;
  query: Query;
}

export interface QueryCoding {
  id: string;
  sourceId: string;
  codeId: string;
  start: number;
  end: number;
}

export interface QueryData {
  codes: readonly CodeLike[];
  codings: readonly QueryCoding[];
  /** Needed by `same` with unit case or segment. */
  cases?: CaseData | CaseIndex;
  /** Source texts, needed by paragraph units (only their line breaks are read). */
  texts?: ReadonlyMap<string, string>;
  /**
   * Or, instead of the texts, each source's paragraph starts (paragraphUnits.ts
   * `paragraphStarts`): a caller that runs many queries keeps them rather than 20 MB of text.
   */
  paragraphs?: ReadonlyMap<string, readonly number[]>;
  /** Reading order of sources (retrieval.ts `sourceRanks`); without it, by source id. */
  sourceOrder?: ReadonlyMap<string, number>;
}

/** One passage a query found: UTF-16 offsets into its source, and the codings behind it. */
export interface QueryResult {
  sourceId: string;
  start: number;
  end: number;
  codingIds: string[];
}

/** The codings of each operand in one source (the same coding may be in both). */
interface Sides {
  a: QueryCoding[];
  b: QueryCoding[];
}

function needsParagraphs(query: Query): boolean {
  return (query.kind === 'same' && query.unit === 'paragraph') || ((query.kind === 'near' || query.kind === 'followedBy') && query.unit === 'paragraphs');
}

/** A sentence for a user about why a query cannot run, or null when it can. */
export function checkQuery(query: Query, data: Pick<QueryData, 'codes' | 'cases' | 'texts' | 'paragraphs'>): string | null {
  const ids = new Set(data.codes.map((c) => c.id));
  if (!ids.has(query.a.codeId) || !ids.has(query.b.codeId)) return 'A code of this query no longer exists.';
  if ((query.kind === 'near' || query.kind === 'followedBy') && (!Number.isInteger(query.distance) || query.distance < 0)) {
    return 'The distance must be a whole number, 0 or more.';
  }
  if (query.kind === 'same' && query.unit !== 'paragraph' && !data.cases) return 'This query needs the project’s cases.';
  if (needsParagraphs(query) && !data.texts && !data.paragraphs) return 'This query needs the source texts.';
  return null;
}

export function runQuery(query: Query, data: QueryData): QueryResult[] {
  const problem = checkQuery(query, data);
  if (problem) throw new Error(problem);
  const codesA = new Set(codeGroups(data.codes, [query.a.codeId], query.a.includeSubcodes === true)[0]!.codeIds);
  const codesB = new Set(codeGroups(data.codes, [query.b.codeId], query.b.includeSubcodes === true)[0]!.codeIds);
  // One coding may be on both sides (A is B, or B is A's subcode): it is in both lists.
  const bySource = new Map<string, Sides>();
  for (const coding of data.codings) {
    if (coding.end <= coding.start) continue;
    const inA = codesA.has(coding.codeId);
    const inB = codesB.has(coding.codeId);
    if (!inA && !inB) continue;
    let entry = bySource.get(coding.sourceId);
    if (!entry) bySource.set(coding.sourceId, (entry = { a: [], b: [] }));
    if (inA) entry.a.push(coding);
    if (inB) entry.b.push(coding);
  }
  let found: QueryResult[];
  switch (query.kind) {
    case 'and':
      found = runAnd(bySource);
      break;
    case 'or':
      found = [...bySource.values()].flatMap((e) => asResults([...e.a, ...e.b]));
      break;
    case 'not':
      found = [...bySource.values()].flatMap(({ a, b }) => {
        const others = new SortedSpans(b);
        return asResults(a.filter((x) => !others.overlapping(x.start, x.end).some((y) => y.id !== x.id)));
      });
      break;
    case 'same':
      found = runSame(query.unit, bySource, data);
      break;
    case 'near':
    case 'followedBy':
      found = runProximity(query, bySource, data);
      break;
  }
  return inReadingOrder(found, data.sourceOrder);
}

/**
 * Results by source (in reading order, then by id), each source's by start then end. Sources are
 * put in order once each rather than compared in every one of 100,000 comparisons.
 */
function inReadingOrder(found: QueryResult[], sourceOrder: ReadonlyMap<string, number> | undefined): QueryResult[] {
  const bySource = new Map<string, QueryResult[]>();
  for (const r of found) {
    const list = bySource.get(r.sourceId);
    if (list) list.push(r);
    else bySource.set(r.sourceId, [r]);
  }
  const rank = (id: string): number => sourceOrder?.get(id) ?? Number.MAX_SAFE_INTEGER;
  const sources = [...bySource.keys()].sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
  const out: QueryResult[] = [];
  for (const id of sources) for (const r of bySource.get(id)!.sort((x, y) => x.start - y.start || x.end - y.end)) out.push(r);
  return out;
}

/** One result per distinct span of ONE source's codings, naming every coding with that span. */
function asResults(codings: QueryCoding[]): QueryResult[] {
  codings.sort((x, y) => x.start - y.start || x.end - y.end);
  const out: QueryResult[] = [];
  let last: QueryResult | undefined;
  for (const c of codings) {
    if (last && last.start === c.start && last.end === c.end) {
      if (!last.codingIds.includes(c.id)) last.codingIds.push(c.id);
    } else {
      out.push((last = { sourceId: c.sourceId, start: c.start, end: c.end, codingIds: [c.id] }));
    }
  }
  return out;
}

function runAnd(bySource: Map<string, Sides>): QueryResult[] {
  const out: QueryResult[] = [];
  for (const [sourceId, { a, b }] of bySource) {
    if (a.length === 0 || b.length === 0) continue;
    const both = new SortedSpans([...a, ...b]);
    for (const span of intersectCovers(coverOf(a), coverOf(b))) {
      const ids = [...new Set(both.overlapping(span.start, span.end).map((c) => c.id))];
      out.push({ sourceId, start: span.start, end: span.end, codingIds: ids });
    }
  }
  return out;
}

function runSame(unit: 'case' | 'paragraph' | 'segment', bySource: Map<string, Sides>, data: QueryData): QueryResult[] {
  const index = unit === 'paragraph' ? undefined : 'casesOfSpan' in data.cases! ? data.cases : buildCaseIndex(data.cases!);
  // Per unit, the codings of each side in it. Cases span sources, so case units are project-wide;
  // paragraphs are numbered per source, so their table starts afresh in each source.
  let units = new Map<string | number, Sides>();
  const kept = new Set<QueryCoding>();
  const settle = (): void => {
    for (const { a, b } of units.values()) {
      if (a.length === 0 || b.length === 0) continue;
      for (const x of a) if (b.some((y) => y.id !== x.id)) kept.add(x);
      for (const y of b) if (a.some((x) => x.id !== y.id)) kept.add(y);
    }
    units = new Map();
  };
  const put = (key: string | number, side: 'a' | 'b', c: QueryCoding): void => {
    let entry = units.get(key);
    if (!entry) units.set(key, (entry = { a: [], b: [] }));
    entry[side].push(c);
  };
  for (const [sourceId, sides] of bySource) {
    const starts = unit === 'paragraph' ? startsOf(data, sourceId) : undefined;
    for (const side of ['a', 'b'] as const) {
      for (const c of sides[side]) {
        if (unit === 'case') for (const k of index!.casesOfSpan(sourceId, c.start, c.end)) put(k, side, c);
        else if (unit === 'segment') for (const s of index!.segmentsOfSpan(sourceId, c.start, c.end)) put(s.key, side, c);
        else {
          const [first, last] = paragraphsOfSpan(starts!, c.start, c.end);
          for (let p = first; p <= last; p++) put(p, side, c);
        }
      }
    }
    if (unit === 'paragraph') settle();
  }
  settle();
  return groupedResults(kept);
}

function startsOf(data: QueryData, sourceId: string): readonly number[] {
  return data.paragraphs?.get(sourceId) ?? paragraphStarts(data.texts?.get(sourceId) ?? '');
}

/** Results for codings from any sources: one source at a time. */
function groupedResults(codings: Iterable<QueryCoding>): QueryResult[] {
  const bySource = new Map<string, QueryCoding[]>();
  for (const c of codings) {
    const list = bySource.get(c.sourceId);
    if (list) list.push(c);
    else bySource.set(c.sourceId, [c]);
  }
  return [...bySource.values()].flatMap(asResults);
}

function runProximity(
  query: Extract<Query, { kind: 'near' | 'followedBy' }>,
  bySource: Map<string, Sides>,
  data: QueryData,
): QueryResult[] {
  const out: QueryResult[] = [];
  const n = query.distance;
  for (const [sourceId, { a, b }] of bySource) {
    if (a.length === 0 || b.length === 0) continue;
    const byParagraph = query.unit === 'paragraphs';
    const starts = byParagraph ? startsOf(data, sourceId) : [];
    // Paragraph distance works on paragraph numbers: a coding becomes [first, last] paragraph.
    const place = (c: QueryCoding): { start: number; end: number; coding: QueryCoding } => {
      if (!byParagraph) return { start: c.start, end: c.end, coding: c };
      const [first, last] = paragraphsOfSpan(starts, c.start, c.end);
      return { start: first, end: last, coding: c };
    };
    const kept = new Set<QueryCoding>();
    const partners = new Set<QueryCoding>();
    if (query.kind === 'near') {
      const bs = new SortedSpans(b.map(place));
      for (const x of a) {
        const p = place(x);
        // Characters: a gap of g between [s, e) and [s', e') means s' ≤ e + g and e' ≥ s − g;
        // paragraphs (inclusive numbers): the same inequalities, with 0 for the same paragraph.
        const near = bs.reaching(p.start - n, p.end + n).filter((y) => y.coding.id !== x.id);
        if (near.length === 0) continue;
        kept.add(x);
        for (const y of near) partners.add(y.coding);
      }
    } else {
      const bs = new SortedSpans(b);
      for (const x of a) {
        const limit = byParagraph ? (() => {
          const [, last] = paragraphsOfSpan(starts, x.start, x.end);
          // B must start before the paragraph after the allowed ones begins.
          return last + n + 1 < starts.length ? starts[last + n + 1]! - 1 : Number.MAX_SAFE_INTEGER;
        })() : x.end + n;
        const next = bs.startingIn(x.end, limit).filter((y) => y.id !== x.id);
        if (next.length === 0) continue;
        kept.add(x);
        for (const y of next) partners.add(y);
      }
    }
    for (const p of partners) kept.add(p);
    out.push(...asResults([...kept]));
  }
  return out;
}
