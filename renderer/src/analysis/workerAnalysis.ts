// The AnalysisClient of the app: one long-lived worker (its database connection and text cache
// are worth keeping), requests matched to answers by number. If a worker that has answered before
// dies, every pending request fails with a reason and the next request starts a new one; if the
// first worker fails before answering at all, workers do not work here, and every request from
// then on (the pending ones too) is answered on this thread.
import type { AnalysisClient } from './analysisClient';
import { createLazyInlineAnalysis } from './lazyInlineAnalysis';
import { packSegments, unpackSegments } from './segmentPacking';
import { packHits, unpackHits } from './hitPacking';
import type { AnalysisMethod, AnalysisRequest, AnalysisResponse } from './analysisMessages';
import type * as operations from './analysisOperations';

type Operations = typeof operations;
type Result<M extends AnalysisMethod> = Awaited<ReturnType<Operations[M]>>;

export interface AnalysisWorker {
  onmessage: ((event: MessageEvent<AnalysisResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: AnalysisRequest): void;
  terminate(): void;
}

export function startAnalysisWorker(): AnalysisWorker {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'marginalia-analysis' });
}

export function createWorkerAnalysis(start: () => AnalysisWorker = startAnalysisWorker, fallback: () => AnalysisClient = createLazyInlineAnalysis): AnalysisClient {
  interface Pending {
    resolve: (value: unknown) => void;
    reject: (error: Error) => void;
    /** The same request answered on this thread, if the worker turns out not to work here. */
    onThisThread: () => Promise<unknown>;
    /** Told how far the work is (0–1), when the caller asked. */
    onProgress?: (fraction: number) => void;
  }
  let worker: AnalysisWorker | undefined;
  /** Set once a worker has answered: from then on a failure is a crash, not a missing worker. */
  let workerWorks = false;
  /** Set when a worker failed before ever answering (blocked by the page, failed to load). */
  let noWorker = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let inline: AnalysisClient | undefined;
  const inlineClient = (): AnalysisClient => (inline ??= fallback());

  const stop = (): Pending[] => {
    worker?.terminate();
    worker = undefined;
    const stopped = [...pending.values()];
    pending.clear();
    return stopped;
  };

  const failed = (): void => {
    const stopped = stop();
    if (workerWorks) {
      for (const request of stopped) request.reject(new Error('The analysis stopped unexpectedly; please try again.'));
      return;
    }
    // It never answered: workers do not run here. Answer on this thread, now and from now on.
    noWorker = true;
    for (const request of stopped) request.onThisThread().then(request.resolve, request.reject);
  };

  const running = (): AnalysisWorker => {
    if (worker) return worker;
    const started = start();
    started.onmessage = ({ data }) => {
      workerWorks = true;
      const request = pending.get(data.id);
      if (!request) return;
      if ('progress' in data) {
        request.onProgress?.(data.progress);
        return;
      }
      pending.delete(data.id);
      if (data.ok) request.resolve(data.value);
      else request.reject(new Error(data.message));
    };
    started.onerror = (event) => {
      event.preventDefault();
      failed();
    };
    // An answer that cannot be read back: which request it was is unknown, so none can be trusted.
    started.onmessageerror = () => failed();
    worker = started;
    return started;
  };

  /**
   * Asks the worker; where no worker can start or load (a locked-down page) the same work runs on
   * this thread through `onThisThread`, slower but not wrong.
   */
  function call<M extends AnalysisMethod, T = Result<M>>(
    method: M,
    args: Parameters<Operations[M]>,
    onThisThread: (client: AnalysisClient) => Promise<T>,
    onProgress?: (fraction: number) => void,
  ): Promise<T> {
    const here = (): Promise<T> => onThisThread(inlineClient());
    let target: AnalysisWorker;
    try {
      if (noWorker) return here();
      target = running();
    } catch {
      noWorker = true;
      return here();
    }
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onThisThread: here, ...(onProgress ? { onProgress } : {}) });
      try {
        target.postMessage(onProgress ? { id, method, args, progress: true } : { id, method, args });
      } catch (error) {
        pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  return {
    warmUp: (projectId) => call('warmUp', [projectId], (c) => c.warmUp(projectId)),
    // The filter is passed on only when given: requests without one stay as they always were.
    retrieveSegments: (projectId, codeIds, filter) =>
      call('retrieveSegmentsPacked', filter ? [projectId, codeIds, filter] : [projectId, codeIds], async (c) =>
        packSegments(await (filter ? c.retrieveSegments(projectId, codeIds, filter) : c.retrieveSegments(projectId, codeIds))),
      ).then(unpackSegments),
    segmentTexts: (refs) => call('segmentTexts', [refs], (c) => c.segmentTexts(refs)),
    segmentDetails: (projectId, refs, caseRevision) => call('segmentDetails', [projectId, refs, caseRevision], (c) => c.segmentDetails(projectId, refs, caseRevision)),
    findInSource: (sourceId, query) => call('findInSource', [sourceId, query], (c) => c.findInSource(sourceId, query)),
    cooccurrence: (projectId, codeIds, filter) =>
      call('cooccurrence', filter ? [projectId, codeIds, filter] : [projectId, codeIds], (c) => (filter ? c.cooccurrence(projectId, codeIds, filter) : c.cooccurrence(projectId, codeIds))),
    storeSurvey: (projectId, survey) => call('storeSurvey', [projectId, survey], (c) => c.storeSurvey(projectId, survey)),
    segmentsCsv: (projectId, codeIds, filter) =>
      call('segmentsCsv', filter ? [projectId, codeIds, filter] : [projectId, codeIds], (c) => (filter ? c.segmentsCsv(projectId, codeIds, filter) : c.segmentsCsv(projectId, codeIds))),
    crosstab: (projectId, request) => call('crosstab', [projectId, request], (c) => c.crosstab(projectId, request)),
    crosstabCell: (projectId, request, row, key) => call('crosstabCell', [projectId, request, row, key], (c) => c.crosstabCell(projectId, request, row, key)),
    codeFrequencyTable: (projectId, filter) => call('codeFrequencyTable', [projectId, filter], (c) => c.codeFrequencyTable(projectId, filter)),
    wordFrequencyTable: (projectId, request) => call('wordFrequencyTable', [projectId, request], (c) => c.wordFrequencyTable(projectId, request)),
    previewAutoCode: (projectId, request) => call('previewAutoCode', [projectId, request], (c) => c.previewAutoCode(projectId, request)),
    commitAutoCode: (projectId, request) => call('commitAutoCode', [projectId, request], (c) => c.commitAutoCode(projectId, request)),
    writeProjectFile: (projectId, onProgress) => call('writeProjectFile', [projectId], (c) => c.writeProjectFile(projectId, onProgress), onProgress),
    writeProjectBackup: (projectId, onProgress) => call('writeProjectBackup', [projectId], (c) => c.writeProjectBackup(projectId, onProgress), onProgress),
    openProjectFile: (bytes, onProgress) => call('openProjectFile', [bytes], (c) => c.openProjectFile(bytes, onProgress), onProgress),
    prepareQueries: (projectId) => call('prepareQueries', [projectId], (c) => c.prepareQueries(projectId)),
    runCodingQuery: (projectId, query, filter) =>
      call('runCodingQueryPacked', [projectId, query, filter], async (c) => packHits(await c.runCodingQuery(projectId, query, filter))).then(unpackHits),
    unitMatrixCsv: (projectId, options) => call('unitMatrixCsv', [projectId, options], (c) => c.unitMatrixCsv(projectId, options)),
    agreementChoices: (projectId) => call('agreementChoices', [projectId], (c) => c.agreementChoices(projectId)),
    agreementFigures: (projectId, request) => call('agreementFigures', [projectId, request], (c) => c.agreementFigures(projectId, request)),
    agreementReport: (projectId, request) => call('agreementReport', [projectId, request], (c) => c.agreementReport(projectId, request)),
  };
}
