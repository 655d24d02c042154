// The contract between a bench page and bench/run.mjs: each page puts one object on
// `window.bench`, and the runner calls it through page.evaluate. The three document pages (the
// product's view, the naive one and the peer) implement the same interface, so the runner drives
// them identically and their figures are comparable.
import type { ScrollRecord } from '../measure/frames';

export interface LoadedDocument {
  /** Reading the source text, codes and codings through the repository, ms. */
  ms: number;
  textLength: number;
  /** UTF-8 size of the text: what "a 2 MB transcript" means. */
  textBytes: number;
  paragraphs: number;
  codings: number;
}

export interface DocumentBench {
  load(): Promise<LoadedDocument>;
  /** Renders the text with its first `limit` codings (all when null) until highlighted text is painted. */
  open(limit: number | null, timeoutMs: number): Promise<{ ms: number }>;
  /**
   * Codes one more span in view (the n-th of a deterministic series) until it is painted. `ms`
   * runs to the painted frame; `workMs`, where the page can tell, to the moment the highlight is
   * registered, before the browser's next frame (the part a frame budget must hold).
   */
  applyOne(n: number): Promise<{ ms: number; workMs: number | null }>;
  scroll(steps: number): Promise<ScrollRecord>;
}

export function exposeBench(api: object): void {
  (window as unknown as { bench: object }).bench = api;
  document.documentElement.dataset.benchReady = 'true';
}
