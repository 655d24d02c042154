// Node-only profile of the .qdpx reader alone on the big project: the file is written once (as
// qdpxRoundTrip.ts writes it) to QDPX=<path> and read back ROUNDS times, with the time of each read.
//   npx rolldown bench/profile/qdpxReadOnly.ts --platform node -f esm -o /tmp/qdpx-read.mjs
//   QDPX=/tmp/big.qdpx node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/qdpx-read.mjs
// NATIVE=1 inflates with the platform's zlib (DecompressionStream), as the app's worker does.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { bigProjectSnapshot } from './bigSnapshot';
import { writeQdpxDeflating } from '../../shared/refi/qdpxWrite';
import { readQdpx, readQdpxInflating } from '../../shared/refi/qdpxRead';
import { deflateNative, inflateNative } from '../../renderer/src/analysis/nativeCompression';

const path = process.env.QDPX ?? '/tmp/big.qdpx';
if (!existsSync(path)) {
  const snapshot = bigProjectSnapshot();
  writeFileSync(path, await writeQdpxDeflating(snapshot, {}, deflateNative));
}
const bytes = new Uint8Array(readFileSync(path));
const rounds = Number(process.env.ROUNDS ?? 3);
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let round = 0; round < rounds; round++) {
  const marks: string[] = [];
  const t0 = performance.now();
  const c0 = cpu();
  let n = 0;
  const options = { newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, onProgress: (f: number) => marks.push(`${f.toFixed(2)}@${(performance.now() - t0).toFixed(0)}`) };
  const { snapshot } = process.env.NATIVE === '1' ? await readQdpxInflating(bytes, options, inflateNative) : readQdpx(bytes, options);
  console.log(`read: ${(performance.now() - t0).toFixed(0)} ms, ${(cpu() - c0).toFixed(0)} ms CPU, ${snapshot.codings.length} codings${process.env.MARKS === '1' ? ` [${marks.join(' ')}]` : ''}`);
}
