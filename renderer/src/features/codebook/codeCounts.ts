// The codebook's counts from the coding tallies (codings per code per source): codings and
// sources for each code alone and with its subcodes, without reading a single coding.
import type { Code } from '../../../../shared/model/types';
import { countCodings, type CodeCounts } from '../../../../shared/codebook/counts';
import { childrenByParent } from '../../../../shared/codebook/tree';
import type { CodingTally } from '../../db/queries';

export function countsFromTallies(codes: readonly Code[], tallies: readonly CodingTally[]): Map<string, CodeCounts> {
  // One tally is one (code, source) pair: counted as codings, they give exactly the source counts.
  const present = tallies.filter((t) => t.count > 0);
  const bySources = countCodings(codes, present);
  const own = new Map<string, number>();
  for (const t of present) own.set(t.codeId, (own.get(t.codeId) ?? 0) + t.count);
  const byParent = childrenByParent(codes);
  const totals = new Map<string, number>();
  const visiting = new Set<string>();
  const total = (id: string): number => {
    const done = totals.get(id);
    if (done !== undefined) return done;
    visiting.add(id); // a cycle in stored data must not recurse forever
    let sum = own.get(id) ?? 0;
    for (const child of byParent.get(id) ?? []) if (!visiting.has(child.id)) sum += total(child.id);
    visiting.delete(id);
    totals.set(id, sum);
    return sum;
  };
  const out = new Map<string, CodeCounts>();
  for (const code of codes) {
    const sources = bySources.get(code.id)!;
    out.set(code.id, {
      nCodings: own.get(code.id) ?? 0,
      nSources: sources.nSources,
      nCodingsWithSubcodes: total(code.id),
      nSourcesWithSubcodes: sources.nSourcesWithSubcodes,
    });
  }
  return out;
}
