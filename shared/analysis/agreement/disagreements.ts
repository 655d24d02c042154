// Where coders differ: the passages a consensus meeting goes through, each with every coder's
// codes there, side by side. At a unit level a passage is a unit whose set of chosen codes
// differs between the coders who have a value for it; at character level it is a maximal run of
// text over which the coders' sets of codes are constant and differ (runs holding only whitespace
// are left out, as in the statistics). Coders with no value there (the missing-data rule of
// `codedPatterns`) are shown as missing and do not make a disagreement on their own.
import { regionOf, sourcesInScope, type SourceSpan, type UnitKind, type UnitScope } from './agreementUnits';
import { countableBefore, prepareUnits, type MissingRule, type PatternProject, type PreparedUnits } from './codedPatterns';
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

export function listDisagreements(project: PatternProject, request: DisagreementRequest): Disagreement[] {
  const m = request.coderIds.length;
  const coderIndex = new Map(request.coderIds.map((id, i) => [id, i]));
  const codeRank = new Map(request.codeIds.map((id, i) => [id, i]));
  const sources = sourcesInScope(project, request.scope?.sourceIds);
  const inScope = new Set(sources.map((s) => s.source.id));
  const covered = new Set<string>();
  for (const c of project.codings) if (coderIndex.has(c.coder) && inScope.has(c.sourceId)) covered.add(`${coderIndex.get(c.coder)}\u0000${c.sourceId}`);
  const present = (coder: number, sourceId: string): boolean => (request.missing ?? 'uncodedSource') === 'none' || covered.has(`${coder}\u0000${sourceId}`);
  const codings = project.codings.filter((c) => codeRank.has(c.codeId) && coderIndex.has(c.coder) && inScope.has(c.sourceId) && c.end > c.start);
  const sortCodes = (ids: Iterable<string>): string[] => [...ids].sort((a, b) => codeRank.get(a)! - codeRank.get(b)!);
  const differ = (versions: CoderVersion[]): boolean => {
    const seen = versions.filter((v) => !v.missing).map((v) => v.codeIds.join('\u0000'));
    return seen.length >= 2 && seen.some((s) => s !== seen[0]);
  };

  if (request.unit !== 'character') {
    const { units, index } = request.prepared ?? prepareUnits(request.unit, project, request.scope ?? {});
    const sets = new Map<number, Set<string>>(); // unit * m + coder → codes
    for (const c of codings) {
      const i = coderIndex.get(c.coder)!;
      index.forEachOverlap(c.sourceId, c.start, c.end, (u) => {
        const key = u * m + i;
        let set = sets.get(key);
        if (!set) sets.set(key, (set = new Set()));
        set.add(c.codeId);
      });
    }
    // A unit nobody coded is one everybody agrees on: only coded units are looked at, in order.
    const coded = [...new Set([...sets.keys()].map((key) => Math.floor(key / m)))].sort((a, b) => a - b);
    const out: Disagreement[] = [];
    for (const u of coded) {
      const unit = units[u]!;
      const versions = request.coderIds.map((coderId, i) => ({
        coderId,
        codeIds: sortCodes(sets.get(u * m + i) ?? []),
        missing: !unit.spans.some((s) => present(i, s.sourceId)),
      }));
      if (differ(versions)) out.push({ id: unit.id, label: unit.label, spans: unit.spans, versions });
    }
    return out;
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
      const span = trimWhitespace(text, run.start, run.end);
      out.push({ id: `${source.id}:${span.start}`, label: `${source.name}: “${quote(text, span.start, span.end)}”`, spans: [{ sourceId: source.id, ...span }], versions: run.versions });
    }
  }
  return out;
}

const QUOTE = 60;

/** The passage's words for a label, shortened with an ellipsis. */
function quote(text: string, start: number, end: number): string {
  return end - start <= QUOTE ? text.slice(start, end) : `${text.slice(start, start + QUOTE).trimEnd()}…`;
}
