// The AnalysisClient of the app: one long-lived worker (its database connection and text cache
// are worth keeping), requests matched to answers by number. If the worker dies every pending
// request fails with a reason and the next request starts a new one.
import type { AnalysisClient } from './analysisClient';
import { createInlineAnalysis } from './inlineAnalysis';
import { packSegments, unpackSegments } from './segmentPacking';
import type { AnalysisMethod, AnalysisRequest, AnalysisResponse } from './analysisMessages';
import type * as operations from './analysisOperations';

type Operations = typeof operations;
type Result<M extends AnalysisMethod> = Awaited<ReturnType<Operations[M]>>;

export interface AnalysisWorker {
  onmessage: ((event: MessageEvent<AnalysisResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: AnalysisRequest): void;
  terminate(): void;
}

export function startAnalysisWorker(): AnalysisWorker {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'marginalia-analysis' });
}

export function createWorkerAnalysis(start: () => AnalysisWorker = startAnalysisWorker, fallback: () => AnalysisClient = createInlineAnalysis): AnalysisClient {
  let worker: AnalysisWorker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  const failAll = (reason: string): void => {
    worker?.terminate();
    worker = undefined;
    for (const { reject } of pending.values()) reject(new Error(reason));
    pending.clear();
  };

  const running = (): AnalysisWorker => {
    if (worker) return worker;
    const started = start();
    started.onmessage = ({ data }) => {
      const request = pending.get(data.id);
      if (!request) return;
      pending.delete(data.id);
      if (data.ok) request.resolve(data.value);
      else request.reject(new Error(data.message));
    };
    started.onerror = (event) => {
      event.preventDefault();
      failAll('The analysis stopped unexpectedly; please try again.');
    };
    worker = started;
    return started;
  };

  let inline: AnalysisClient | undefined;

  /**
   * Asks the worker; where no worker can start (a locked-down page) the same work runs on this
   * thread through `onThisThread`, slower but not wrong.
   */
  function call<M extends AnalysisMethod, T = Result<M>>(
    method: M,
    args: Parameters<Operations[M]>,
    onThisThread: (client: AnalysisClient) => Promise<T>,
  ): Promise<T> {
    let target: AnalysisWorker;
    try {
      target = running();
    } catch {
      inline ??= fallback();
      return onThisThread(inline);
    }
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      target.postMessage({ id, method, args });
    });
  }

  return {
    warmUp: () => call('warmUp', [], (c) => c.warmUp()),
    retrieveSegments: (projectId, codeIds) =>
      call('retrieveSegmentsPacked', [projectId, codeIds], async (c) => packSegments(await c.retrieveSegments(projectId, codeIds))).then(unpackSegments),
    segmentTexts: (refs) => call('segmentTexts', [refs], (c) => c.segmentTexts(refs)),
    findInSource: (sourceId, query) => call('findInSource', [sourceId, query], (c) => c.findInSource(sourceId, query)),
    cooccurrence: (projectId, codeIds) => call('cooccurrence', [projectId, codeIds], (c) => c.cooccurrence(projectId, codeIds)),
    segmentsCsv: (projectId, codeIds) => call('segmentsCsv', [projectId, codeIds], (c) => c.segmentsCsv(projectId, codeIds)),
  };
}
