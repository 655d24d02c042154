// Picks the analysis client the UI uses, once: inline on the main thread for now; the Web Worker
// client replaces it where Workers exist.
import type { AnalysisClient } from './analysisClient';
import { createInlineAnalysis } from './inlineAnalysis';

let analysis: AnalysisClient | undefined;

export function getAnalysis(): AnalysisClient {
  analysis ??= createInlineAnalysis();
  return analysis;
}

/** For tests and for the worker client: run the UI against another implementation. */
export function replaceAnalysis(next: AnalysisClient): void {
  analysis = next;
}
