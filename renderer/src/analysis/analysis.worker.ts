// The analysis worker: answers requests from workerAnalysis.ts by running analysisOperations
// against its own connection to the app's database (IndexedDB is shared by every thread of the
// origin), so the codings are read, sorted and counted off the UI thread.
import * as operations from './analysisOperations';
import type { AnalysisRequest, AnalysisResponse } from './analysisMessages';
import { errorMessage } from '../../../shared/errors/errorMessage';

const scope = self as unknown as { onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null; postMessage(message: AnalysisResponse): void };

scope.onmessage = (event) => {
  const { id, method, args } = event.data;
  const run = operations[method] as (...values: unknown[]) => Promise<unknown>;
  run(...args).then(
    (value) => scope.postMessage({ id, ok: true, value }),
    (error: unknown) => scope.postMessage({ id, ok: false, message: errorMessage(error) }),
  );
};
