// The open source's text and codings for the document view, each answer labelled with the source
// it was read for. A live query keeps its last answer while the next one is read, so right after
// another source is opened the view would otherwise be handed the previous source's text or
// codings under the new source's name (and split, index and lay them out for nothing).
import { useLiveQuery } from 'dexie-react-hooks';
import type { CodingSpan } from '../../../shared/model/types';
import { getDb } from './db';
import { spansOfSource } from './codingsRepository';

export function useSourceTextOf(sourceId: string | null): { sourceId: string; text: string } | undefined {
  return useLiveQuery(async () => (sourceId ? { sourceId, text: (await getDb().sourceTexts.get(sourceId))?.text ?? '' } : undefined), [sourceId]);
}

/** The codings as the view paints them: no quote selectors (see spansOfSource). */
export function useSourceSpansOf(sourceId: string | null): { sourceId: string; codings: CodingSpan[] } | undefined {
  return useLiveQuery(async () => (sourceId ? { sourceId, codings: await spansOfSource(sourceId) } : undefined), [sourceId]);
}
