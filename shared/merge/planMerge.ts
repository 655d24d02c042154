// Merging a colleague's project into ours, as a plan: the change set that adds what they have
// and we lack, re-keyed onto our records where the two match, and a report for the preview. Run
// it, show the report, commit the change set as one undoable step. Planning again after the
// commit gives an empty change set: every record of theirs now has a match here.
//
// The rules, per kind, are in the merge* modules beside this one. In short: coders by id;
// sources by content hash, then name (a different text under the same name is added beside ours,
// not re-anchored); codes by GUID, then path; cases, attributes and code sets by id, then name;
// codings, case links, values and memos by what they say once re-keyed; saved queries by id, then
// name, a different definition being added beside ours. Nothing of ours is ever
// removed or altered, except two unions that only append: categories of a category attribute and
// members of a code set. The project record itself is left as ours.
import type { ChangeSet } from '../model/changeSet';
import type { Code } from '../model/types';
import type { ProjectSnapshot } from '../model/snapshot';
import { mergeAttributes } from './mergeAttributes';
import { mergeCaseLinks, mergeCases } from './mergeCases';
import { mergeCodeSets } from './mergeCodeSets';
import { mergeCoders } from './mergeCoders';
import { addMergedCodes, mergeCodes } from './mergeCodes';
import { mergeCodings } from './mergeCodings';
import { createContext, type MergeContext, type MergeOptions } from './mergeContext';
import { mergeMemos } from './mergeMemos';
import type { MergeReport } from './mergeReport';
import { mergeSavedQueries } from './mergeSavedQueries';
import { mergeSources } from './mergeSources';

export interface MergePlan {
  changes: ChangeSet;
  report: MergeReport;
  /** Their key → our key per kind (matched and added records), e.g. for jumping to a merged coding. */
  ids: MergeContext['ids'];
}

export function planMerge(ours: ProjectSnapshot, theirs: ProjectSnapshot, options: MergeOptions): MergePlan {
  const ctx = createContext(ours, theirs, options);
  // Order matters: each kind re-keys onto the kinds before it. Weights: rough shares of the time
  // on a big project (matching codings dominates; source texts are hashed only when their ids
  // are not ours).
  const steps: Array<[string, number, () => void]> = [
    ['coders', 1, () => mergeCoders(ctx)],
    ['sources', 10, () => mergeSources(ctx)],
    ['codes', 2, () => (newCodes = mergeCodes(ctx))],
    ['cases', 2, () => mergeCases(ctx)],
    ['attributes', 2, () => mergeAttributes(ctx)],
    ['case links', 3, () => mergeCaseLinks(ctx)],
    ['codings', 70, () => mergeCodings(ctx)],
    ['codes', 1, () => addMergedCodes(ctx, newCodes)],
    ['code sets', 1, () => mergeCodeSets(ctx)],
    ['memos', 8, () => mergeMemos(ctx)],
    ['saved queries', 1, () => mergeSavedQueries(ctx)],
  ];
  let newCodes: Code[] = [];
  const total = steps.reduce((s, [, w]) => s + w, 0);
  let done = 0;
  for (const [step, weight, run] of steps) {
    run();
    done += weight;
    options.onProgress?.(done / total, step);
  }
  return { changes: ctx.changes, report: ctx.report, ids: ctx.ids };
}
