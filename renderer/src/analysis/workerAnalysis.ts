// The AnalysisClient of the app: one long-lived worker (its database connection and text cache
// are worth keeping), requests matched to answers by number. If the worker dies every pending
// request fails with a reason and the next request starts a new one.
import type { AnalysisClient } from './analysisClient';
import { createInlineAnalysis } from './inlineAnalysis';
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

  function call<M extends AnalysisMethod>(method: M, ...args: Parameters<Operations[M]>): Promise<Result<M>> {
    let target: AnalysisWorker;
    try {
      target = running();
    } catch {
      // No worker here (a locked-down page): the same work on this thread is slower, not wrong.
      inline ??= fallback();
      return (inline[method] as (...values: unknown[]) => Promise<Result<M>>)(...args);
    }
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      target.postMessage({ id, method, args });
    });
  }

  return {
    retrieveSegments: (projectId, codeIds) => call('retrieveSegments', projectId, codeIds),
    segmentTexts: (refs) => call('segmentTexts', refs),
    findInSource: (sourceId, query) => call('findInSource', sourceId, query),
    cooccurrence: (projectId, codeIds) => call('cooccurrence', projectId, codeIds),
    segmentsCsv: (projectId, codeIds) => call('segmentsCsv', projectId, codeIds),
  };
}
