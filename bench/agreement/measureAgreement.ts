// A quick Node measurement of the agreement table (not part of `npm run bench`'s browser runs):
// 3 coders × 50 codes over a synthetic project of 20 M characters, at paragraph and character
// level. Run with `node bench/agreement/run.mjs`. CPU time is printed beside wall time because the
// machine this was written on is shared: under load the wall time says more about the neighbours.
import { computeAgreement } from '../../shared/analysis/agreement/agreementTable';
import type { Coding } from '../../shared/model/types';
import { emptySnapshot } from '../../shared/model/snapshot';

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function measure(): string[] {
  const rnd = random(7);
  const TIME = '2025-01-01T00:00:00.000Z';
  const p = emptySnapshot({ id: 'p', name: 'Big', createdAt: TIME, updatedAt: TIME });
  const words = ['trust', 'the', 'council', 'never', 'said', 'we', 'would', 'wait', 'and', 'see', 'money', 'housing'];
  const coders = ['ann', 'ben', 'cleo'];
  for (const c of coders) p.coders.push({ id: c, projectId: 'p', name: c, color: '#000000' });
  for (let c = 0; c < 50; c++) p.codes.push({ id: `code${c}`, projectId: 'p', parentId: null, name: `Code ${c}`, description: '', color: '#000000', order: c, createdAt: TIME });
  let chars = 0;
  const codings: Coding[] = [];
  for (let s = 0; chars < 20_000_000; s++) {
    const parts: string[] = [];
    let len = 0;
    while (len < 100_000) {
      let para = '';
      while (para.length < 300 + rnd() * 300) para += words[Math.floor(rnd() * words.length)] + (rnd() < 0.1 ? '. ' : ' ');
      parts.push(para.trim());
      len += para.length;
    }
    const text = parts.join('\n');
    const id = `s${s}`;
    p.sources.push({ id, projectId: 'p', name: id, length: text.length, encoding: 'UTF-8', byteSize: text.length, importedAt: TIME, order: s });
    p.sourceTexts.push({ sourceId: id, projectId: 'p', text });
    chars += text.length;
    // ~500 codings per source per coder; two thirds shared between coders (same span and code).
    for (let k = 0; k < 500; k++) {
      const start = Math.floor(rnd() * (text.length - 400));
      const end = start + 20 + Math.floor(rnd() * 300);
      const codeId = `code${Math.floor(rnd() * 50)}`;
      const shared = rnd() < 2 / 3;
      for (const coder of coders) {
        if (!shared && rnd() < 0.6) continue;
        codings.push({ id: `k${codings.length}`, projectId: 'p', sourceId: id, codeId, start, end, exact: '', prefix: '', suffix: '', coder, createdAt: TIME });
      }
    }
  }
  p.codings = codings;
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
