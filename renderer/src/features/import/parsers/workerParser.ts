// Runs a parse request (or any one-message job) in a fresh worker and always settles: with the worker's answer, or with
// a reason when the worker crashes or takes too long (then it is terminated, freeing its memory).
import type { ParseRequest, ParseResponse } from '../../../../../shared/import/parseRequest';
import { tookTooLongReason } from '../../../../../shared/import/limits';

/**
 * The same answer as parseRequest's `failedResponse`, written out here because importing that
 * module would pull every parser (mammoth, html-to-text, papaparse…) into the main bundle,
 * which only needs them in the worker.
 */
function failedResponse(format: WorkerParseRequest['format'], reason: string): ParseResponse {
  return format === 'csv' || format === 'xlsx' ? { kind: 'survey', result: { ok: false, reason } } : { kind: 'document', result: { ok: false, reason } };
}

/**
 * What the parsing worker reads: the shared parsers' requests, and RTF, which needs rtf.js and
 * the worker's small stand-in for the DOM (see miniDom.ts).
 */
export type WorkerParseRequest = ParseRequest | { format: 'rtf'; bytes: Uint8Array };

/** Long enough for a 50 MB document on a slow laptop; short enough that a hang is noticed. */
export const PARSE_TIMEOUT_MS = 120_000;

export interface WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
}

export function createParseWorker(): WorkerLike {
  return new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module', name: 'marginalia-import' });
}

export interface WorkerRun<Request, Response> {
  message: Request;
  /** Buffers handed to the worker (the caller must not use them after). */
  transfer: Transferable[];
  createWorker: () => WorkerLike;
  timeoutMs: number;
  /** The answer when the worker cannot give one, with a sentence for the user. */
  failed: (reason: string) => Response;
}

/**
 * Posts one message to a fresh worker and settles with its one answer, or with `failed(reason)`
 * when it cannot start, crashes, or passes the time limit; the worker is terminated either way,
 * which frees everything it allocated.
 */
export function runInWorker<Request, Response>({ message, transfer, createWorker, timeoutMs, failed }: WorkerRun<Request, Response>): Promise<Response> {
  return new Promise((resolve) => {
    let worker: WorkerLike;
    try {
      worker = createWorker();
    } catch {
      resolve(failed('The file reader could not be started.'));
      return;
    }
    const finish = (response: Response) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(response);
    };
    const timer = setTimeout(
      () => finish(failed(tookTooLongReason(timeoutMs))),
      timeoutMs,
    );
    worker.onmessage = (event) => finish(event.data as Response);
    worker.onerror = () => finish(failed('This file could not be read (the reader failed unexpectedly).'));
    worker.postMessage(message, transfer);
  });
}

export function parseInWorker(
  request: WorkerParseRequest,
  createWorker: () => WorkerLike = createParseWorker,
  timeoutMs: number = PARSE_TIMEOUT_MS,
): Promise<ParseResponse> {
  // Transfer a copy: the caller keeps its bytes (to re-parse with another encoding).
  const bytes = request.bytes.slice();
  return runInWorker<WorkerParseRequest, ParseResponse>({
    message: { ...request, bytes },
    transfer: [bytes.buffer],
    createWorker,
    timeoutMs,
    failed: (reason) => failedResponse(request.format, reason),
  });
}
