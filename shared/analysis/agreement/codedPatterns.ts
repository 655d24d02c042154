// Reliability data per code from a project's codings: for every unit, which chosen coders applied
// the code, which did not, and which gave no value; counted as patterns (how many units had each
// combination). Every statistic of the agreement table is a function of these counts, so the work
// is one pass over units × coders per code, and a run of characters with the same combination is
// one weighted unit.
//
// The rules (shown in the UI and the CLI's help):
// - Unit level: a unit counts as coded with code C by coder X when X has a coding of C that
//   overlaps it by at least one character (UTF-16 offsets, half-open spans: [s, e) overlaps
//   [a, b) when s < b and e > a).
// - Character level: every non-whitespace character (a code point; whitespace per Unicode, the
//   JavaScript `\s` class) is a unit, coded by X when one of X's codings of C covers it.
//   Whitespace is left out because where a selection starts or ends around spaces and line breaks
//   is not a coding decision.
// - Missing data (rule 'uncodedSource', the default): a coder who has no coding at all (of any
//   code) in a source is taken not to have coded that source, so their values there are missing
//   rather than "not coded"; a unit spanning several sources has a value when the coder coded any
//   of them. Rule 'none' counts every unit of every chosen source as seen by every coder.
import type { Coding } from '../../model/types';
import { regionOf, sourcesInScope, type UnitKind, type UnitProject, type UnitScope } from './agreementUnits';
import { prepareUnits, type PreparedUnits } from './preparedUnits';
import { isWhitespace } from './textSpan';

export type CodingLike = Pick<Coding, 'sourceId' | 'codeId' | 'start' | 'end' | 'coder'>;

export type MissingRule = 'uncodedSource' | 'none';

export interface PatternProject extends UnitProject {
  codings: readonly CodingLike[];
}

export interface PatternRequest {
  coderIds: readonly string[];
  codeIds: readonly string[];
  unit: UnitKind;
  scope?: UnitScope;
  missing?: MissingRule;
  /** The units of `unit` and `scope`, built before (`prepareUnits`); built here when absent. */
  prepared?: PreparedUnits;
}

export type { PreparedUnits } from './preparedUnits';
export { prepareUnits } from './preparedUnits';

/**
 * Pattern encoding: one base-3 digit per coder (coder i is digit i): 0 = no value (missing),
 * 1 = did not apply the code, 2 = applied it.
 */
export const MISSING = 0;
export const NOT_CODED = 1;
export const CODED = 2;

export interface CodedPatterns {
  /** Per code: pattern → number of units (characters at character level) with that pattern. */
  byCode: Map<string, Map<number, number>>;
  /** Units in scope (characters at character level). */
  unitCount: number;
}

export function digitOf(pattern: number, coder: number): number {
  return Math.floor(pattern / 3 ** coder) % 3;
}

export function codedPatterns(project: PatternProject, request: PatternRequest): CodedPatterns {
  const coderIndex = new Map(request.coderIds.map((id, i) => [id, i]));
  const codeSet = new Set(request.codeIds);
  const scope = request.scope ?? {};
  const sources = sourcesInScope(project, scope.sourceIds);
  const inScope = new Set(sources.map((s) => s.source.id));
  const coverage = coverageOf(project.codings, coderIndex, inScope, request.missing ?? 'uncodedSource');

  // The codings that matter, grouped by code (and by source for character level).
  const byCode = new Map<string, CodingLike[]>();
  for (const id of request.codeIds) byCode.set(id, []);
  for (const c of project.codings) {
    if (!codeSet.has(c.codeId) || !coderIndex.has(c.coder) || !inScope.has(c.sourceId) || c.end <= c.start) continue;
    byCode.get(c.codeId)!.push(c);
  }
  if (request.unit === 'character') return characterPatterns(project, request, sources, byCode, coderIndex, coverage);

  const prepared = request.prepared ?? prepareUnits(request.unit, project, scope);
  return unitPatterns(prepared, request, byCode, coderIndex, coverage);
}

/**
 * Unit levels. Every unit's pattern when nobody applied the code is what most units keep for most
 * codes: each code starts from their histogram and re-counts only the units its codings touch, so
 * the work per code follows its codings, not the project's size (250,000 paragraphs × 50 codes).
 */
