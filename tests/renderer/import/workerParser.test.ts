import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseInWorker, type WorkerLike } from '../../../renderer/src/features/import/parsers/workerParser';
import { runParseRequest, type ParseRequest } from '../../../shared/import/parseRequest';

/** A stand-in for a module worker: runs the shared parser on a later tick, or misbehaves. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: { message: unknown; transfer: Transferable[] } | null = null;
  constructor(private readonly behaviour: 'answer' | 'crash' | 'hang') {}
  postMessage(message: unknown, transfer: Transferable[]): void {
    this.received = { message, transfer };
    if (this.behaviour === 'answer') {
      void runParseRequest(message as ParseRequest).then((data) => this.onmessage?.({ data } as MessageEvent));
    } else if (this.behaviour === 'crash') {
      setTimeout(() => this.onerror?.({} as ErrorEvent), 0);
    }
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('parseInWorker', () => {
  it('returns the worker’s answer, transfers a copy of the bytes and terminates the worker', async () => {
    const worker = new FakeWorker('answer');
    const bytes = new TextEncoder().encode('hello');
    const response = await parseInWorker({ format: 'text', bytes }, () => worker);
    expect(response).toEqual({ kind: 'document', result: { ok: true, text: 'hello', encoding: 'UTF-8', encodingLabel: 'utf-8', encodingGuess: expect.any(Object) } });
    expect(worker.terminated).toBe(true);
    expect(bytes.byteLength).toBe(5); // the caller's buffer was not detached
    expect(worker.received!.transfer).toHaveLength(1);
  });

  it('turns a crash into a reason', async () => {
    const worker = new FakeWorker('crash');
    expect(await parseInWorker({ format: 'csv', bytes: new Uint8Array(1) }, () => worker)).toEqual({
      kind: 'survey',
      result: { ok: false, reason: 'This file could not be read (the reader failed unexpectedly).' },
    });
    expect(worker.terminated).toBe(true);
  });

  it('stops a worker that takes too long', async () => {
    vi.useFakeTimers();
    const worker = new FakeWorker('hang');
    const pending = parseInWorker({ format: 'docx', bytes: new Uint8Array(1) }, () => worker, 5000);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await pending).toEqual({ kind: 'document', result: { ok: false, reason: expect.stringMatching(/^Reading this file took longer than 5 seconds and was stopped./) } });
    expect(worker.terminated).toBe(true);
  });

  it('reports a worker that cannot start', async () => {
    const response = await parseInWorker({ format: 'text', bytes: new Uint8Array(1) }, () => {
      throw new Error('no workers here');
    });
    expect(response).toEqual({ kind: 'document', result: { ok: false, reason: 'The file reader could not be started.' } });
  });
});
