// What the parsing worker does with one request, apart from the worker: the shared parsers, or
// rtf.js on the stand-in DOM. Tests call it in-thread (jsdom's document is used when present).
import { runParseRequest, type ParseResponse } from '../../../../../shared/import/parseRequest';
import { limitSourceLength } from '../../../../../shared/import/result';
import { installMiniDom } from './miniDom';
import { parseRtf } from './rtf';
import type { WorkerParseRequest } from './workerParser';

export async function runWorkerRequest(request: WorkerParseRequest): Promise<ParseResponse> {
  if (request.format === 'rtf') {
    installMiniDom();
    return { kind: 'document', result: limitSourceLength(await parseRtf(request.bytes)) };
  }
  return runParseRequest(request);
}
