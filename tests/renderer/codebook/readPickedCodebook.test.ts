// The codebook file a user picks, read as the Import codebook button reads it: size checked
// before a byte is read (a FIFO or device reports 0 bytes, and is never read), then parsed in a
// worker that is stopped when it takes too long.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readPickedCodebook, type CodebookReadRequest } from '../../../renderer/src/features/codebook/codebookFile';
import type { WorkerLike } from '../../../renderer/src/features/import/parsers/workerParser';
import { readCodebookFileResult } from '../../../shared/codebook/readCodebookFile';
import { qdpxBomb } from '../../shared/import/hostileBuilders';

/** Runs the worker's function on a later tick, or never answers. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(private readonly behaviour: 'answer' | 'hang') {}
  postMessage(message: unknown): void {
    if (this.behaviour === 'hang') return;
    const { name, bytes } = message as CodebookReadRequest;
    setTimeout(() => this.onmessage?.({ data: readCodebookFileResult(name, bytes) } as MessageEvent), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function picked(name: string, bytes: Uint8Array, size = bytes.byteLength) {
  return { name, size, arrayBuffer: vi.fn(async () => bytes.slice().buffer) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('readPickedCodebook', () => {
  it('never reads a file that reports 0 bytes (empty, a FIFO or a device)', async () => {
    const fifo = picked('pipe.qdc', new Uint8Array(), 0);
    const create = vi.fn(() => new FakeWorker('answer'));
    expect(await readPickedCodebook(fifo, create)).toEqual({ ok: false, reason: 'The file is empty (or it is not a regular file).' });
    expect(fifo.arrayBuffer).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
  });

  it('refuses a file over the limit from its size, before reading it', async () => {
    const huge = picked('codes.qdc', new Uint8Array(1), 21 * 1024 * 1024);
    expect(await readPickedCodebook(huge, () => new FakeWorker('answer'))).toEqual({ ok: false, reason: 'The file is 21 MB; a codebook can be at most 20 MB.' });
    expect(huge.arrayBuffer).not.toHaveBeenCalled();
  });

  it('reads a .qdpx in the worker, and a zip bomb comes back as a reason', async () => {
    const worker = new FakeWorker('answer');
    const good = zipSync({ 'project.qde': strToU8('<Project xmlns="urn:QDA-XML:project:1.0"><CodeBook><Codes><Code guid="85D17F60-7BB0-481E-B742-B4861DD669DF" name="Economy" isCodable="true"/></Codes></CodeBook></Project>') });
    expect(await readPickedCodebook(picked('study.qdpx', good), () => worker)).toMatchObject({ ok: true, description: 'REFI-QDA project (.qdpx)' });
    expect(worker.terminated).toBe(true);
    const bomb = await readPickedCodebook(picked('study.qdpx', qdpxBomb(1024 * 1024, 3 * 1024 * 1024 * 1024)), () => new FakeWorker('answer'));
    expect(bomb).toEqual({ ok: false, reason: expect.stringMatching(/zip bomb/) });
  });

  it('stops a worker that takes too long, with a reason', async () => {
    vi.useFakeTimers();
    const worker = new FakeWorker('hang');
    const pending = readPickedCodebook(picked('codes.qdc', strToU8('<CodeBook/>')), () => worker, 60_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await pending).toEqual({ ok: false, reason: expect.stringMatching(/^Reading this file took longer than 1 minute and was stopped\./) });
    expect(worker.terminated).toBe(true);
  });
});