function unitPatterns(
  prepared: PreparedUnits,
  request: PatternRequest,
  byCode: ReadonlyMap<string, CodingLike[]>,
  coderIndex: ReadonlyMap<string, number>,
  coverage: Coverage,
): CodedPatterns {
  const m = request.coderIds.length;
  const n = prepared.count;
  // Which coders have a value for each unit: those who coded (any of) its sources.
  const covered = new Uint8Array(prepared.sourceIds.length * m);
  prepared.sourceIds.forEach((sourceId, s) => {
    for (let i = 0; i < m; i++) covered[s * m + i] = coverage(i, sourceId) ? 1 : 0;
  });
  const presence = new Uint8Array(n * m);
  const { spanSource, spanUnit } = prepared;
  for (let k = 0; k < spanUnit.length; k++) {
    const u = spanUnit[k]!;
    const s = spanSource[k]!;
    for (let i = 0; i < m; i++) presence[u * m + i]! |= covered[s * m + i]!;
  }
  const marks = new Uint8Array(n * m);
  const patternOf = (u: number): number => {
    let pattern = 0;
    for (let i = m - 1; i >= 0; i--) pattern = pattern * 3 + (presence[u * m + i] ? (marks[u * m + i] ? CODED : NOT_CODED) : MISSING);
    return pattern;
  };
  const base = new Float64Array(n);
  const baseCounts = new PatternCounter(m);
  for (let u = 0; u < n; u++) {
    const p = patternOf(u);
    base[u] = p;
    baseCounts.add(p, 1);
  }
  const touched = new Int32Array(n);
  const out = new Map<string, Map<number, number>>();
  const hits = new Int32Array(prepared.maxSpansPerSource);
  for (const codeId of request.codeIds) {
    let touchedCount = 0;
    for (const c of byCode.get(codeId)!) {
      const i = coderIndex.get(c.coder)!;
      const found = prepared.overlapping(c.sourceId, c.start, c.end, hits);
      for (let h = 0; h < found; h++) {
        const at = hits[h]! * m;
        if (marks[at + i] === 1) continue;
        let first = true;
        for (let j = 0; j < m && first; j++) if (marks[at + j] === 1) first = false;
        if (first) touched[touchedCount++] = hits[h]!;
        marks[at + i] = 1;
      }
    }
    const hist = baseCounts.copy();
    for (let t = 0; t < touchedCount; t++) {
      const u = touched[t]!;
      hist.add(base[u]!, -1);
      hist.add(patternOf(u), 1);
      marks.fill(0, u * m, u * m + m);
    }
    out.set(codeId, hist.toMap());
  }
  return { byCode: out, unitCount: n };
}

type Coverage = (coder: number, sourceId: string) => boolean;

function coverageOf(codings: readonly CodingLike[], coderIndex: ReadonlyMap<string, number>, inScope: ReadonlySet<string>, rule: MissingRule): Coverage {
  if (rule === 'none') return () => true;
  const seen = new Map<string, Uint8Array>();
  for (const c of codings) {
    const i = coderIndex.get(c.coder);
    if (i === undefined || !inScope.has(c.sourceId)) continue;
    let coders = seen.get(c.sourceId);
    if (!coders) seen.set(c.sourceId, (coders = new Uint8Array(coderIndex.size)));
    coders[i] = 1;
  }
  return (coder, sourceId) => seen.get(sourceId)?.[coder] === 1;
}

/** Pattern counts in a flat array while 3^coders is small (the usual case), else in a map. */
class PatternCounter {
  private readonly coders: number;
  private readonly flat: Float64Array | null;
  private readonly map = new Map<number, number>();

  constructor(coders: number) {
    this.coders = coders;
    this.flat = coders <= 10 ? new Float64Array(3 ** coders) : null;
  }

  add(pattern: number, weight: number): void {
    if (this.flat) this.flat[pattern]! += weight;
    else this.map.set(pattern, (this.map.get(pattern) ?? 0) + weight);
  }

  copy(): PatternCounter {
    const out = new PatternCounter(this.coders);
    if (this.flat) out.flat!.set(this.flat);
    for (const [p, w] of this.map) out.map.set(p, w);
    return out;
  }

