// The agreement scenario's project in Node (bench/pages/seed.ts seedTeamProject: the big project,
// 500 sources × 40,000 characters, its 100,000 codings shared out among three coders), timing
// each part of what the analysis worker does for "Compute agreement" at paragraph level: cutting
// the units, the figures, the bootstrap intervals, the disagreements. Wall and CPU time.
// `node bench/agreement/run.mjs team` (add `--cpu-prof` through NODE_OPTIONS for a profile).
import { computeAgreement } from '../../shared/analysis/agreement/agreementTable';
import { findDisagreements } from '../../shared/analysis/agreement/disagreements';
import { prepareUnits } from '../../shared/analysis/agreement/codedPatterns';
import type { UnitKind } from '../../shared/analysis/agreement/agreementUnits';
import { emptySnapshot, type ProjectSnapshot } from '../../shared/model/snapshot';
import { generateProject } from '../generate/bigProject';
import { teamCodings } from '../generate/teamCodings';

const SEED = 20240115;

function timed<T>(work: () => T): { value: T; ms: number; cpu: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = work();
  const c1 = process.cpuUsage(c0);
  return { value, ms: performance.now() - t0, cpu: (c1.user + c1.system) / 1000 };
}

export function measureTeam(): string[] {
  const generated = generateProject({ sources: 500, sourceLength: 40_000, codes: 50, codings: 100_000 }, SEED + 2);
  const team = teamCodings(generated.codings, generated.projectId, SEED + 3);
  const p: ProjectSnapshot = emptySnapshot({ id: generated.projectId, name: 'team', createdAt: '', updatedAt: '' });
  p.codes.push(...generated.codes);
  generated.sources.forEach((s, order) => {
    p.sources.push({ id: s.id, projectId: p.project.id, name: s.name, length: s.text.length, encoding: 'UTF-8', byteSize: s.text.length, importedAt: '', order, format: 'text' });
    p.sourceTexts.push({ sourceId: s.id, projectId: p.project.id, text: s.text });
  });
  p.coders.push(...team.coders);
  for (const c of team.codings) p.codings.push(c);
  const coders = team.coders.map((c) => c.id);
  const lines = [`${p.sources.length} sources, ${p.codings.length.toLocaleString('en')} codings, ${coders.length} coders × ${p.codes.length} codes`];
  const row = (label: string, t: { ms: number; cpu: number }, extra = ''): void => {
    lines.push(`${label}: ${t.ms.toFixed(0)} ms wall, ${t.cpu.toFixed(0)} ms CPU${extra}`);
  };
  const unit = (process.env.UNIT ?? 'paragraph') as Exclude<UnitKind, 'character'>;
  for (let run = 0; run < Number(process.env.RUNS ?? 2); run++) {
    const prepared = timed(() => prepareUnits(unit, p));
    row(`run ${run + 1}: prepare ${unit} units`, prepared, ` (${prepared.value.count.toLocaleString('en')} units)`);
    const figures = timed(() => computeAgreement(p, { coders, unit, bootstrap: false, prepared: prepared.value }));
    if (!figures.value.ok) throw new Error(figures.value.reason);
    row(`run ${run + 1}: figures`, figures, `, overall alpha ${figures.value.table.overall.alpha?.toFixed(3)}`);
    const withCi = timed(() => computeAgreement(p, { coders, unit, prepared: prepared.value }));
    if (!withCi.value.ok) throw new Error(withCi.value.reason);
    row(`run ${run + 1}: figures + bootstrap`, withCi, `, overall CI ${withCi.value.table.overall.alphaInterval?.low?.toFixed(3)}–${withCi.value.table.overall.alphaInterval?.high?.toFixed(3)}`);
    // As the app asks: every passage counted, the first 1,000 made.
    const disagreements = timed(() => findDisagreements(p, { coderIds: coders, codeIds: p.codes.map((c) => c.id), unit, prepared: prepared.value }, 1000));
    row(`run ${run + 1}: disagreements`, disagreements, ` (${disagreements.value.count.toLocaleString('en')}, ${disagreements.value.disagreements.length} listed)`);
  }
  return lines;
}
