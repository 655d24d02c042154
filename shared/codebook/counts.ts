// How much each code is used: codings and distinct sources, for the code alone and with everything
// below it (a parent's total is what a reader of the codebook usually wants to see).
import type { Code, Coding } from '../model/types';
import { childrenByParent } from './tree';

export interface CodeCounts {
  /** Codings of this code itself. */
  nCodings: number;
  /** Sources with at least one coding of this code itself. */
  nSources: number;
  /** Codings of this code and all its subcodes (a span coded twice counts twice). */
  nCodingsWithSubcodes: number;
  /** Sources with at least one coding of this code or any of its subcodes. */
  nSourcesWithSubcodes: number;
}

/** Counts for every code (zeros for unused ones); codings of unknown codes are ignored. */
export function countCodings(
  codes: ReadonlyArray<Pick<Code, 'id' | 'parentId' | 'name' | 'order'>>,
  codings: ReadonlyArray<Pick<Coding, 'codeId' | 'sourceId'>>,
): Map<string, CodeCounts> {
  const own = new Map<string, { n: number; sources: Set<string> }>();
  for (const code of codes) own.set(code.id, { n: 0, sources: new Set() });
  for (const coding of codings) {
    const entry = own.get(coding.codeId);
    if (!entry) continue;
    entry.n += 1;
    entry.sources.add(coding.sourceId);
  }

  const byParent = childrenByParent(codes);
  const out = new Map<string, CodeCounts>();
  const totals = new Map<string, { n: number; sources: Set<string> }>();
  const visiting = new Set<string>();
  // Post-order: a code's totals are its own plus its children's. `visiting` guards against a
  // cycle in stored data (childrenByParent would otherwise hand us the same code again).
  const total = (id: string): { n: number; sources: Set<string> } => {
    const done = totals.get(id);
    if (done) return done;
    const mine = own.get(id)!;
    const sum = { n: mine.n, sources: new Set(mine.sources) };
    visiting.add(id);
    for (const child of byParent.get(id) ?? []) {
      if (visiting.has(child.id)) continue;
      const sub = total(child.id);
      sum.n += sub.n;
      for (const s of sub.sources) sum.sources.add(s);
    }
    visiting.delete(id);
    totals.set(id, sum);
    return sum;
  };
  for (const code of codes) {
    const mine = own.get(code.id)!;
    const all = total(code.id);
    out.set(code.id, {
      nCodings: mine.n,
      nSources: mine.sources.size,
      nCodingsWithSubcodes: all.n,
      nSourcesWithSubcodes: all.sources.size,
    });
  }
  return out;
}
