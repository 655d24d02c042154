// What a merge will do, for the preview a user reads before anything changes: per kind of
// record, what is added, what is matched to an existing record (and by which rule), what is
// updated (only the justified unions: attribute categories, code-set members), and what
// conflicts and how it was resolved.
import type { EntityKind } from '../model/entities';

export type MergeKind = Exclude<EntityKind, 'projects' | 'sourceTexts' | 'sourceOriginals'>;

export const MERGE_KINDS: readonly MergeKind[] = ['coders', 'sources', 'codes', 'codeSets', 'cases', 'attributes', 'caseValues', 'caseLinks', 'codings', 'memos', 'savedQueries'];

/** Why a record of theirs was taken to be one of ours. */
export type MatchRule = 'id' | 'content hash' | 'name' | 'path' | 'same record';

export interface MergeItem {
  kind: MergeKind;
  /** Their key (id) and ours: for an added record, the key it gets here. */
  theirs: string;
  ours: string;
  /** A name a person recognises: source name, code path, case name, memo title. */
  label: string;
  /** For matches: the rule that matched. */
  rule?: MatchRule;
  /** For matches: what differs and was left as ours (e.g. "colour, description"). */
  differs?: string;
}

export interface MergeConflict {
  kind: MergeKind;
  theirs: string;
  label: string;
  /** A sentence for the preview: what conflicts and what the merge does about it. */
  reason: string;
}

export interface MergeCounts {
  added: number;
  matched: number;
  updated: number;
  conflicts: number;
}

export interface MergeReport {
  counts: Record<MergeKind, MergeCounts>;
  /** Items of every kind except codings, case links and case values, which are only counted (there can be 100,000). */
  added: MergeItem[];
  matched: MergeItem[];
  updated: MergeItem[];
  conflicts: MergeConflict[];
}

/** Kinds whose items are counted but not listed. */
const COUNTED_ONLY: ReadonlySet<MergeKind> = new Set(['codings', 'caseLinks', 'caseValues']);

export function emptyReport(): MergeReport {
  const counts = {} as Record<MergeKind, MergeCounts>;
  for (const kind of MERGE_KINDS) counts[kind] = { added: 0, matched: 0, updated: 0, conflicts: 0 };
  return { counts, added: [], matched: [], updated: [], conflicts: [] };
}

export function noteAdded(report: MergeReport, item: MergeItem): void {
  report.counts[item.kind].added++;
  if (!COUNTED_ONLY.has(item.kind)) report.added.push(item);
}

export function noteMatched(report: MergeReport, item: MergeItem): void {
  report.counts[item.kind].matched++;
  if (!COUNTED_ONLY.has(item.kind)) report.matched.push(item);
}

export function noteUpdated(report: MergeReport, item: MergeItem): void {
  report.counts[item.kind].updated++;
  report.updated.push(item);
}

export function noteConflict(report: MergeReport, conflict: MergeConflict): void {
  report.counts[conflict.kind].conflicts++;
  report.conflicts.push(conflict);
}
