// The parsing worker: runs the shared parsers (.txt, .md, .html, .docx, .odt, .csv, .xlsx) and
// rtf.js (.rtf, on a small stand-in for the DOM) off the main thread, so a large or hostile
// document never freezes the dialog, and the page can stop it when it takes too long.
import { failedResponse } from '../../../../../shared/import/parseRequest';
import { runWorkerRequest } from './runWorkerRequest';
import type { WorkerParseRequest } from './workerParser';

// The renderer's tsconfig has the DOM lib, not WebWorker: describe the little of the worker scope we use.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerParseRequest>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  const request = event.data;
  runWorkerRequest(request).then(
    (response) => scope.postMessage(response),
    () => scope.postMessage(failedResponse(request.format === 'rtf' ? 'text' : request.format, 'This file could not be read (the reader failed unexpectedly).')),
  );
};
