// The .qdpx writer's time on the big project (500 sources, 20 M characters, 100,000 codings),
// step by step, as writeQdpxDeflating runs them, in Node or in Chromium:
//   npx rolldown bench/profile/qdpxWriteSteps.ts --platform node -f esm -o /tmp/qdpx-write-steps.mjs
//   node /tmp/qdpx-write-steps.mjs        (QUICK=1: the bench's quick size; ROUNDS=n)
//   npx rolldown bench/profile/qdpxWriteSteps.ts --platform browser -f esm -o /tmp/qdpx-write-steps.js
//   node bench/profile/inChromium.mjs /tmp/qdpx-write-steps.js
import { bigProjectSnapshot } from './bigSnapshot';
import { writeQdpxDeflating } from '../../shared/refi/qdpxWrite';
import { deflateNative } from '../../renderer/src/analysis/nativeCompression';

/** CPU time of the process (ms) in Node; NaN in a browser. */
function cpu(): number {
  const usage = (globalThis as { process?: { cpuUsage(): { user: number; system: number } } }).process?.cpuUsage();
  return usage ? (usage.user + usage.system) / 1000 : Number.NaN;
}

const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};

const snapshot = bigProjectSnapshot(Boolean(env.QUICK));

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
