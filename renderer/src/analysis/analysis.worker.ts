// The analysis worker: answers requests from workerAnalysis.ts by running analysisOperations
// against its own connection to the app's database (IndexedDB is shared by every thread of the
// origin), so the codings are read, sorted and counted off the UI thread.
import * as operations from './analysisOperations';
import type { AnalysisRequest, AnalysisResponse } from './analysisMessages';
import { errorMessage } from '../../../shared/errors/errorMessage';
import { loadProjectFileOperations } from './lazyProjectFileOperations';
import { PROJECT_FILE_WORKER_NAME } from './projectFileWorkerName';

const scope = self as unknown as { name: string; onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null; postMessage(message: AnalysisResponse, transfer?: Transferable[]): void };

// The project-file operations are not part of this script (lazyProjectFileOperations.ts): the
// analyses' worker, whose warm-up and first retrieval waited for them, never runs them in the
// app. The project-file worker (projectFileWorker.ts) runs this script for saves and opens alone:
// it loads them at once, as it did when they were part of the script.
if (scope.name === PROJECT_FILE_WORKER_NAME) void loadProjectFileOperations().catch(() => undefined);

scope.onmessage = (event) => {
  const { id, method, args, progress } = event.data;
  const run = operations[method] as (...values: unknown[]) => Promise<unknown>;
  // Progress is posted as it comes: the page's bar moves while this thread is still busy.
  const values: unknown[] = progress ? [...args, (fraction: number) => scope.postMessage({ id, progress: fraction })] : args;
  run(...values).then(
    (value) => scope.postMessage({ id, ok: true, value }, transferOf(value)),
    (error: unknown) => scope.postMessage({ id, ok: false, message: errorMessage(error) }),
  );
};

/** A project file's bytes move to the page instead of being copied (tens of megabytes). */
function transferOf(value: unknown): Transferable[] {
  const bytes = (value as { bytes?: unknown } | null)?.bytes;
  return bytes instanceof Uint8Array && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : [];
}
