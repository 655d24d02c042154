// A merge as the page drives it: planned in the merge worker (or on this thread where no worker
// can start, as in jsdom tests), previewed, then committed or dropped. One session per file chosen.
import { currentCoderIn } from '../../db/operations/currentCoder';
import type { MergeReply, MergeRequest } from './mergeMessages';
// Types only: the merge itself (the project file reader, the planner) is loaded where it runs,
// in the worker or, without one, on first use here; the page does not parse it at startup.
import type { MergeSummary, PlannedMerge } from './mergeRun';

export interface MergeSession {
  /** The preview's content, once planned; rejects with the file's problem (nothing changed). */
  planned: Promise<MergeSummary>;
  /** Commits the plan as one undoable step ("Merge project <file>"). */
  commit(): Promise<void>;
  /** Drops the plan (Cancel) and stops the worker. */
  dispose(): void;
}

/** A merge about to start: its worker is up and reading the project while the file is chosen. */
export interface MergeStarter {
  /** Plans the merge of the chosen file (at most once). */
  start(fileName: string, bytes: Uint8Array, onProgress: (fraction: number, step: string) => void): MergeSession;
  /** No file after all (the chooser was cancelled): stops the worker. */
  dispose(): void;
}

/**
 * Starts a merge before its file is chosen: the worker loads and reads this project meanwhile,
 * so choosing the file and reading the project overlap rather than follow one another.
 */
export function prepareMerge(projectId: string): MergeStarter {
  const starter = typeof Worker === 'function' ? inWorker(projectId) : startHere(projectId);
  return {
    start: (fileName, bytes, onProgress) => {
      const session = starter.start(fileName, bytes, onProgress);
      // Where the time went, on the page's performance timeline (User Timing), for the benchmark and DevTools.
      session.planned.then((summary) => performance.mark('marginalia: merge planned', { detail: summary.timings }), () => undefined);
      return session;
    },
    dispose: starter.dispose,
  };
}

export function startMerge(projectId: string, fileName: string, bytes: Uint8Array, onProgress: (fraction: number, step: string) => void): MergeSession {
  return prepareMerge(projectId).start(fileName, bytes, onProgress);
}

function inWorker(projectId: string): MergeStarter {
  const worker = new Worker(new URL('./merge.worker.ts', import.meta.url), { type: 'module', name: 'marginalia-merge' });
  worker.postMessage({ type: 'prepare', projectId } satisfies MergeRequest);
  let progress: (fraction: number, step: string) => void = () => undefined;
  let answer: { resolve(value: unknown): void; reject(error: Error): void } | null = null;
  const ask = <T,>(request: MergeRequest, transfer: Transferable[] = []): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      answer = { resolve: resolve as (value: unknown) => void, reject };
      worker.postMessage(request, transfer);
    });
  worker.onmessage = ({ data }: MessageEvent<MergeReply>) => {
    if (data.type === 'progress') {
      progress(data.fraction, data.step);
      return;
    }
    const pending = answer;
    answer = null;
    if (data.type === 'failed') pending?.reject(new Error(data.message));
    else pending?.resolve(data.type === 'planned' ? data.summary : undefined);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    answer?.reject(new Error('The merge stopped unexpectedly; nothing was changed. Please try again.'));
    answer = null;
  };
  const dispose = (): void => worker.terminate();
  return {
    start: (fileName, bytes, onProgress) => {
      progress = onProgress;
      return {
        // The file's bytes move to the worker rather than being copied (tens of megabytes; the page is done with them).
        planned: ask<MergeSummary>({ type: 'plan', projectId, bytes }, bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : []),
        commit: () => ask<void>({ type: 'commit', fileName, coder: currentCoderIn(projectId) }).finally(dispose),
        dispose,
      };
    },
    dispose,
  };
}

// Here the project is not read ahead: that would be on the page's own thread.
function startHere(projectId: string): MergeStarter {
  return {
    start: (fileName, bytes, onProgress) => {
      let plan: PlannedMerge | null = null;
      const run = import('./mergeRun');
      const planned = run.then(({ planMergeOfFile }) => planMergeOfFile(projectId, bytes, onProgress)).then((result) => {
        plan = result;
        return result.summary;
      });
      return {
        planned,
        commit: async () => {
          if (!plan) throw new Error('There is no merge to commit: choose the file again.');
          await (await run).commitMerge(plan, fileName);
        },
        dispose: () => {
          plan = null;
        },
      };
    },
    dispose: () => undefined,
  };
}
