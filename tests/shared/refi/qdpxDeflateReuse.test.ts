// A save or a backup reuses the texts the last write deflated (the project-file worker keeps
// them): the file is the same byte for byte, only the texts that differ are deflated again, and
// the file still reads back as the project.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateRawSync } from 'node:zlib';
import { projectSnapshotArb } from '../model/projectArb';
import { diffSnapshots } from '../../../shared/model/snapshot';
import { readQdpx } from '../../../shared/refi/qdpxRead';
import { writeQdpxDeflating, type DeflatedEntry, type NativeDeflate } from '../../../shared/refi/qdpxWrite';

let n = 0;
const newId = (): string => `60000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

function counting(): { deflate: NativeDeflate; calls: () => number } {
  let calls = 0;
  const deflate: NativeDeflate = async (chunks) => {
    calls++;
    return new Uint8Array(deflateRawSync(Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)))));
  };
  return { deflate, calls: () => calls };
}

describe('.qdpx writes reusing what the last one deflated', () => {
  it('give the same bytes and deflate only the project and marginalia.json again', async () => {
    await fc.assert(
      fc.asyncProperty(projectSnapshotArb, async (project) => {
        const reuse = new Map<string, DeflatedEntry>();
        const first = counting();
        const cold = await writeQdpxDeflating(project, {}, first.deflate, reuse);
        expect(reuse.size).toBe(project.sources.length);
        const second = counting();
        const warm = await writeQdpxDeflating(structuredClone(project), {}, second.deflate, reuse);
        expect(warm).toEqual(cold);
        expect(second.calls()).toBe(2);
        expect(first.calls()).toBe(2 + project.sources.length);
        expect(diffSnapshots(project, readQdpx(warm, { newId }).snapshot)).toEqual({});
      }),
      { numRuns: 25 },
    );
  });

  it('deflates a text again when its bytes differ, and reads it back as it is now', async () => {
    const project = fc.sample(projectSnapshotArb, { numRuns: 1, seed: 3 })[0]!;
    const reuse = new Map<string, DeflatedEntry>();
    await writeQdpxDeflating(project, {}, counting().deflate, reuse);
    const changed = structuredClone(project);
    const text = changed.sourceTexts[0]!;
    text.text = `${text.text}x`;
    changed.sources.find((s) => s.id === text.sourceId)!.length = text.text.length;
    const again = counting();
    const bytes = await writeQdpxDeflating(changed, {}, again.deflate, reuse);
    expect(again.calls()).toBe(3);
    const back = readQdpx(bytes, { newId }).snapshot;
    expect(back.sourceTexts.find((t) => t.sourceId === text.sourceId)?.text).toBe(text.text);
  });
});

describe('a paced .qdpx write (an automatic backup)', () => {
  it('gives the same bytes, pausing between its steps and between the entries it deflates', async () => {
    await fc.assert(
      fc.asyncProperty(projectSnapshotArb, async (project) => {
        const plain = await writeQdpxDeflating(project, {}, counting().deflate);
        const order: string[] = [];
        let inFlight = 0;
        let mostAtOnce = 0;
        const deflate: NativeDeflate = async (chunks) => {
          inFlight++;
          mostAtOnce = Math.max(mostAtOnce, inFlight);
          order.push('deflate');
          const out = await counting().deflate(chunks);
          inFlight--;
          return out;
        };
        const paced = await writeQdpxDeflating(structuredClone(project), { pause: async () => void order.push('pause') }, deflate);
        expect(paced).toEqual(plain);
        expect(mostAtOnce).toBe(1);
        // Each deflate (project.qde, the texts, marginalia.json) follows a pause of its own.
        expect(order.filter((o) => o === 'deflate')).toHaveLength(2 + project.sources.length);
        order.forEach((o, i) => {
          if (o === 'deflate') expect(order[i - 1]).toBe('pause');
        });
      }),
      { numRuns: 15 },
    );
  });
});
