// Which files in the import dialog are already in the project (same name or same text), found as
// each file is read. Reads only the texts of sources that could match (same length or name).
import { useEffect, useState } from 'react';
import { findDuplicate, sourcesToCompare, type Duplicate } from '../../../../shared/import/duplicates';
import { getSourceText, useSources } from '../../db/queries';
import type { ImportEntry } from './importEntry';

export function useDuplicates(projectId: string, entries: readonly ImportEntry[]): ReadonlyMap<number, Duplicate> {
  const sources = useSources(projectId);
  const [found, setFound] = useState<ReadonlyMap<number, Duplicate>>(new Map());
  useEffect(() => {
    if (!sources) return;
    let cancelled = false;
    void (async () => {
      const next = new Map<number, Duplicate>();
      for (const entry of entries) {
        if (entry.state.status !== 'document') continue;
        const { text } = entry.state;
        const candidates = sourcesToCompare(entry.file.name, text.length, sources);
        if (candidates.length === 0) continue;
        const withTexts = await Promise.all(
          candidates.map(async (s) => ({ ...s, text: s.length === text.length ? await getSourceText(s.id) : undefined })),
        );
        const duplicate = findDuplicate(entry.file.name, text, withTexts);
        if (duplicate) next.set(entry.key, duplicate);
      }
      if (!cancelled) setFound(next);
    })();
    return () => {
      cancelled = true;
    };
  }, [entries, sources]);
  return found;
}
