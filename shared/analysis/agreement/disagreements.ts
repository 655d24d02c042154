// Where coders differ: the passages a consensus meeting goes through, each with every coder's
// codes there, side by side. At a unit level a passage is a unit whose set of chosen codes
// differs between the coders who have a value for it; at character level it is a maximal run of
// text over which the coders' sets of codes are constant and differ (runs holding only whitespace
// are left out, as in the statistics). Coders with no value there (the missing-data rule of
// `codedPatterns`) are shown as missing and do not make a disagreement on their own.
import { regionOf, sourcesInScope, type SourceSpan, type UnitKind, type UnitScope } from './agreementUnits';
import { countableBefore, type CodingLike, type MissingRule, type PatternProject } from './codedPatterns';
import { IntList, prepareUnits, type PreparedUnits } from './preparedUnits';
import { trimWhitespace } from './textSpan';

export interface CoderVersion {
  coderId: string;
  /** The coder's chosen codes on the passage, in the order of the request's codes. */
  codeIds: string[];
  /** True when the coder has no value here (did not code this source). */
  missing: boolean;
}

export interface Disagreement {
  /** The unit's id, or "<sourceId>:<start>" for a character run. */
  id: string;
  label: string;
  /** Where the passage is: the first span is where to jump. */
  spans: SourceSpan[];
  /** One per requested coder, in request order. */
  versions: CoderVersion[];
}

export interface DisagreementRequest {
  /** Coder ids (resolve names first with `resolveCoders`). */
  coderIds: readonly string[];
  codeIds: readonly string[];
  unit: UnitKind;
  scope?: UnitScope;
  missing?: MissingRule;
  /** The units of `unit` and `scope`, built before (`prepareUnits`); built here when absent. */
  prepared?: PreparedUnits;
}

export interface FoundDisagreements {
  /** The first passages (all of them unless a limit was given), in reading order. */
  disagreements: Disagreement[];
  /** Every passage where the coders differ, listed or not. */
  count: number;
}

export function listDisagreements(project: PatternProject, request: DisagreementRequest): Disagreement[] {
  return findDisagreements(project, request).disagreements;
}

/**
 * The passages where the coders differ, counted all and made (labels, versions) only up to
 * `limit`: a big project can differ in 100,000 paragraphs, of which a meeting reads a few hundred.
 */
export function findDisagreements(project: PatternProject, request: DisagreementRequest, limit = Infinity): FoundDisagreements {
  const m = request.coderIds.length;
  const coderIndex = new Map(request.coderIds.map((id, i) => [id, i]));
  const codeRank = new Map(request.codeIds.map((id, i) => [id, i]));
  const sources = sourcesInScope(project, request.scope?.sourceIds);
  const inScope = new Set(sources.map((s) => s.source.id));
  const covered = new Map<string, Uint8Array>();
  for (const c of project.codings) {
    const i = coderIndex.get(c.coder);
    if (i === undefined || !inScope.has(c.sourceId)) continue;
    let coders = covered.get(c.sourceId);
    if (!coders) covered.set(c.sourceId, (coders = new Uint8Array(m)));
    coders[i] = 1;
  }
  const everyone = (request.missing ?? 'uncodedSource') === 'none';
  const present = (coder: number, sourceId: string): boolean => everyone || covered.get(sourceId)?.[coder] === 1;
  const codings = project.codings.filter((c) => codeRank.has(c.codeId) && coderIndex.has(c.coder) && inScope.has(c.sourceId) && c.end > c.start);
  const sortCodes = (ids: Iterable<string>): string[] => [...ids].sort((a, b) => codeRank.get(a)! - codeRank.get(b)!);
  const differ = (versions: CoderVersion[]): boolean => {
    const seen = versions.filter((v) => !v.missing).map((v) => v.codeIds.join('\u0000'));
    return seen.length >= 2 && seen.some((s) => s !== seen[0]);
  };

  if (request.unit !== 'character') {
    const prepared = request.prepared ?? prepareUnits(request.unit, project, request.scope ?? {});
    return unitDisagreements(prepared, request, codings, coderIndex, codeRank, present, limit);
  }

  const chosenCases = request.scope?.caseIds ? new Set(request.scope.caseIds) : null;
  const textOf = new Map(sources.map(({ source, text }) => [source.id, text]));
  const region = chosenCases ? regionOf(project.caseLinks.filter((l) => chosenCases.has(l.caseId)), textOf) : null;
  const bySource = new Map<string, typeof codings>();
  for (const c of codings) {
    const list = bySource.get(c.sourceId) ?? [];
    list.push(c);
    bySource.set(c.sourceId, list);
  }
  const out: Disagreement[] = [];
  let count = 0;
  for (const { source, text } of sources) {
    const list = bySource.get(source.id);
    if (!list || (region && !region.has(source.id))) continue;
    const before = countableBefore(text, region?.get(source.id));
    const events: Array<[number, number, string, number]> = [];
    for (const c of list) {
      const i = coderIndex.get(c.coder)!;
      events.push([Math.max(0, c.start), i, c.codeId, 1], [Math.min(text.length, c.end), i, c.codeId, -1]);
    }
    events.sort((a, b) => a[0] - b[0]);
    const active: Array<Map<string, number>> = request.coderIds.map(() => new Map());
    const missing = request.coderIds.map((_, i) => !present(i, source.id));
    // Runs of constant, differing codes; a stretch of whitespace alone neither ends nor starts one.
    const runs: Array<{ start: number; end: number; signature: string; versions: CoderVersion[] }> = [];
    let open = false;
    let prev = 0;
    for (let e = 0; e <= events.length; e++) {
      const at = e < events.length ? events[e]![0] : text.length;
      if (at > prev && before[at]! > before[prev]!) {
        const versions = request.coderIds.map((coderId, i) => ({ coderId, codeIds: sortCodes(active[i]!.keys()), missing: missing[i]! }));
        const last = runs[runs.length - 1];
        if (!differ(versions)) open = false;
        else {
          const signature = versions.map((v) => v.codeIds.join(',')).join('|');
          if (open && last && last.signature === signature) last.end = at;
          else runs.push({ start: prev, end: at, signature, versions });
          open = true;
        }
      }
      if (e === events.length) break;
      const [, i, codeId, delta] = events[e]!;
      const map = active[i]!;
      const n = (map.get(codeId) ?? 0) + delta;
      if (n > 0) map.set(codeId, n);
      else map.delete(codeId);
      prev = at;
    }
    for (const run of runs) {
      count++;
      if (out.length >= limit) continue;
      const span = trimWhitespace(text, run.start, run.end);
      out.push({ id: `${source.id}:${span.start}`, label: `${source.name}: “${quote(text, span.start, span.end)}”`, spans: [{ sourceId: source.id, ...span }], versions: run.versions });
    }
  }
  return { disagreements: out, count };
}

