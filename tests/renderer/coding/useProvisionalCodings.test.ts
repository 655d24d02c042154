// A coding applied by the user shows at once, and exactly once: while it is being written, and
// then as the stored copy the live query brings back.
import { describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import type { Coding } from '../../../shared/model/types';
import { useProvisionalCodings } from '../../../renderer/src/features/coding/useProvisionalCodings';

const coding = (id: string, codeId: string, start: number, end: number): Coding => ({
  id, projectId: 'p', sourceId: 's', codeId, start, end, exact: '', prefix: '', suffix: '', coder: '', createdAt: '',
});

describe('useProvisionalCodings', () => {
  it('shows the stored list itself while nothing is provisional', () => {
    const stored = [coding('a', 'c1', 0, 4)];
    const { result } = renderHook(({ list }) => useProvisionalCodings(list), { initialProps: { list: stored } });
    expect(result.current.shown).toBe(stored);
  });

  it('shows a provisional coding until the stored copy arrives, never both', async () => {
    const stored = [coding('a', 'c1', 0, 4)];
    const { result, rerender } = renderHook(({ list }) => useProvisionalCodings(list), { initialProps: { list: stored } });
    let finishWrite: () => void = () => undefined;
    let written: Promise<void> = Promise.resolve();
    act(() => {
      written = result.current.withProvisional(coding('provisional', 'c2', 5, 9), () => new Promise<void>((resolve) => (finishWrite = resolve)));
    });
    expect(result.current.shown.map((c) => c.id)).toEqual(['a', 'provisional']);
    // The live query brings the stored copy before the write's promise settles.
    rerender({ list: [...stored, coding('b', 'c2', 5, 9)] });
    expect(result.current.shown.map((c) => c.id)).toEqual(['a', 'b']);
    await act(async () => {
      finishWrite();
      await written;
    });
    expect(result.current.shown.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('keeps showing a written coding until the live query brings its stored copy, so the passage never looks uncoded', async () => {
    const stored = [coding('a', 'c1', 0, 4)];
    const { result, rerender } = renderHook(({ list }) => useProvisionalCodings(list), { initialProps: { list: stored } });
    // The write settles first (as a Dexie transaction's promise does, before the live query reads again).
    await act(async () => {
      await result.current.withProvisional(coding('provisional', 'c2', 5, 9), () => Promise.resolve());
    });
    expect(result.current.shown.map((c) => c.id)).toEqual(['a', 'provisional']);
    const arrived = [...stored, coding('b', 'c2', 5, 9)];
    rerender({ list: arrived });
    expect(result.current.shown.map((c) => c.id)).toEqual(['a', 'b']);
    // Once the stored copy is there the stored list is shown as it is.
    expect(result.current.shown).toBe(arrived);
  });

  it('takes a provisional coding away when its write fails', async () => {
    const stored = [coding('a', 'c1', 0, 4)];
    const { result } = renderHook(({ list }) => useProvisionalCodings(list), { initialProps: { list: stored } });
    await act(async () => {
      await expect(result.current.withProvisional(coding('provisional', 'c2', 5, 9), () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    });
    expect(result.current.shown).toBe(stored);
  });

  it('lets a written coding go with the next stored list even when that list lacks it (undone at once)', async () => {
    const stored = [coding('a', 'c1', 0, 4)];
    const { result, rerender } = renderHook(({ list }) => useProvisionalCodings(list), { initialProps: { list: stored } });
    await act(async () => {
      await result.current.withProvisional(coding('provisional', 'c2', 5, 9), () => Promise.resolve());
    });
    const afterUndo = [...stored];
    rerender({ list: afterUndo });
    expect(result.current.shown).toBe(afterUndo);
  });
});
