// Paints a coding the moment the user applies it, before the database write and the live query
// have come back (which, for a source with tens of thousands of codings, takes longer than a
// frame). The provisional coding disappears as soon as the stored one arrives, or if the write fails.
import { useCallback, useMemo, useState } from 'react';
import type { CodingSpan } from '../../../../shared/model/types';
import type { ProvisionalEdit } from '../../stores/uiStore';

const sameSpan = (a: CodingSpan, b: CodingSpan): boolean => a.codeId === b.codeId && a.start === b.start && a.end === b.end && a.coder === b.coder;

export function useProvisionalCodings(stored: readonly CodingSpan[]) {
  const [provisional, setProvisional] = useState<readonly CodingSpan[]>([]);
  // Usually nothing is provisional, and then the stored list is not looked at: building a key per
  // stored coding on every live-query update was 20,000 strings of garbage on a big source.
  // With a few provisional codings, scanning the stored ones for each is cheaper than indexing them.
  const pending = useMemo(
    () => (provisional.length === 0 ? provisional : provisional.filter((p) => !stored.some((s) => sameSpan(s, p)))),
    [provisional, stored],
  );
  const shown = useMemo(() => (pending.length === 0 ? stored : [...stored, ...pending]), [pending, stored]);

  /** Shows `coding` until `write` settles; returns what `write` returns. */
  const withProvisional = useCallback(async <T,>(coding: CodingSpan, write: () => Promise<T>): Promise<T> => {
    setProvisional((list) => [...list, coding]);
    try {
      return await write();
    } finally {
      // Stored by now (or failed): the live query's copy takes over.
      setProvisional((list) => list.filter((c) => c !== coding));
    }
  }, []);

  return { shown, withProvisional };
}

/**
 * The codings with an Undo or Redo in flight applied (features/history/undoActions.ts): hidden
 * ones left out, shown ones added unless already stored. Once the stored list agrees, it is the
 * stored list unchanged.
 */
export function useWithProvisionalEdit(codings: readonly CodingSpan[], edit: ProvisionalEdit | null, sourceId: string | null): readonly CodingSpan[] {
  return useMemo(() => {
    if (!edit) return codings;
    const hide = new Set(edit.hide);
    const kept = codings.filter((c) => !hide.has(c.id));
    const stored = new Set(kept.map((c) => c.id));
    const added = edit.show.filter((c) => !stored.has(c.id) && c.sourceId === sourceId);
    if (kept.length === codings.length && added.length === 0) return codings;
    return [...kept, ...added];
  }, [codings, edit, sourceId]);
}
