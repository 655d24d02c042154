// The custom split pattern runs in a worker with a time limit: a pattern that backtracks
// catastrophically is stopped (the worker terminated) with a reason, and a superseded run is
// cancelled, so the window never freezes on a bad regular expression.
import { describe, expect, it, vi } from 'vitest';
import { splitByCustomPattern } from '../../../shared/import/split/customPattern';
import { runPatternPreview, type PatternWorker } from '../../../renderer/src/features/split/patternPreview';
import type { PatternRequest } from '../../../renderer/src/features/split/pattern.worker';

/** A worker that answers like the real one, or never (a pattern still backtracking). */
function fakeWorker(answer: boolean): PatternWorker & { terminated: boolean } {
  const worker = {
    onmessage: null as PatternWorker['onmessage'],
    onerror: null as PatternWorker['onerror'],
    terminated: false,
    postMessage(request: PatternRequest) {
      if (!answer) return;
      const data = splitByCustomPattern(request.text, request.pattern, { flags: request.flags });
      queueMicrotask(() => worker.onmessage?.({ data } as MessageEvent));
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker;
}

describe('runPatternPreview', () => {
  it('returns the matches and the suggestion, then ends the worker', async () => {
    const worker = fakeWorker(true);
    const run = runPatternPreview({ text: 'Q1: yes\nQ2: no\n', pattern: '^(Q\\d):', flags: 'mu' }, () => worker, 1000);
    const result = await run.result;
    expect(result.ok && result.matches.map((m) => m.label)).toEqual(['Q1', 'Q2']);
    expect(worker.terminated).toBe(true);
  });

  it('stops a pattern that takes too long and says why', async () => {
    vi.useFakeTimers();
    const worker = fakeWorker(false);
    const run = runPatternPreview({ text: `${'a'.repeat(40)}!`, pattern: '^(a+)+$', flags: 'mu' }, () => worker, 2000);
    vi.advanceTimersByTime(2000);
    await expect(run.result).resolves.toEqual({ ok: false, reason: expect.stringMatching(/took longer than 2 seconds and was stopped/) });
    expect(worker.terminated).toBe(true);
    vi.useRealTimers();
  });

  it('cancels a superseded run and reports a worker that cannot start', async () => {
    const worker = fakeWorker(false);
    const run = runPatternPreview({ text: 'x', pattern: 'x', flags: 'mu' }, () => worker, 1000);
    run.cancel();
    expect(worker.terminated).toBe(true);
    const broken = runPatternPreview({ text: 'x', pattern: 'x', flags: 'mu' }, () => {
      throw new Error('no workers here');
    });
    await expect(broken.result).resolves.toEqual({ ok: false, reason: expect.stringMatching(/could not be tried/) });
  });
});
