// A quick Node measurement of the agreement table (not part of `npm run bench`'s browser runs):
// 3 coders × 50 codes over a synthetic project of 20 M characters, at paragraph and character
// level. Run with `node bench/agreement/run.mjs`. CPU time is printed beside wall time because the
// machine this was written on is shared: under load the wall time says more about the neighbours.
import { computeAgreement } from '../../shared/analysis/agreement/agreementTable';
import { bigProject } from './bigProject';

export function measure(): string[] {
  const { p, chars } = bigProject(20_000_000);
  const coders = ['ann', 'ben', 'cleo'];
  const codings = p.codings;
  const lines = [`${(chars / 1e6).toFixed(1)} M characters, ${p.sources.length} sources, ${codings.length.toLocaleString('en')} codings, 3 coders × 50 codes`];
  for (const unit of (['paragraph', 'character', 'sentence'] as const).filter((u) => !process.env.UNIT || u === process.env.UNIT)) {
    for (const bootstrap of ([false, {}] as const).slice(0, process.env.UNIT ? 1 : 2)) {
      // A first run flattens the generated strings (V8 ropes) so the timed run sees stored text.
      if (lines.length === 1) computeAgreement(p, { coders, unit: 'paragraph', bootstrap: false });
      // The median of three runs: the machine is shared, single runs are noisy.
      const times: number[] = [];
      const cpu: number[] = [];
      let r: ReturnType<typeof computeAgreement> | undefined;
      for (let run = 0; run < 3; run++) {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        r = computeAgreement(p, { coders, unit, bootstrap });
        const c1 = process.cpuUsage(c0);
        times.push(performance.now() - t0);
        cpu.push((c1.user + c1.system) / 1000);
      }
      const ms = times.sort((a, b) => a - b)[1]!;
      const cpuMs = cpu.sort((a, b) => a - b)[1]!;
      if (!r || !r.ok) throw new Error(r?.reason);
      lines.push(`${unit}${bootstrap ? ' + bootstrap (1000)' : ''}: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU, ${r.table.unitCount.toLocaleString('en')} units, overall alpha ${r.table.overall.alpha?.toFixed(3)}`);
    }
  }
  return lines;
}
