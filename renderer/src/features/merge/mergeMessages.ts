// The messages between the page and the merge worker (merge.worker.ts).
import type { CurrentCoder } from '../../db/operations/currentCoder';
import type { MergeSummary } from './mergeRun';

export type MergeRequest =
  /** Starts reading the project while the file is being chosen (sent when the worker starts). */
  | { type: 'prepare'; projectId: string }
  | { type: 'plan'; projectId: string; bytes: Uint8Array }
  /** Commits the plan made last; `coder` is whom the step is attributed to. */
  | { type: 'commit'; fileName: string; coder: CurrentCoder | null };

export type MergeReply =
  | { type: 'progress'; fraction: number; step: string }
  | { type: 'planned'; summary: MergeSummary }
  | { type: 'committed' }
  | { type: 'failed'; message: string };
