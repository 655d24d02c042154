// Node-only profile of the .qdpx reader alone on the big project: the file is written once (as
// qdpxRoundTrip.ts writes it) to QDPX=<path> and read back ROUNDS times, with the time of each read.
//   npx rolldown bench/profile/qdpxReadOnly.ts --platform node -f esm -o /tmp/qdpx-read.mjs
//   QDPX=/tmp/big.qdpx node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/qdpx-read.mjs
// NATIVE=1 inflates with the platform's zlib (DecompressionStream), as the app's worker does.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { generateProject } from '../generate/bigProject';
import { BENCH_CODER } from '../generate/bigDocument';
import { writeQdpxDeflating } from '../../shared/refi/qdpxWrite';
import { readQdpx, readQdpxInflating } from '../../shared/refi/qdpxRead';
import { deflateNative, inflateNative } from '../../renderer/src/analysis/nativeCompression';
import type { ProjectSnapshot } from '../../shared/model/snapshot';
import { emptySnapshot } from '../../shared/model/snapshot';

const path = process.env.QDPX ?? '/tmp/big.qdpx';
if (!existsSync(path)) {
  const size = { sources: 500, sourceLength: 40_000, codings: 100_000, codes: 50 };
  const generated = generateProject(size, 1);
  const snapshot: ProjectSnapshot = emptySnapshot({ id: generated.projectId, name: 'Bench: big project', createdAt: '2024-03-01T09:00:00.000Z', updatedAt: '2024-03-02T09:00:00.000Z' });
  snapshot.coders.push({ id: BENCH_CODER, projectId: generated.projectId, name: BENCH_CODER, color: '#4363d8' });
  snapshot.codes.push(...generated.codes);
  generated.sources.forEach((s, order) => {
    snapshot.sources.push({ id: s.id, projectId: generated.projectId, name: s.name, length: s.text.length, encoding: 'UTF-8', byteSize: s.text.length, importedAt: '2024-03-01T09:00:00.000Z', order, format: 'text' });
    snapshot.sourceTexts.push({ sourceId: s.id, projectId: generated.projectId, text: s.text });
  });
  for (const c of generated.codings) snapshot.codings.push(c);
  writeFileSync(path, await writeQdpxDeflating(snapshot, {}, deflateNative));
}
const bytes = new Uint8Array(readFileSync(path));
const rounds = Number(process.env.ROUNDS ?? 3);
for (let round = 0; round < rounds; round++) {
  const marks: string[] = [];
  const t0 = performance.now();
  let n = 0;
  const options = { newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, onProgress: (f: number) => marks.push(`${f.toFixed(2)}@${(performance.now() - t0).toFixed(0)}`) };
  const { snapshot } = process.env.NATIVE === '1' ? await readQdpxInflating(bytes, options, inflateNative) : readQdpx(bytes, options);
  console.log(`read: ${(performance.now() - t0).toFixed(0)} ms, ${snapshot.codings.length} codings [${marks.join(' ')}]`);
}
