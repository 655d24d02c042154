// The live preview of a custom split pattern: re-run (in a worker, with a time limit) a moment
// after the user stops typing; an older run is cancelled when a newer one starts.
import { useEffect, useState } from 'react';
import type { CustomPatternResult } from '../../../../shared/import/split/customPattern';
import { runPatternPreview } from './patternPreview';

const DEBOUNCE_MS = 250;

export type PatternState = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: CustomPatternResult; pattern: string; flags: string };

export function useCustomPattern(text: string, pattern: string, flags: string, enabled: boolean): PatternState {
  const [state, setState] = useState<PatternState>({ status: 'idle' });
  useEffect(() => {
    if (!enabled || pattern === '') {
      setState({ status: 'idle' });
      return;
    }
    setState({ status: 'running' });
    let run: ReturnType<typeof runPatternPreview> | null = null;
    const timer = setTimeout(() => {
      run = runPatternPreview({ text, pattern, flags });
      void run.result.then((result) => setState({ status: 'done', result, pattern, flags }));
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      run?.cancel();
    };
  }, [text, pattern, flags, enabled]);
  return state;
}