/**
 * Unit levels: every (unit, coder, code) a coding touches, grouped by unit in typed arrays
 * (counting sort), then per touched unit the coders' sorted sets of codes compared in place. A
 * unit nobody coded is one everybody agrees on: only touched units are looked at, in order.
 */
function unitDisagreements(
  prepared: PreparedUnits,
  request: DisagreementRequest,
  codings: readonly CodingLike[],
  coderIndex: ReadonlyMap<string, number>,
  codeRank: ReadonlyMap<string, number>,
  present: (coder: number, sourceId: string) => boolean,
  limit: number,
): FoundDisagreements {
  const m = request.coderIds.length;
  const codes = request.codeIds.length;
  const hitUnit = new IntList();
  const hitKey = new IntList();
  for (const c of codings) {
    // coder × codes + rank: sorting a unit's keys groups them by coder, each coder's codes in request order.
    const key = coderIndex.get(c.coder)! * codes + codeRank.get(c.codeId)!;
    prepared.forEachOverlap(c.sourceId, c.start, c.end, (u) => {
      hitUnit.push(u);
      hitKey.push(key);
    });
  }
  const first = new Int32Array(prepared.count + 1);
  for (let h = 0; h < hitUnit.length; h++) first[hitUnit.data[h]! + 1]! += 1;
  for (let u = 0; u < prepared.count; u++) first[u + 1]! += first[u]!;
  const keys = new Int32Array(hitUnit.length);
  const fill = first.slice(0, prepared.count);
  for (let h = 0; h < hitUnit.length; h++) {
    const u = hitUnit.data[h]!;
    keys[fill[u]!] = hitKey.data[h]!;
    fill[u] = fill[u]! + 1;
  }

  const out: Disagreement[] = [];
  let count = 0;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const missing = new Uint8Array(m);
  const ranks = new Int32Array(codes * m);
  for (let u = 0; u < prepared.count; u++) {
    const a = first[u]!;
    const b = first[u + 1]!;
    if (a === b) continue;
    const slice = keys.subarray(a, b).sort();
    // Each coder's codes, without repeats, as a run of `ranks`.
    let n = 0;
    let k = 0;
    for (let i = 0; i < m; i++) {
      from[i] = n;
      while (k < slice.length && slice[k]! < (i + 1) * codes) {
        const rank = slice[k]! - i * codes;
        if (n === from[i] || ranks[n - 1] !== rank) ranks[n++] = rank;
        k++;
      }
      to[i] = n;
    }
    let seen = -1;
    let differs = false;
    for (let i = 0; i < m; i++) {
      missing[i] = prepared.someSourceOf(u, (sourceId) => present(i, sourceId)) ? 0 : 1;
      if (missing[i]) continue;
      if (seen === -1) {
        seen = i;
        continue;
      }
      if (!differs && !sameRun(ranks, from[seen]!, to[seen]!, from[i]!, to[i]!)) differs = true;
    }
    if (!differs) continue;
    count++;
    if (out.length >= limit) continue;
    const unit = prepared.unitAt(u);
    const versions = request.coderIds.map((coderId, i) => ({
      coderId,
      codeIds: Array.from(ranks.subarray(from[i]!, to[i]!), (rank) => request.codeIds[rank]!),
      missing: missing[i] === 1,
    }));
    out.push({ id: unit.id, label: unit.label, spans: unit.spans, versions });
  }
  return { disagreements: out, count };
}

function sameRun(values: Int32Array, a0: number, a1: number, b0: number, b1: number): boolean {
  if (a1 - a0 !== b1 - b0) return false;
  for (let k = 0; k < a1 - a0; k++) if (values[a0 + k] !== values[b0 + k]) return false;
  return true;
}

const QUOTE = 60;

/** The passage's words for a label, shortened with an ellipsis. */
function quote(text: string, start: number, end: number): string {
  return end - start <= QUOTE ? text.slice(start, end) : `${text.slice(start, start + QUOTE).trimEnd()}…`;
}
