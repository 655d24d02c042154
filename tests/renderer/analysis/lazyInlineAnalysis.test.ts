// The inline analysis fallback is loaded on its first call and answers as the inline client does.
import { describe, expect, it, vi } from 'vitest';
import { createLazyInlineAnalysis } from '../../../renderer/src/analysis/lazyInlineAnalysis';
import type { AnalysisClient } from '../../../renderer/src/analysis/analysisClient';

describe('createLazyInlineAnalysis', () => {
  it('loads the client once, on the first call, and passes every call on with its arguments', async () => {
    const findInSource = vi.fn(async (sourceId: string, query: string) => [{ start: sourceId.length, end: query.length }]);
    const load = vi.fn(async () => ({ findInSource }) as unknown as AnalysisClient);
    const client = createLazyInlineAnalysis(load);
    expect(load).not.toHaveBeenCalled();
    expect(await client.findInSource('abc', 'hello')).toEqual([{ start: 3, end: 5 }]);
    await client.findInSource('x', 'y');
    expect(load).toHaveBeenCalledTimes(1);
    expect(findInSource).toHaveBeenLastCalledWith('x', 'y');
  });

  it('can be awaited or returned from an async function without being taken for a promise', async () => {
    const client = createLazyInlineAnalysis(async () => ({}) as AnalysisClient);
    expect(await Promise.resolve(client)).toBe(client);
  });

  it('really loads the inline operations by default', async () => {
    expect(await createLazyInlineAnalysis().cooccurrence('no project', [])).toEqual({ codeIds: [], counts: [] });
  });
});
