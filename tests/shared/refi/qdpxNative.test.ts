// The .qdpx writer and reader with the platform's deflater (as the project-file worker runs them):
// the same project comes back field for field whichever side deflated, every entry's checksum is
// right, and the native inflater never gets past the checks (a bomb, a lying size) of the
// ordinary reader.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc32 as zlibCrc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { projectSnapshotArb } from '../model/projectArb';
import { diffSnapshots } from '../../../shared/model/snapshot';
import { readQdpx, readQdpxInflating } from '../../../shared/refi/qdpxRead';
import { writeQdpx, writeQdpxDeflating, type NativeDeflate } from '../../../shared/refi/qdpxWrite';
import type { NativeInflate } from '../../../shared/refi/qdpxArchive';
import { crc32 } from '../../../shared/refi/crc32';
import { foreignProject } from './foreignProject';

let n = 0;
const newId = (): string => `50000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

const deflate: NativeDeflate = async (chunks) => new Uint8Array(deflateRawSync(Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength))), { level: 6 }));
const inflated: number[] = [];
const inflate: NativeInflate = async (compressed, size) => {
  try {
    const out = inflateRawSync(compressed, { maxOutputLength: size + 1 });
    inflated.push(size);
    return out.byteLength === size ? new Uint8Array(out) : null;
  } catch {
    return null;
  }
};

describe('.qdpx with a native deflater', () => {
  it('gives back every record of a random project, whichever side deflated', async () => {
    await fc.assert(
      fc.asyncProperty(projectSnapshotArb, async (project) => {
        const native = await writeQdpxDeflating(project, {}, deflate);
        expect(diffSnapshots(project, readQdpx(native, { newId }).snapshot)).toEqual({});
        expect(diffSnapshots(project, (await readQdpxInflating(writeQdpx(project), { newId }, inflate)).snapshot)).toEqual({});
        // With the texts inflated aside (another thread in the app), whether or not it gives them.
        expect(diffSnapshots(project, (await readQdpxInflating(writeQdpx(project), { newId }, inflate, { inflate, ready: Promise.resolve() })).snapshot)).toEqual({});
        expect(diffSnapshots(project, (await readQdpxInflating(writeQdpx(project), { newId }, inflate, { inflate: async () => null, ready: Promise.resolve() })).snapshot)).toEqual({});
        // The same project gives the same bytes (GUIDs and entry times fixed).
        expect(await writeQdpxDeflating(structuredClone(project), {}, deflate)).toEqual(native);
      }),
      { numRuns: 25 },
    );
    // 25 random projects, each written twice and read four ways: seconds on a loaded machine.
  }, 60_000);

  it('records the right checksum and size for every entry', async () => {
    const project = fc.sample(projectSnapshotArb, { numRuns: 1, seed: 11 })[0]!;
    const bytes = await writeQdpxDeflating(project, {}, deflate);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const entries = unzipSync(bytes);
    let checked = 0;
    for (let i = 0; i + 46 <= bytes.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const name = new TextDecoder().decode(bytes.subarray(i + 46, i + 46 + view.getUint16(i + 28, true)));
      const data = entries[name]!;
      expect(view.getUint32(i + 16, true)).toBe(zlibCrc32(data));
      expect(view.getUint32(i + 24, true)).toBe(data.byteLength);
      checked++;
    }
    expect(checked).toBe(Object.keys(entries).length);
  });

  it('computes CRC-32 over chunks as zlib does', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 5 }), (chunks) => {
        expect(crc32(chunks)).toBe(zlibCrc32(Buffer.concat(chunks)));
      }),
    );
    expect(crc32([new TextEncoder().encode('123456789')])).toBe(0xcbf43926);
  });

  it('inflates nothing ahead that the ordinary reader would refuse, and reads the same report', async () => {
    inflated.length = 0;
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const bomb = foreignProject({ sourceBytes: zeros });
    const ordinary = readQdpx(bomb, { newId, now: '2026-01-01T00:00:00.000Z' });
    const native = await readQdpxInflating(bomb, { newId, now: '2026-01-01T00:00:00.000Z' }, inflate);
    expect(native.report).toEqual(ordinary.report);
    expect(native.snapshot.sources).toEqual([]);
    expect(native.report.entries.map((e) => e.text).join('\n')).toMatch(/zip bomb/);
    // The project file was inflated ahead; the bomb (its text) never was.
    expect(inflated).not.toContain(zeros.length);
    expect(inflated.length).toBeGreaterThan(0);
  });

  it('inflates aside nothing the ordinary reader would refuse, and reads the same report', async () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const bomb = foreignProject({ sourceBytes: zeros });
    const ordinary = readQdpx(bomb, { newId, now: '2026-01-01T00:00:00.000Z' });
    const asked: number[] = [];
    const aside: NativeInflate = (compressed, size) => {
      asked.push(size);
      return inflate(compressed, size);
    };
    const native = await readQdpxInflating(bomb, { newId, now: '2026-01-01T00:00:00.000Z' }, inflate, { inflate: aside, ready: Promise.resolve() });
    expect(native.report).toEqual(ordinary.report);
    expect(native.snapshot.sources).toEqual([]);
    expect(asked).not.toContain(zeros.length);
  });

  it('reads texts inflated aside as if inflated here, and inflates here what the other thread did not give', async () => {
    const project = fc.sample(projectSnapshotArb.filter((p) => p.sourceTexts.length >= 2), { numRuns: 1, seed: 7 })[0]!;
    const bytes = writeQdpx(project);
    let given = 0;
    // Gives every other text, refuses the rest (a damaged entry, a failed thread).
    const aside: NativeInflate = async (compressed, size) => (given++ % 2 === 0 ? inflate(compressed, size) : null);
    inflated.length = 0;
    const read = await readQdpxInflating(bytes, { newId }, inflate, { inflate: aside, ready: Promise.resolve() });
    expect(diffSnapshots(project, read.snapshot)).toEqual({});
    expect(given).toBeGreaterThanOrEqual(2);
  });
});
