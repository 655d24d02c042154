// How often each code is used: codings, cases and sources per code, on its own and with its
// subcodes rolled up (a coding counts once; a case or a source once however many of the
// subtree's codings it holds). Cases follow caseIndex.ts's rule.
import { flattenTree, type CodeLike } from '../codebook/tree';
import { buildCaseIndex, type CaseIndex } from './caseIndex';
import type { CaseData } from './caseData';
import { codeGroups } from './codeGroups';

export interface CodeFrequency {
  codeId: string;
  /** Depth in the tree (0 for a top-level code), for indenting a table. */
  depth: number;
  codings: number;
  cases: number;
  sources: number;
  /** The same counts with every subcode's codings counted as this code's. */
  withSubcodes: { codings: number; cases: number; sources: number };
}

export function codeFrequencies(input: {
  codes: readonly CodeLike[];
  codings: ReadonlyArray<{ sourceId: string; codeId: string; start: number; end: number }>;
  cases?: CaseData | CaseIndex;
}): CodeFrequency[] {
  const index = input.cases === undefined ? undefined : 'casesOfSpan' in input.cases ? input.cases : buildCaseIndex(input.cases);
  const own = new Map<string, { codings: number; cases: Set<number>; sources: Set<string> }>();
  for (const c of input.codes) own.set(c.id, { codings: 0, cases: new Set(), sources: new Set() });
  for (const coding of input.codings) {
    const entry = own.get(coding.codeId);
    if (!entry) continue;
    entry.codings++;
    entry.sources.add(coding.sourceId);
    if (index) for (const c of index.casesOfSpan(coding.sourceId, coding.start, coding.end)) entry.cases.add(c);
  }
  const tree = flattenTree(input.codes);
  const groups = codeGroups(input.codes, tree.map((t) => t.code.id), true);
  return tree.map(({ code, depth }, i) => {
    const mine = own.get(code.id)!;
    const cases = new Set<number>();
    const sources = new Set<string>();
    let codings = 0;
    for (const id of groups[i]!.codeIds) {
      const e = own.get(id)!;
      codings += e.codings;
      for (const c of e.cases) cases.add(c);
      for (const s of e.sources) sources.add(s);
    }
    return {
      codeId: code.id,
      depth,
      codings: mine.codings,
      cases: mine.cases.size,
      sources: mine.sources.size,
      withSubcodes: { codings, cases: cases.size, sources: sources.size },
    };
  });
}
