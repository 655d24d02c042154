// The codebook worker: reads a picked codebook file (CSV, .qdc, .qde, .qdpx) off the page thread.
import { readCodebookFileResult } from '../../../../shared/codebook/readCodebookFile';
import type { CodebookReadRequest } from './codebookFile';

// The renderer's tsconfig has the DOM lib, not WebWorker: describe the little of the worker scope we use.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CodebookReadRequest>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  const { name, bytes } = event.data;
  scope.postMessage(readCodebookFileResult(name, bytes));
};
