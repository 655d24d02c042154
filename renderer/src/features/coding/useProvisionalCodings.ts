// Paints a coding the moment the user applies it, before the database write and the live query
// have come back (which, for a source with tens of thousands of codings, takes longer than a
// frame). The provisional coding disappears as soon as the stored one arrives, or if the write fails.
import { useCallback, useMemo, useState } from 'react';
import type { Coding } from '../../../../shared/model/types';

const spanKey = (c: Pick<Coding, 'codeId' | 'start' | 'end'>): string => `${c.codeId}|${c.start}|${c.end}`;

export function useProvisionalCodings(stored: readonly Coding[]) {
  const [provisional, setProvisional] = useState<readonly Coding[]>([]);
  const storedKeys = useMemo(() => new Set(stored.map(spanKey)), [stored]);
  const pending = useMemo(() => provisional.filter((p) => !storedKeys.has(spanKey(p))), [provisional, storedKeys]);
  const shown = useMemo(() => (pending.length === 0 ? stored : [...stored, ...pending]), [pending, stored]);

  /** Shows `coding` until `write` settles; returns what `write` returns. */
  const withProvisional = useCallback(async <T,>(coding: Coding, write: () => Promise<T>): Promise<T> => {
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
