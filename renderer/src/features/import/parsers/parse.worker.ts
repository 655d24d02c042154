// The parsing worker: runs the shared parsers (.txt, .md, .html, .docx, .odt, .csv, .xlsx) off
// the main thread, so a large document or a slow encoding guess never freezes the dialog.
import { runParseRequest, failedResponse, type ParseRequest } from '../../../../../shared/import/parseRequest';

// The renderer's tsconfig has the DOM lib, not WebWorker: describe the little of the worker scope we use.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  const request = event.data;
  runParseRequest(request).then(
    (response) => scope.postMessage(response),
    () => scope.postMessage(failedResponse(request.format, 'This file could not be read (the reader failed unexpectedly).')),
  );
};
