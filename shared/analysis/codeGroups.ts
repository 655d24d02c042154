// Rows of a table by code, with or without subcodes: a row's code and every code whose codings
// count for it (the code itself, and its descendants when subcodes roll up into their parents).
import { childrenByParent, type CodeLike } from '../codebook/tree';

export interface CodeGroup {
  /** The code the row is named for. */
  codeId: string;
  /** The codes whose codings count in the row (includes `codeId`). */
  codeIds: string[];
}

export function codeGroups(codes: readonly CodeLike[], codeIds: readonly string[], includeSubcodes: boolean): CodeGroup[] {
  if (!includeSubcodes) return codeIds.map((codeId) => ({ codeId, codeIds: [codeId] }));
  const byParent = childrenByParent(codes);
  return codeIds.map((codeId) => {
    const out = [codeId];
    const seen = new Set(out);
    for (let i = 0; i < out.length; i++) {
      for (const child of byParent.get(out[i]!) ?? []) {
        // A parent cycle in stored data must not loop forever.
        if (seen.has(child.id)) continue;
        seen.add(child.id);
        out.push(child.id);
      }
    }
    return { codeId, codeIds: out };
  });
}

/** For each code id, the rows (positions in `groups`) its codings count in. */
export function rowsOfCode(groups: readonly CodeGroup[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  groups.forEach((g, row) => {
    for (const id of g.codeIds) {
      const list = out.get(id);
      if (!list) out.set(id, [row]);
      else if (list.at(-1) !== row) list.push(row);
    }
  });
  return out;
}
