// One merge, from a file's bytes to a plan and its summary for the preview, and then its commit:
// the work the merge worker (merge.worker.ts) does, and the page does itself where no worker runs.
import { readQdpx, readQdpxInflating } from '../../../../shared/refi/qdpxRead';
import type { ProjectSnapshot } from '../../../../shared/model/snapshot';
import { hasNativeDeflate, inflateNative } from '../../analysis/nativeCompression';
import type { MergeReport } from '../../../../shared/merge/mergeReport';
import { isEmptyChangeSet } from '../../../../shared/model/changeSet';
import { commitProjectMerge, planProjectMerge, type ProjectMergePlan } from '../../db/operations/mergeProject';
import { newId } from '../../db/operations/now';

/** What the preview shows: the plan's report, whether it changes anything, and what the file held that could not be read. */
export interface MergeSummary {
  report: MergeReport;
  empty: boolean;
  notRead: string[];
  /** Where the planning time went (ms), for the benchmark: reading the file, then planProjectMerge's parts. */
  timings: { readFile: number; readOurs: number; check: number; plan: number };
}

export interface PlannedMerge {
  plan: ProjectMergePlan;
  summary: MergeSummary;
}

/**
 * Reading the file is most of the work: in the benchmark (two copies of the big project) it took
 * about 7 of the 9.5 s before the preview; reading this project, checking ids and planning the rest.
 */
const READ_SHARE = 0.7;

/**
 * `ours` is this project read ahead (db/operations/mergeProject's `readMergeTarget`), started
 * before the file was chosen; without it, the project is read once the file has been.
 */
export async function planMergeOfFile(
  projectId: string,
  bytes: Uint8Array,
  onProgress: (fraction: number, step: string) => void,
  ours?: Promise<ProjectSnapshot>,
): Promise<PlannedMerge> {
  onProgress(0, 'reading the file');
  const started = performance.now();
  const options = { newId, onProgress: (f: number) => onProgress(f * READ_SHARE, 'reading the file') };
  // The platform's zlib where there is one, as Open does: inflating in JavaScript was a third of the read.
  const { snapshot, report } = hasNativeDeflate() ? await readQdpxInflating(bytes, options, inflateNative) : readQdpx(bytes, options);
  const readFile = performance.now() - started;
  const plan = await planProjectMerge(projectId, snapshot, (f, step) => onProgress(READ_SHARE + (1 - READ_SHARE) * f, step), ours);
  const summary = { report: plan.report, empty: isEmptyChangeSet(plan.changes), notRead: report.entries.map((e) => e.text), timings: { readFile, ...plan.timings } };
  return { plan, summary };
}

export function commitMerge(planned: PlannedMerge, fileName: string): Promise<void> {
  return commitProjectMerge(planned.plan, fileName);
}
