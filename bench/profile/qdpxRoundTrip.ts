// Node-only profile of the .qdpx writer and reader on the big project (500 sources, 20 M
// characters, 100,000 codings): generated as the bench generates it, written, then read back,
// with the CPU time of each step. Bundle and run under --cpu-prof to see where the time goes:
//   npx rolldown bench/profile/qdpxRoundTrip.ts --platform node -f esm -o /tmp/qdpx-profile.mjs
//   node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/qdpx-profile.mjs
// NATIVE=1 deflates and inflates with the platform's zlib (CompressionStream), as the app's worker does.
import { generateProject } from '../generate/bigProject';
import { BENCH_CODER } from '../generate/bigDocument';
import { writeQdpx, writeQdpxDeflating } from '../../shared/refi/qdpxWrite';
import { readQdpx, readQdpxInflating } from '../../shared/refi/qdpxRead';
import { deflateNative, inflateNative } from '../../renderer/src/analysis/nativeCompression';
import type { ProjectSnapshot } from '../../shared/model/snapshot';
import { emptySnapshot } from '../../shared/model/snapshot';

const size = process.env.QUICK ? { sources: 50, sourceLength: 40_000, codings: 10_000, codes: 50 } : { sources: 500, sourceLength: 40_000, codings: 100_000, codes: 50 };
const generated = generateProject(size, 1);
const snapshot: ProjectSnapshot = emptySnapshot({ id: generated.projectId, name: 'Bench: big project', createdAt: '2024-03-01T09:00:00.000Z', updatedAt: '2024-03-02T09:00:00.000Z' });
snapshot.coders.push({ id: BENCH_CODER, projectId: generated.projectId, name: BENCH_CODER, color: '#4363d8' });
snapshot.codes.push(...generated.codes);
generated.sources.forEach((s, order) => {
  snapshot.sources.push({ id: s.id, projectId: generated.projectId, name: s.name, length: s.text.length, encoding: 'UTF-8', byteSize: s.text.length, importedAt: '2024-03-01T09:00:00.000Z', order, format: 'text' });
  snapshot.sourceTexts.push({ sourceId: s.id, projectId: generated.projectId, text: s.text });
});
for (const c of generated.codings) snapshot.codings.push(c);

function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const rounds = Number(process.env.ROUNDS ?? 2);
for (let round = 0; round < rounds; round++) {
  let wall = performance.now();
  let c = cpu();
  const marks: string[] = [];
  let decile = -1;
  const mark = (f: number, since: number): void => {
    if (Math.floor(f * 10) === decile) return;
    decile = Math.floor(f * 10);
    marks.push(`${f.toFixed(2)}@${(performance.now() - since).toFixed(0)}`);
  };
  const native = process.env.NATIVE === '1';
  const bytes = native ? await writeQdpxDeflating(snapshot, { onProgress: (f) => mark(f, wall) }, deflateNative) : writeQdpx(snapshot, { onProgress: (f) => mark(f, wall) });
  console.log(`write: ${(performance.now() - wall).toFixed(0)} ms wall, ${(cpu() - c).toFixed(0)} ms CPU, ${(bytes.byteLength / 1e6).toFixed(1)} MB  [${marks.join(' ')}]`);
  marks.length = 0;
  decile = -1;
  wall = performance.now();
  c = cpu();
  const t0 = wall;
  let n = 0;
  const readOptions = { newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, onProgress: (f: number) => mark(f, t0) };
  const { snapshot: back } = native ? await readQdpxInflating(bytes, readOptions, inflateNative) : readQdpx(bytes, readOptions);
  console.log(`read:  ${(performance.now() - wall).toFixed(0)} ms wall, ${(cpu() - c).toFixed(0)} ms CPU, ${back.codings.length} codings  [${marks.join(' ')}]`);
}
