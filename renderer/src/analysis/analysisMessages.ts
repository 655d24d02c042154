// The messages between the analysis worker and its client: a method of analysisOperations by
// name with its arguments, answered with its value or the message of what went wrong.
import type * as operations from './analysisOperations';

type Operations = typeof operations;
export type AnalysisMethod = {
  [K in keyof Operations]: Operations[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof Operations];

export interface AnalysisRequest<M extends AnalysisMethod = AnalysisMethod> {
  id: number;
  method: M;
  args: Parameters<Operations[M]>;
  /**
   * The caller wants to hear how far the work is: the worker passes the method one more
   * argument, a function that answers `{id, progress}` (0–1) before the value comes.
   */
  progress?: true;
}

export type AnalysisResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string }
  | { id: number; progress: number };
