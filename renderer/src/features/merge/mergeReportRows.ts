// The merge report in the words of the preview: one row per kind of record that the merge adds,
// matches or finds in conflict, and a sentence saying what merging did, for the notice after it.
import type { MergeKind, MergeReport } from '../../../../shared/merge/mergeReport';
import { MERGE_KINDS } from '../../../../shared/merge/mergeReport';

const KIND_NAMES: Record<MergeKind, [string, string]> = {
  coders: ['coder', 'coders'],
  sources: ['source', 'sources'],
  codes: ['code', 'codes'],
  codeSets: ['code set', 'code sets'],
  cases: ['case', 'cases'],
  attributes: ['attribute', 'attributes'],
  caseValues: ['attribute value', 'attribute values'],
  caseLinks: ['case link', 'case links'],
  codings: ['coding', 'codings'],
  memos: ['memo', 'memos'],
  savedQueries: ['saved query', 'saved queries'],
};

export interface MergeReportRow {
  kind: MergeKind;
  /** "Codings", as the table's row header. */
  label: string;
  added: number;
  matched: number;
  updated: number;
  conflicts: number;
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function kindName(kind: MergeKind, count: number): string {
  const [one, many] = KIND_NAMES[kind];
  return count === 1 ? one : many;
}

/** Rows for the kinds the file had anything of, in the report's order. */
export function mergeReportRows(report: MergeReport): MergeReportRow[] {
  return MERGE_KINDS.map((kind) => ({ kind, label: capitalised(KIND_NAMES[kind][1]), ...report.counts[kind] })).filter(
    (row) => row.added + row.matched + row.updated + row.conflicts > 0,
  );
}

/** "added 2 coders, 1,250 codings and 3 memos", or null when nothing was added. */
export function describeAdded(report: MergeReport): string | null {
  const parts = MERGE_KINDS.filter((kind) => report.counts[kind].added > 0).map((kind) => `${report.counts[kind].added.toLocaleString('en')} ${kindName(kind, report.counts[kind].added)}`);
  if (parts.length === 0) return null;
  return `added ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`}`;
}