  toMap(): Map<number, number> {
    if (!this.flat) return new Map(this.map);
    const out = new Map<number, number>();
    this.flat.forEach((w, p) => {
      if (w > 0) out.set(p, w);
    });
    return out;
  }
}

/**
 * For each offset, how many countable characters lie before it: non-whitespace code points
 * (counted at their first code unit), inside the region when one is given.
 */
export function countableBefore(text: string, region?: ReadonlyArray<{ start: number; end: number }>): Uint32Array {
  const inside = region ? new Int32Array(text.length + 1) : null;
  if (inside && region) {
    for (const r of region) {
      inside[r.start]! += 1;
      inside[r.end]! -= 1;
    }
  }
  const out = new Uint32Array(text.length + 1);
  let depth = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    out[i] = n;
    if (inside) depth += inside[i]!;
    const code = text.charCodeAt(i);
    const lowSurrogate = code >= 0xdc00 && code <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
    if ((!inside || depth > 0) && !lowSurrogate && !isWhitespace(code)) n++;
  }
  out[text.length] = n;
  return out;
}

function characterPatterns(
  project: PatternProject,
  request: PatternRequest,
  sources: ReturnType<typeof sourcesInScope>,
  byCode: ReadonlyMap<string, CodingLike[]>,
  coderIndex: ReadonlyMap<string, number>,
  coverage: Coverage,
): CodedPatterns {
  const m = request.coderIds.length;
  const scope = request.scope ?? {};
  const chosenCases = scope.caseIds ? new Set(scope.caseIds) : null;
  const textOf = new Map(sources.map(({ source, text }) => [source.id, text]));
  const region = chosenCases ? regionOf(project.caseLinks.filter((l) => chosenCases.has(l.caseId)), textOf) : null;
  // Codings of each code by source, so each source's text is scanned once.
  const bySource = new Map<string, Map<string, CodingLike[]>>();
  for (const [codeId, list] of byCode) {
    for (const c of list) {
      let codes = bySource.get(c.sourceId);
      if (!codes) bySource.set(c.sourceId, (codes = new Map()));
      const l = codes.get(codeId) ?? [];
      l.push(c);
      codes.set(codeId, l);
    }
  }
  const out = new Map<string, Map<number, number>>(request.codeIds.map((id) => [id, new Map()]));
  const add = (hist: Map<number, number>, pattern: number, w: number): void => {
    if (w > 0) hist.set(pattern, (hist.get(pattern) ?? 0) + w);
  };
  let unitCount = 0;
  const active = new Int32Array(m);
  for (const { source, text } of sources) {
    if (region && !region.has(source.id)) continue;
    const before = countableBefore(text, region ? region.get(source.id) : undefined);
    const total = before[text.length]!;
    unitCount += total;
    const present: boolean[] = request.coderIds.map((_, i) => coverage(i, source.id));
    const patternOf = (): number => {
      let p = 0;
      for (let i = m - 1; i >= 0; i--) p = p * 3 + (present[i] ? (active[i]! > 0 ? CODED : NOT_CODED) : MISSING);
      return p;
    };
    active.fill(0);
    const nonePattern = patternOf();
    const codes = bySource.get(source.id);
    for (const codeId of request.codeIds) {
      const hist = out.get(codeId)!;
      const list = codes?.get(codeId);
      if (!list) {
        add(hist, nonePattern, total);
        continue;
      }
      // Sweep: +1 where a coding starts, −1 where it ends; between events the pattern is constant.
      const events: Array<[number, number, number]> = [];
      for (const c of list) {
        const i = coderIndex.get(c.coder)!;
        events.push([Math.max(0, c.start), i, 1], [Math.min(text.length, c.end), i, -1]);
      }
      events.sort((a, b) => a[0] - b[0]);
      active.fill(0);
      let prev = 0;
      for (let e = 0; e < events.length; ) {
        const at = events[e]![0];
        add(hist, patternOf(), before[at]! - before[prev]!);
        while (e < events.length && events[e]![0] === at) {
          active[events[e]![1]]! += events[e]![2];
          e++;
        }
        prev = at;
      }
      add(hist, patternOf(), before[text.length]! - before[prev]!);
    }
  }
  return { byCode: out, unitCount };
}
