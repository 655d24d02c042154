// Node-only profile of the .qdpx writer and reader on the big project (500 sources, 20 M
// characters, 100,000 codings): generated as the bench generates it, written, then read back,
// with the CPU time of each step. Bundle and run under --cpu-prof to see where the time goes:
//   npx rolldown bench/profile/qdpxRoundTrip.ts --platform node -f esm -o /tmp/qdpx-profile.mjs
//   node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/qdpx-profile.mjs
// NATIVE=1 deflates and inflates with the platform's zlib (CompressionStream), as the app's worker does.
import { bigProjectSnapshot } from './bigSnapshot';
import { writeQdpx, writeQdpxDeflating } from '../../shared/refi/qdpxWrite';
import { readQdpx, readQdpxInflating } from '../../shared/refi/qdpxRead';
import { deflateNative, inflateNative } from '../../renderer/src/analysis/nativeCompression';

const snapshot = bigProjectSnapshot(Boolean(process.env.QUICK));

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
