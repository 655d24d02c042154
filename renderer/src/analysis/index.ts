// Picks where the analyses run, once: in a worker where the platform has workers, else inline.
import type { AnalysisClient } from './analysisClient';
import { createLazyInlineAnalysis } from './lazyInlineAnalysis';
import { createWorkerAnalysis } from './workerAnalysis';

let client: AnalysisClient | undefined;

export function getAnalysis(): AnalysisClient {
  client ??= typeof Worker === 'function' ? createWorkerAnalysis() : createLazyInlineAnalysis();
  return client;
}

/** For tests: run the UI against another client. */
export function replaceAnalysis(next: AnalysisClient): void {
  client = next;
}
