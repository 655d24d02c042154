// A synthetic big project for the agreement and merge measurements: sources of 100,000
// characters in paragraphs of 300–600, 50 codes, codings by three coders, two thirds of the
// passages coded alike by all three.
import type { Coding } from '../../shared/model/types';
import { emptySnapshot, type ProjectSnapshot } from '../../shared/model/snapshot';

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `characters` of text; `codingsPerSource` passages per source, each coded by one to three coders. */
export function bigProject(characters: number, codingsPerSource = 500): { p: ProjectSnapshot; chars: number } {
  const rnd = random(7);
  const TIME = '2025-01-01T00:00:00.000Z';
  const p = emptySnapshot({ id: 'p', name: 'Big', createdAt: TIME, updatedAt: TIME });
  const words = ['trust', 'the', 'council', 'never', 'said', 'we', 'would', 'wait', 'and', 'see', 'money', 'housing'];
  const coders = ['ann', 'ben', 'cleo'];
  for (const c of coders) p.coders.push({ id: c, projectId: 'p', name: c, color: '#000000' });
  for (let c = 0; c < 50; c++) p.codes.push({ id: `code${c}`, projectId: 'p', parentId: null, name: `Code ${c}`, description: '', color: '#000000', order: c, createdAt: TIME });
  let chars = 0;
  const codings: Coding[] = [];
  for (let s = 0; chars < characters; s++) {
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
    for (let k = 0; k < codingsPerSource; k++) {
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
  return { p, chars };
}
