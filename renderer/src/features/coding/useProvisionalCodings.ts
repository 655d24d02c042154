// Paints a coding the moment the user applies it, before the database write and the live query
// have come back (which, for a source with tens of thousands of codings, takes longer than a
// frame). The provisional coding gives way to the stored one when the live query brings it, or
// goes if the write fails. The write's promise settles before the live query has read the stored
// copy again: dropping the provisional one then showed the passage uncoded for a frame or two
// (and painted the view twice more for nothing).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CodingSpan } from '../../../../shared/model/types';
import type { ProvisionalEdit } from '../../stores/uiStore';

const sameSpan = (a: CodingSpan, b: CodingSpan): boolean => a.codeId === b.codeId && a.start === b.start && a.end === b.end && a.coder === b.coder;

/** A written coding is dropped after this long even if no stored list arrives after its write (nothing changed). */
export const SETTLED_MS = 5_000;

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

  // Written ones wait for the next stored list, read after their write: it holds them, or they
  // were taken back meanwhile (an Undo right away) and must not linger. Each is kept with the list
  // that was current when its write settled.
  const written = useRef(new Map<CodingSpan, readonly CodingSpan[]>());
  const latestStored = useRef(stored);
  useEffect(() => {
    latestStored.current = stored;
  }, [stored]);
  const drop = useCallback((gone: readonly CodingSpan[]) => {
    for (const coding of gone) written.current.delete(coding);
    setProvisional((list) => list.filter((c) => !gone.includes(c)));
  }, []);
  useEffect(() => {
    if (written.current.size === 0) return;
    const done = [...written.current].filter(([, settledWith]) => settledWith !== stored).map(([coding]) => coding);
    if (done.length > 0) drop(done);
  }, [drop, stored]);

  /** Shows `coding` until `write` settles and the stored list read after it arrives; returns what `write` returns. */
  const withProvisional = useCallback(
    async <T,>(coding: CodingSpan, write: () => Promise<T>): Promise<T> => {
      setProvisional((list) => [...list, coding]);
      let result: T;
      try {
        result = await write();
      } catch (error) {
        // Nothing was stored: nothing may look coded.
        drop([coding]);
        throw error;
      }
      // Already there (the live query came first, or the write stored nothing new): done.
      if (latestStored.current.some((s) => sameSpan(s, coding))) drop([coding]);
      else {
        written.current.set(coding, latestStored.current);
        setTimeout(() => written.current.has(coding) && drop([coding]), SETTLED_MS);
      }
      return result;
    },
    [drop],
  );

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
