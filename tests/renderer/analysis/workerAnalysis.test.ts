// The worker client: answers reach the request that asked, whatever order they come back in; a
// worker that dies fails what was pending with a reason and is replaced on the next request; a
// page where no worker can start gets the same answers computed on its own thread.
import { describe, expect, it, vi } from 'vitest';
import type { AnalysisClient } from '../../../renderer/src/analysis/analysisClient';
import type { AnalysisRequest, AnalysisResponse } from '../../../renderer/src/analysis/analysisMessages';
import { createWorkerAnalysis, type AnalysisWorker } from '../../../renderer/src/analysis/workerAnalysis';
import { packSegments } from '../../../renderer/src/analysis/segmentPacking';

class FakeWorker implements AnalysisWorker {
  onmessage: ((event: MessageEvent<AnalysisResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  received: AnalysisRequest[] = [];
  terminated = false;
  postMessage(message: AnalysisRequest): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(id: number, value: unknown): void {
    this.onmessage?.({ data: { id, ok: true, value } } as MessageEvent<AnalysisResponse>);
  }
  fail(id: number, message: string): void {
    this.onmessage?.({ data: { id, ok: false, message } } as MessageEvent<AnalysisResponse>);
  }
  crash(): void {
    this.onerror?.({ preventDefault: () => {} } as ErrorEvent);
  }
}

const stubClient = () => ({ warmUp: vi.fn(), retrieveSegments: vi.fn(), segmentTexts: vi.fn(), segmentDetails: vi.fn(), findInSource: vi.fn(), cooccurrence: vi.fn(), storeSurvey: vi.fn(), segmentsCsv: vi.fn(), writeProjectFile: vi.fn(), writeProjectBackup: vi.fn(), openProjectFile: vi.fn(), crosstab: vi.fn(), crosstabCell: vi.fn(), codeFrequencyTable: vi.fn(), wordFrequencyTable: vi.fn(), previewAutoCode: vi.fn(), commitAutoCode: vi.fn(), prepareQueries: vi.fn(), runCodingQuery: vi.fn(), unitMatrixCsv: vi.fn(), agreementChoices: vi.fn(), agreementFigures: vi.fn(), agreementReport: vi.fn() });

const notCalled = (): AnalysisClient => {
  throw new Error('the inline fallback was not expected');
};

describe('createWorkerAnalysis', () => {
  it('matches answers to requests and passes failures on as errors', async () => {
    const worker = new FakeWorker();
    const client = createWorkerAnalysis(() => worker, notCalled);
    const texts = client.segmentTexts([{ codingId: 'k', sourceId: 's', codeId: 'c', start: 0, end: 2 }]);
    const matrix = client.cooccurrence('p1', ['a', 'b']);
    const csv = client.segmentsCsv('p1');
    expect(worker.received.map((r) => r.method)).toEqual(['segmentTexts', 'cooccurrence', 'segmentsCsv']);
    expect(worker.received[1]!.args).toEqual(['p1', ['a', 'b']]);
    worker.answer(worker.received[1]!.id, { codeIds: ['a', 'b'], counts: [[0, 2], [2, 0]] });
    worker.fail(worker.received[2]!.id, 'That project no longer exists.');
    worker.answer(worker.received[0]!.id, ['Hi']);
    await expect(matrix).resolves.toEqual({ codeIds: ['a', 'b'], counts: [[0, 2], [2, 0]] });
    await expect(csv).rejects.toThrow('That project no longer exists.');
    await expect(texts).resolves.toEqual(['Hi']);
  });

  it('fails pending requests when a worker that worked dies, then starts a new one', async () => {
    const workers: FakeWorker[] = [];
    const client = createWorkerAnalysis(() => {
      workers.push(new FakeWorker());
      return workers.at(-1)!;
    }, notCalled);
    const warm = client.warmUp();
    workers[0]!.answer(workers[0]!.received[0]!.id, undefined);
    await warm;
    const first = client.retrieveSegments('p1', ['a']);
    workers[0]!.crash();
    await expect(first).rejects.toThrow('The analysis stopped unexpectedly');
    expect(workers[0]!.terminated).toBe(true);
    const second = client.retrieveSegments('p1', ['a']);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.received[0]!.method).toBe('retrieveSegmentsPacked');
    const segment = { codingId: 'k1', sourceId: 's1', codeId: 'a', start: 3, end: 9 };
    workers[1]!.answer(workers[1]!.received[0]!.id, packSegments([segment]));
    await expect(second).resolves.toEqual([segment]);
  });

  it('passes on how far a save or an open is, before its answer, to the request that asked', async () => {
    const worker = new FakeWorker();
    const client = createWorkerAnalysis(() => worker, notCalled);
    const heard: number[] = [];
    const saving = client.writeProjectFile('p1', (f) => heard.push(f));
    const other = client.segmentsCsv('p1');
    const [save, csv] = worker.received;
    // Only the request that wants progress asks the worker for it.
    expect(save).toMatchObject({ method: 'writeProjectFile', args: ['p1'], progress: true });
    expect(csv!.progress).toBeUndefined();
    worker.onmessage?.({ data: { id: save!.id, progress: 0.25 } } as MessageEvent<AnalysisResponse>);
    worker.onmessage?.({ data: { id: csv!.id, progress: 0.5 } } as MessageEvent<AnalysisResponse>);
    worker.onmessage?.({ data: { id: save!.id, progress: 0.75 } } as MessageEvent<AnalysisResponse>);
    expect(heard).toEqual([0.25, 0.75]);
    worker.answer(save!.id, { bytes: new Uint8Array(1) });
    worker.answer(csv!.id, { projectName: 'P', csv: '' });
    await expect(saving).resolves.toMatchObject({ bytes: new Uint8Array(1) });
    await expect(other).resolves.toMatchObject({ projectName: 'P' });
  });

  it('answers on this thread, pending requests included, when the worker fails before ever answering', async () => {
    const workers: FakeWorker[] = [];
    const inline = { ...stubClient(), findInSource: vi.fn(async () => [{ start: 1, end: 4 }]) };
    const client = createWorkerAnalysis(() => {
      workers.push(new FakeWorker());
      return workers.at(-1)!;
    }, () => inline);
    const pendingFind = client.findInSource('s1', 'bus');
    workers[0]!.crash(); // e.g. the worker script was blocked from loading
    await expect(pendingFind).resolves.toEqual([{ start: 1, end: 4 }]);
    await expect(client.findInSource('s1', 'bus')).resolves.toEqual([{ start: 1, end: 4 }]);
    expect(workers).toHaveLength(1);
    expect(inline.findInSource).toHaveBeenCalledTimes(2);
  });

  it('computes on this thread when no worker can start', async () => {
    const inline = { ...stubClient(), retrieveSegments: vi.fn(async () => []) };
    const client = createWorkerAnalysis(() => {
      throw new Error('Workers are not allowed here');
    }, () => inline);
    await expect(client.retrieveSegments('p1', ['a'])).resolves.toEqual([]);
    expect(inline.retrieveSegments).toHaveBeenCalledWith('p1', ['a']);
  });
});
