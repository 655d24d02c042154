// Starts a project search off the page thread and watches it. Each search gets a fresh worker;
// if the search has not finished by its time limit plus a margin, one `exec` of the regular
// expression is stuck backtracking (the search itself stops between matches at the limit), so
// the worker is terminated and the search ends with `frozen` and the hits found so far.
// Where no Worker exists (jsdom tests) the same search runs on this thread.
import type { SearchHit, SearchSummary } from '../../../shared/analysis/search';
import { runProjectSearch, type SearchMessage, type SearchRequest } from './projectSearch';

/** How long a search may run (the search stops itself at this point, between matches). */
export const SEARCH_TIME_LIMIT_MS = 5_000;
/** Beyond the limit, how long before the worker is presumed stuck inside one match and stopped. */
export const SEARCH_STOP_MARGIN_MS = 2_000;

export type SearchOutcome =
  | { kind: 'done'; summary: SearchSummary }
  | { kind: 'refused'; message: string }
  /** The worker was terminated: a single match attempt ran past the limit. */
  | { kind: 'frozen' }
  | { kind: 'cancelled' };

export interface SearchCallbacks {
  onHits(hits: SearchHit[]): void;
  onProgress?(searched: number, total: number): void;
}

export interface RunningSearch {
  cancel(): void;
  outcome: Promise<SearchOutcome>;
}

export interface SearchWorker {
  onmessage: ((event: MessageEvent<SearchMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: SearchRequest): void;
  terminate(): void;
}

function startSearchWorker(): SearchWorker {
  return new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'marginalia-search' });
}

/** A worker started ahead of the next search, its database already open (see prepareSearchWorker). */
let spare: { worker: SearchWorker; failed: boolean } | null = null;

/**
 * Starts the next search's worker now (the Search view does when it opens, and a finished search
 * does for the one after it): loading a worker and opening its database connection then happen
 * while the user types, not after the click.
 */
export function prepareSearchWorker(): void {
  if (typeof Worker !== 'function' || spare !== null) return;
  const prepared = { worker: startSearchWorker(), failed: false };
  // A worker that fails to load before its search is handed it is not handed out (its error would
  // have gone unheard); the search gets a new one, whose failure it hears.
  prepared.worker.onerror = (event) => {
    event.preventDefault();
    prepared.failed = true;
  };
  spare = prepared;
}

/** The prepared worker if there is one (and it loaded), else a new one. */
function nextSearchWorker(): SearchWorker {
  const prepared = spare;
  spare = null;
  if (prepared && !prepared.failed) return prepared.worker;
  prepared?.worker.terminate();
  return startSearchWorker();
}

export function startSearch(
  request: Omit<SearchRequest, 'timeMs'> & { timeMs?: number },
  callbacks: SearchCallbacks,
  start: (() => SearchWorker) | null = typeof Worker === 'function' ? nextSearchWorker : null,
): RunningSearch {
  const full: SearchRequest = { ...request, timeMs: request.timeMs ?? SEARCH_TIME_LIMIT_MS };
  let finish: (outcome: SearchOutcome) => void = () => undefined;
  let finished = false;
  const outcome = new Promise<SearchOutcome>((resolve) => {
    finish = (value) => {
      if (finished) return;
      finished = true;
      resolve(value);
    };
  });
  const handle = (message: SearchMessage): void => {
    if (finished) return;
    if (message.kind === 'hits') callbacks.onHits(message.hits);
    else if (message.kind === 'progress') callbacks.onProgress?.(message.searched, message.total);
    else finish(message);
  };
  if (!start) {
    runProjectSearch(full, handle).catch((error: unknown) => handle({ kind: 'refused', message: error instanceof Error ? error.message : String(error) }));
    return { cancel: () => finish({ kind: 'cancelled' }), outcome };
  }
  const worker = start();
  const watchdog = setTimeout(() => {
    worker.terminate();
    finish({ kind: 'frozen' });
  }, full.timeMs + SEARCH_STOP_MARGIN_MS);
  worker.onmessage = (event) => handle(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    finish({ kind: 'refused', message: 'The search stopped unexpectedly; please try again.' });
  };
  void outcome.then(() => {
    clearTimeout(watchdog);
    worker.terminate();
    // The next search starts on a worker made ready while this one's results are read.
    if (start === nextSearchWorker) prepareSearchWorker();
  });
  worker.postMessage(full);
  return { cancel: () => finish({ kind: 'cancelled' }), outcome };
}
