// The merge scenario's planning in Node, phase by phase with wall and CPU time: the big project
// (500 sources × 40,000 characters, 100,000 codings) written as a .qdpx, a colleague's copy made
// from it as bench/run/scenarios/mergeProject.mjs makes it (every other coding by another coder),
// read back (shared/refi), and the merge planned against ours. Commit and undo need IndexedDB:
// the browser bench measures those. `node bench/agreement/run.mjs mergefile`.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { planMerge } from '../../shared/merge/planMerge';
import { readQdpx } from '../../shared/refi/qdpxRead';
import { writeQdpx } from '../../shared/refi/qdpxWrite';
import { emptySnapshot, type ProjectSnapshot } from '../../shared/model/snapshot';
import { generateProject } from '../generate/bigProject';

const SEED = 20240115;
const COLLEAGUE = '0b5e55ed-0000-4000-8000-00000000c0de';

function timed<T>(work: () => T): { value: T; ms: number; cpu: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = work();
  const c1 = process.cpuUsage(c0);
  return { value, ms: performance.now() - t0, cpu: (c1.user + c1.system) / 1000 };
}

function colleagueCopy(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  let n = 0;
  const xml = strFromU8(files['project.qde']!)
    .replace(/<Coding guid="([^"]+)" creatingUser="[^"]+"/g, (whole, guid: string) => (n++ % 2 === 0 ? whole : `<Coding guid="${guid}" creatingUser="${COLLEAGUE}"`))
    .replace('<Users>', `<Users><User guid="${COLLEAGUE}" name="Colleague"/>`);
  files['project.qde'] = strToU8(xml);
  return zipSync(files, { level: 1 });
}

export function measureMergeFile(): string[] {
  const generated = generateProject({ sources: 500, sourceLength: 40_000, codes: 50, codings: 100_000 }, SEED + 2);
  const ours: ProjectSnapshot = emptySnapshot({ id: generated.projectId, name: 'Big project', createdAt: '2024-03-01T09:00:00.000Z', updatedAt: '2024-03-01T09:00:00.000Z' });
  ours.codes.push(...generated.codes);
  generated.sources.forEach((s, order) => {
    ours.sources.push({ id: s.id, projectId: ours.project.id, name: s.name, length: s.text.length, encoding: 'UTF-8', byteSize: s.text.length, importedAt: '2024-03-01T09:00:00.000Z', order, format: 'text' });
    ours.sourceTexts.push({ sourceId: s.id, projectId: ours.project.id, text: s.text });
  });
  for (const c of generated.codings) ours.codings.push(c);
  const theirs = colleagueCopy(writeQdpx(ours));
  const lines = [`colleague's file: ${(theirs.byteLength / 1e6).toFixed(1)} MB, ${ours.codings.length.toLocaleString('en')} codings each side`];
  let n = 0;
  const newId = (): string => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  for (let run = 0; run < Number(process.env.RUNS ?? 2); run++) {
    const read = timed(() => readQdpx(theirs, { newId }));
    lines.push(`run ${run + 1}: read the file: ${read.ms.toFixed(0)} ms wall, ${read.cpu.toFixed(0)} ms CPU`);
    const plan = timed(() => planMerge(ours, read.value.snapshot, { newId }));
    const c = plan.value.report.counts.codings;
    lines.push(`run ${run + 1}: plan: ${plan.ms.toFixed(0)} ms wall, ${plan.cpu.toFixed(0)} ms CPU (${c.added.toLocaleString('en')} codings added, ${c.matched.toLocaleString('en')} matched)`);
  }
  return lines;
}
