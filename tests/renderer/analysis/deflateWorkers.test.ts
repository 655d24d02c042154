// The deflate workers a save hands its texts and project.qde to (renderer/src/analysis/
// deflateWorkers.ts), each run here on a pair of in-process ports that clone (and move) messages
// as a worker's would: the file is the same byte for byte as one deflated on the writer's own
// thread, texts handed over while the project is read are not deflated again, and a worker that
// cannot start or stops leaves the work to the writer's thread.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { projectSnapshotArb } from '../../shared/model/projectArb';
import { writeQdpxDeflating, type DeflatedEntries, type TextAhead } from '../../../shared/refi/qdpxWrite';
import { startDeflateWorkers, type DeflateWorkerPort } from '../../../renderer/src/analysis/deflateWorkers';
import { serveDeflating, type DeflateScope } from '../../../renderer/src/analysis/deflateService';
import { deflateNative } from '../../../renderer/src/analysis/nativeCompression';
import { deflateTextsAhead } from '../../../renderer/src/analysis/deflateTextsAhead';
import type { DeflateRequest } from '../../../renderer/src/analysis/deflateMessages';

/** A worker on this thread: messages cloned (transferred buffers detached) and delivered a turn later. */
function inProcess(log: DeflateRequest['op'][] = [], { starts = true } = {}): DeflateWorkerPort {
  let stopped = false;
  const scope: DeflateScope = {
    onmessage: null,
    postMessage(message, transfer = []) {
      const copy = structuredClone(message, { transfer });
      setTimeout(() => stopped || port.onmessage?.({ data: copy } as MessageEvent<typeof copy>));
    },
  };
  const port: DeflateWorkerPort = {
    onmessage: null,
    onerror: null,
    postMessage(message, transfer = []) {
      const copy = structuredClone(message, { transfer });
      log.push(message.op);
      setTimeout(() => stopped || scope.onmessage?.({ data: copy } as MessageEvent<typeof copy>));
    },
    terminate() {
      stopped = true;
    },
  };
  if (starts) serveDeflating(scope);
  else setTimeout(() => port.onerror?.({ preventDefault() {} } as ErrorEvent));
  return port;
}

describe('the deflate workers of a save', () => {
  it('give the same file as deflating on the writer’s thread, with one worker or two', async () => {
    await fc.assert(
      fc.asyncProperty(projectSnapshotArb, fc.integer({ min: 1, max: 2 }), async (project, count) => {
        const here = await writeQdpxDeflating(project, {}, deflateNative);
        const log: DeflateRequest['op'][] = [];
        const workers = startDeflateWorkers(count, () => inProcess(log));
        try {
          expect(await writeQdpxDeflating(structuredClone(project), {}, workers)).toEqual(here);
        } finally {
          workers.close();
        }
        // project.qde went over in pieces as it was written, then the rest.
        expect(log).toContain('push');
        expect(log.filter((op) => op === 'end')).toHaveLength(1);
      }),
      { numRuns: 10 },
    );
  });

  it('take texts as they are read, and the writer then sends only project.qde and marginalia.json', async () => {
    const project = fc.sample(projectSnapshotArb, { numRuns: 1, seed: 5 })[0]!;
    const here = await writeQdpxDeflating(project, {}, deflateNative);
    const log: DeflateRequest['op'][] = [];
    const workers = startDeflateWorkers(1, () => inProcess(log));
    const cache: DeflatedEntries = new Map();
    try {
      deflateTextsAhead(project.sourceTexts, cache, new Map(), workers.deflateText);
      // Handed over before the write starts (as the project is read), not when it gets to them.
      expect(log.filter((op) => op === 'text')).toHaveLength(0);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(log.filter((op) => op === 'text')).toHaveLength(project.sourceTexts.length);
    } finally {
      workers.close();
    }
    const again = startDeflateWorkers(1, () => inProcess(log));
    log.length = 0;
    const ahead = new Map<string, TextAhead>();
    try {
      deflateTextsAhead(project.sourceTexts, cache, ahead, again.deflateText);
      expect(await writeQdpxDeflating(structuredClone(project), {}, again, cache, ahead)).toEqual(here);
    } finally {
      again.close();
    }
    expect(log.filter((op) => op === 'text')).toHaveLength(project.sourceTexts.length);
    // Of what the writer sends itself: marginalia.json (project.qde goes as pushes).
    expect(log.filter((op) => op === 'chunks')).toHaveLength(1);
    // What the next save finds: this one's texts, deflated, under the paths they were written to.
    expect(cache.size).toBe(project.sources.length);
    for (const entry of cache.values()) expect(entry).not.toBeInstanceOf(Promise);
  });

  it('use the last save’s texts again when the worker finds them the same, and only then', async () => {
    const project = fc.sample(projectSnapshotArb, { numRuns: 1, seed: 6 })[0]!;
    const cache: DeflatedEntries = new Map();
    const first = startDeflateWorkers(1, () => inProcess());
    try {
      await writeQdpxDeflating(project, {}, first, cache);
    } finally {
      first.close();
    }
    const last = new Map(cache);
    const changed = structuredClone(project);
    const text = changed.sourceTexts[0]!;
    text.text = `${text.text}y`;
    changed.sources.find((s) => s.id === text.sourceId)!.length = text.text.length;
    const here = await writeQdpxDeflating(changed, {}, deflateNative);
    const second = startDeflateWorkers(1, () => inProcess());
    const ahead = new Map<string, TextAhead>();
    try {
      deflateTextsAhead(changed.sourceTexts, cache, ahead, second.deflateText);
      expect(await writeQdpxDeflating(structuredClone(changed), {}, second, cache, ahead)).toEqual(here);
    } finally {
      second.close();
    }
    const changedPath = [...ahead].find(([, a]) => a.text === text.text)![0];
    for (const [path, entry] of cache) {
      if (path === changedPath) expect(entry).not.toBe(last.get(path));
      else expect(entry).toBe(last.get(path));
    }
  });

  it('leave the work to this thread when no worker starts, with the same file', async () => {
    const project = fc.sample(projectSnapshotArb, { numRuns: 1, seed: 9 })[0]!;
    const here = await writeQdpxDeflating(project, {}, deflateNative);
    const workers = startDeflateWorkers(1, () => inProcess([], { starts: false }));
    const cache: DeflatedEntries = new Map();
    const ahead = new Map<string, TextAhead>();
    try {
      deflateTextsAhead(project.sourceTexts, cache, ahead, workers.deflateText);
      expect(await writeQdpxDeflating(structuredClone(project), {}, workers, cache, ahead)).toEqual(here);
    } finally {
      workers.close();
    }
  });

  it('once closed, refuse what they were still doing instead of doing it on this thread', async () => {
    const workers = startDeflateWorkers(1, () => inProcess());
    const pending = workers.deflateText('some text');
    workers.close();
    await expect(pending).rejects.toThrow('The save was stopped.');
    await expect(workers.deflate([new Uint8Array([1, 2, 3])])).rejects.toThrow('The save was stopped.');
  });
});
