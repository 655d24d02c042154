// The worker that writes and opens project files: the analysis worker's script in a second
// thread, so a save, an open or a backup of a big project waits for no analysis and delays none.
import type { AnalysisClient } from './analysisClient';
import { createLazyInlineAnalysis } from './lazyInlineAnalysis';
import { createWorkerAnalysis, type AnalysisWorker } from './workerAnalysis';
import { PROJECT_FILE_WORKER_NAME } from './projectFileWorkerName';

let client: AnalysisClient | undefined;

function startProjectFileWorker(): AnalysisWorker {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: PROJECT_FILE_WORKER_NAME });
}

export function getProjectFileWorker(): AnalysisClient {
  client ??= typeof Worker === 'function' ? createWorkerAnalysis(startProjectFileWorker) : createLazyInlineAnalysis();
  return client;
}
