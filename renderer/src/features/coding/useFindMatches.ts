// The matches of the find bar's query, searched in the analysis worker: a common word in a 2 MB
// transcript is thousands of matches, work that would otherwise hold up typing in the find box.
// Until the answer for the current query arrives the previous matches stay (no flicker to zero).
import { useEffect, useState } from 'react';
import type { TextMatch } from '../../../../shared/text/find';
import { getAnalysis } from '../../analysis';
import { reportError } from '../../stores/uiStore';

const NONE: TextMatch[] = [];

export function useFindMatches(sourceId: string, query: string | null): TextMatch[] {
  const [found, setFound] = useState<{ sourceId: string; query: string; matches: TextMatch[] } | null>(null);
  useEffect(() => {
    if (query === null || query === '') return;
    let current = true;
    getAnalysis()
      .findInSource(sourceId, query)
      .then(
        (matches) => {
          if (current) setFound({ sourceId, query, matches });
        },
        (error: unknown) => {
          // Never leave the previous query's matches on screen as if they were this one's.
          if (current) setFound({ sourceId, query, matches: NONE });
          reportError(error);
        },
      );
    return () => {
      current = false;
    };
  }, [sourceId, query]);
  if (query === null || query === '' || !found || found.sourceId !== sourceId) return NONE;
  return found.matches;
}
