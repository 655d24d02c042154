// Runs an analysis for some codes and runs it again when their codings change. The analysis may
// run in a worker that Dexie's live queries cannot watch, so the trigger is a live revision of
// those codes' codings (codingsRevision: counts and write stamps, no coding read) and the order
// of the sources (reading order).
import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { codingsRevision } from '../db/codingsRepository';
import { useSources } from '../db/queries';
import { reportError } from '../stores/uiStore';
import type { AnalysisClient } from './analysisClient';
import { getAnalysis } from './index';

/**
 * The last few results, so coming back to a view (after opening a segment in the document) shows
 * its list at once instead of running the analysis again, as long as nothing it counts changed.
 */
const RECENT_RESULTS = 4;
const recent = new Map<string, { trigger: string; value: unknown }>();

function remember(key: string, trigger: string, value: unknown): void {
  recent.delete(key);
  recent.set(key, { trigger, value });
  for (const old of recent.keys()) {
    if (recent.size <= RECENT_RESULTS) break;
    recent.delete(old);
  }
}

export interface AnalysisQuery<T> {
  /** The result for exactly these codes (the latest one while a refresh runs); undefined until the first. */
  value: T | undefined;
  /** True while the value is being (re)computed. */
  running: boolean;
}

/**
 * `run` is called with the client; `queryKey` names what it computes, the same for the same
 * question anywhere ("segments:<code ids>"): it changes when `run` asks something else, and
 * results are shared between views under it.
 */
export function useAnalysisQuery<T>(
  projectId: string,
  codeIds: readonly string[],
  queryKey: string,
  run: (client: AnalysisClient) => Promise<T>,
): AnalysisQuery<T> {
  const codesKey = [...codeIds].sort().join('|');
  // The revision is tagged with what it is of: when the codes change, the live query still holds
  // the last codes' revision until the new one is read, and running on that one would run the
  // analysis twice (once now, again when the right revision arrives), the answer shown only after
  // the second. So the analysis waits for its own codes' revision.
  // (A string, not an object: an unchanged revision is then an equal value and renders nothing.)
  const of = `${projectId}#${codesKey}\n`;
  const live = useLiveQuery(async () => of + (await codingsRevision(projectId, codesKey === '' ? [] : codesKey.split('|'))), [projectId, codesKey]);
  const revision = live?.startsWith(of) ? live.slice(of.length) : undefined;
  const sources = useSources(projectId);
  const runNow = useEffectEvent(() => run(getAnalysis()));
  const [result, setResult] = useState<{ queryKey: string; trigger: string; value: T } | null>(null);

  const trigger = useMemo(() => {
    if (revision === undefined || !sources) return null;
    return `${sources.map((s) => s.id).join(',')}|${revision}`;
  }, [revision, sources]);

  useEffect(() => {
    if (trigger === null) return;
    const hit = recent.get(queryKey);
    if (hit && hit.trigger === trigger) {
      setResult({ queryKey, trigger, value: hit.value as T });
      return;
    }
    let current = true;
    runNow().then(
      (value) => {
        remember(queryKey, trigger, value);
        if (current) setResult({ queryKey, trigger, value });
      },
      (error: unknown) => {
        if (current) reportError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [queryKey, trigger]);

  const fresh = result !== null && result.queryKey === queryKey;
  return { value: fresh ? result.value : undefined, running: !fresh || result.trigger !== trigger };
}
