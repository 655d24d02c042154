// The .qdpx writer's time on the big project (500 sources, 20 M characters, 100,000 codings),
// step by step, as writeQdpxDeflating runs them, in Node or in Chromium:
//   npx rolldown bench/profile/qdpxWriteSteps.ts --platform node -f esm -o /tmp/qdpx-write-steps.mjs
//   node /tmp/qdpx-write-steps.mjs        (QUICK=1: the bench's quick size; ROUNDS=n)
//   npx rolldown bench/profile/qdpxWriteSteps.ts --platform browser -f esm -o /tmp/qdpx-write-steps.js
//   node bench/profile/inChromium.mjs /tmp/qdpx-write-steps.js
import { generateProject } from '../generate/bigProject';
import { BENCH_CODER } from '../generate/bigDocument';
import { writeQdpxDeflating } from '../../shared/refi/qdpxWrite';
import { deflateNative } from '../../renderer/src/analysis/nativeCompression';
import type { ProjectSnapshot } from '../../shared/model/snapshot';
import { emptySnapshot } from '../../shared/model/snapshot';

/** CPU time of the process (ms) in Node; NaN in a browser. */
function cpu(): number {
  const usage = (globalThis as { process?: { cpuUsage(): { user: number; system: number } } }).process?.cpuUsage();
  return usage ? (usage.user + usage.system) / 1000 : Number.NaN;
}

const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};

const size = env.QUICK ? { sources: 50, sourceLength: 40_000, codings: 10_000, codes: 50 } : { sources: 500, sourceLength: 40_000, codings: 100_000, codes: 50 };
const generated = generateProject(size, 1);
const snapshot: ProjectSnapshot = emptySnapshot({ id: generated.projectId, name: 'Bench: big project', createdAt: '2024-03-01T09:00:00.000Z', updatedAt: '2024-03-02T09:00:00.000Z' });
snapshot.coders.push({ id: BENCH_CODER, projectId: generated.projectId, name: BENCH_CODER, color: '#4363d8' });
snapshot.codes.push(...generated.codes);
generated.sources.forEach((s, order) => {
  snapshot.sources.push({ id: s.id, projectId: generated.projectId, name: s.name, length: s.text.length, encoding: 'UTF-8', byteSize: s.text.length, importedAt: '2024-03-01T09:00:00.000Z', order, format: 'text' });
  snapshot.sourceTexts.push({ sourceId: s.id, projectId: generated.projectId, text: s.text });
});
for (const c of generated.codings) snapshot.codings.push(c);

const rounds = Number(env.ROUNDS ?? 3);
for (let round = 0; round < rounds; round++) {
  const started = performance.now();
  const cpu0 = cpu();
  let last = started;
  let lastCpu = cpu0;
  const marks: string[] = [];
  let previous = -1;
  const bytes = await writeQdpxDeflating(
    snapshot,
    {
      onProgress: (f) => {
        // The named steps (wall ms, then CPU ms in Node): qde model (0.15), marginalia.json (0.35), project.qde text (0.65), entries queued (0.7), deflated (1).
        if ([0.15, 0.35, 0.65, 0.7, 1].some((s) => Math.abs(f - s) < 1e-9) && f !== previous) {
          const now = performance.now();
          const c = cpu();
          marks.push(`${f.toFixed(2)}:${(now - last).toFixed(0)}${Number.isNaN(c) ? '' : `/${(c - lastCpu).toFixed(0)}`}`);
          last = now;
          lastCpu = c;
          previous = f;
        }
      },
    },
    deflateNative,
  );
  console.log(`write ${(performance.now() - started).toFixed(0)} ms (${(cpu() - cpu0).toFixed(0)} ms CPU), ${(bytes.byteLength / 1e6).toFixed(2)} MB  [${marks.join(' ')}]`);
}
(globalThis as { benchDone?: boolean }).benchDone = true;
