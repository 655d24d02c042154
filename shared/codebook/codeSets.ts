// Code sets: named groups of codes that cut across the hierarchy. Members are kept in the order
// they were added and never twice.
import type { CodeSet } from '../model/types';

export type CodeSetChange = Pick<CodeSet, 'id' | 'codeIds'>;

export function addCodesToSet(set: Pick<CodeSet, 'codeIds'>, codeIds: readonly string[]): string[] {
  const out = [...set.codeIds];
  for (const id of codeIds) if (!out.includes(id)) out.push(id);
  return out;
}

export function removeCodesFromSet(set: Pick<CodeSet, 'codeIds'>, codeIds: readonly string[]): string[] {
  const gone = new Set(codeIds);
  return set.codeIds.filter((id) => !gone.has(id));
}

/** The sets that lose members when codes are deleted, with what remains of each. */
export function dropDeletedCodes(
  sets: ReadonlyArray<Pick<CodeSet, 'id' | 'codeIds'>>,
  deletedCodeIds: readonly string[],
): CodeSetChange[] {
  const gone = new Set(deletedCodeIds);
  return sets
    .filter((set) => set.codeIds.some((id) => gone.has(id)))
    .map((set) => ({ id: set.id, codeIds: set.codeIds.filter((id) => !gone.has(id)) }));
}

/** The sets a code belongs to. */
export function setsOfCode<S extends Pick<CodeSet, 'codeIds'>>(sets: readonly S[], codeId: string): S[] {
  return sets.filter((set) => set.codeIds.includes(codeId));
}
