// Runs a custom split pattern in a fresh worker with a time limit, and always settles: with the
// matches, or with a reason when the pattern is invalid, too slow (the worker is terminated, so
// a catastrophic pattern costs the user a short wait, never a frozen window) or the worker fails.
import type { CustomPatternResult } from '../../../../shared/import/split/customPattern';
import type { PatternRequest } from './pattern.worker';

/** Long enough for any sane pattern over a long transcript; short enough to feel live. */
export const PATTERN_TIMEOUT_MS = 2000;

export interface PatternWorker {
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: PatternRequest): void;
  terminate(): void;
}

export function createPatternWorker(): PatternWorker {
  return new Worker(new URL('./pattern.worker.ts', import.meta.url), { type: 'module', name: 'marginalia-split-pattern' });
}

export interface PatternRun {
  result: Promise<CustomPatternResult>;
  /** Stops the run (a newer keystroke supersedes it); the promise then never settles. */
  cancel(): void;
}

export function runPatternPreview(
  request: PatternRequest,
  createWorker: () => PatternWorker = createPatternWorker,
  timeoutMs: number = PATTERN_TIMEOUT_MS,
): PatternRun {
  let worker: PatternWorker | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(timer);
    worker?.terminate();
    worker = null;
  };
  const result = new Promise<CustomPatternResult>((resolve) => {
    try {
      worker = createWorker();
    } catch {
      resolve({ ok: false, reason: 'The pattern could not be tried (no worker could be started).' });
      return;
    }
    const finish = (outcome: CustomPatternResult) => {
      stop();
      resolve(outcome);
    };
    timer = setTimeout(
      () =>
        finish({
          ok: false,
          reason: `The pattern took longer than ${timeoutMs / 1000} seconds and was stopped. It probably backtracks too much (nested repeats such as (a+)+); make it more specific.`,
        }),
      timeoutMs,
    );
    worker.onmessage = (event) => finish(event.data as CustomPatternResult);
    worker.onerror = () => finish({ ok: false, reason: 'The pattern could not be tried (the worker failed).' });
    worker.postMessage(request);
  });
  return { result, cancel: stop };
}
