// The search client: hits pass through as the worker posts them, the summary ends the search, and
// a worker still busy past the time limit plus the margin (one regular expression match stuck
// backtracking) is terminated and the search ends as "frozen", keeping what it had found.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_STOP_MARGIN_MS, startSearch, type SearchWorker } from '../../../renderer/src/analysis/searchClient';
import type { SearchMessage, SearchRequest } from '../../../renderer/src/analysis/projectSearch';
import { searchStatus } from '../../../renderer/src/features/analysis/searchStatus';

class FakeWorker implements SearchWorker {
  onmessage: ((event: MessageEvent<SearchMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: SearchRequest[] = [];
  terminated = false;
  postMessage(message: SearchRequest): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  post(message: SearchMessage): void {
    this.onmessage?.({ data: message } as MessageEvent<SearchMessage>);
  }
}

const options = { query: '(a+)+$', mode: 'regex' as const, wholeWord: false, caseSensitive: false };
const hit = { sourceId: 's1', start: 0, end: 3, before: '', match: 'aaa', after: '' };

afterEach(() => {
  vi.useRealTimers();
});

describe('startSearch', () => {
  it('streams hits and ends with the summary, then stops the worker', async () => {
    const worker = new FakeWorker();
    const seen: number[] = [];
    const search = startSearch({ projectId: 'p1', options, filter: {}, timeMs: 1000 }, { onHits: (hits) => seen.push(hits.length) }, () => worker);
    expect(worker.received).toEqual([{ projectId: 'p1', options, filter: {}, timeMs: 1000 }]);
    worker.post({ kind: 'hits', hits: [hit, hit] });
    worker.post({ kind: 'hits', hits: [hit] });
    worker.post({ kind: 'done', summary: { hits: 3, sourcesSearched: 2, stoppedBy: null } });
    await expect(search.outcome).resolves.toEqual({ kind: 'done', summary: { hits: 3, sourcesSearched: 2, stoppedBy: null } });
    expect(seen).toEqual([2, 1]);
    expect(worker.terminated).toBe(true);
  });

  it('terminates a worker stuck past the limit and keeps the hits found before', async () => {
    vi.useFakeTimers();
    const worker = new FakeWorker();
    const seen: number[] = [];
    const search = startSearch({ projectId: 'p1', options, filter: {}, timeMs: 1000 }, { onHits: (hits) => seen.push(hits.length) }, () => worker);
    worker.post({ kind: 'hits', hits: [hit] });
    vi.advanceTimersByTime(1000 + SEARCH_STOP_MARGIN_MS - 1);
    expect(worker.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    await expect(search.outcome).resolves.toEqual({ kind: 'frozen' });
    expect(worker.terminated).toBe(true);
    // A message the dying worker had already queued changes nothing.
    worker.post({ kind: 'hits', hits: [hit] });
    expect(seen).toEqual([1]);
    const status = searchStatus({ options, hits: [hit], searched: 1, total: 3, outcome: { kind: 'frozen' } });
    expect(status).toMatch(/^The search was stopped: the regular expression was still working on one passage after 7 seconds .* Found 1 hit in 1 source before that\./);
  });

  it('passes a refused pattern’s reason on, and cancels on request', async () => {
    const worker = new FakeWorker();
    const refused = startSearch({ projectId: 'p1', options, filter: {} }, { onHits: () => undefined }, () => worker);
    worker.post({ kind: 'refused', message: 'This regular expression could take minutes.' });
    await expect(refused.outcome).resolves.toEqual({ kind: 'refused', message: 'This regular expression could take minutes.' });
    const other = new FakeWorker();
    const cancelled = startSearch({ projectId: 'p1', options, filter: {} }, { onHits: () => undefined }, () => other);
    cancelled.cancel();
    await expect(cancelled.outcome).resolves.toEqual({ kind: 'cancelled' });
    expect(other.terminated).toBe(true);
  });
});
