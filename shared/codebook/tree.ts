// Reading the codebook as a tree: children in order, paths from the root, descendants.
import type { Code } from '../model/types';

export const PATH_SEPARATOR = ' > ';

export type CodeLike = Pick<Code, 'id' | 'parentId' | 'name' | 'order'>;

/** Children of each parent id (null for the roots), sorted by `order` then name. */
export function childrenByParent<C extends CodeLike>(codes: readonly C[]): Map<string | null, C[]> {
  const byParent = new Map<string | null, C[]>();
  const ids = new Set(codes.map((c) => c.id));
  for (const code of codes) {
    // A dangling parent reference shows the code at the top rather than hiding it.
    const parent = code.parentId !== null && ids.has(code.parentId) ? code.parentId : null;
    const siblings = byParent.get(parent) ?? [];
    siblings.push(code);
    byParent.set(parent, siblings);
  }
  for (const siblings of byParent.values()) {
    siblings.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  }
  return byParent;
}

/** Codes in depth-first display order, each with its depth (0 for roots). */
export function flattenTree<C extends CodeLike>(codes: readonly C[]): Array<{ code: C; depth: number }> {
  const byParent = childrenByParent(codes);
  const out: Array<{ code: C; depth: number }> = [];
  const seen = new Set<string>();
  const visit = (parentId: string | null, depth: number): void => {
    for (const code of byParent.get(parentId) ?? []) {
      if (seen.has(code.id)) continue; // a cycle in stored data must not hang the UI
      seen.add(code.id);
      out.push({ code, depth });
      visit(code.id, depth + 1);
    }
  };
  visit(null, 0);
  // Codes caught in a parent cycle (bad imported or stored data) are unreachable from the roots:
  // show them at the top so the user can see and fix them.
  for (const code of codes) {
    if (seen.has(code.id)) continue;
    seen.add(code.id);
    out.push({ code, depth: 0 });
    visit(code.id, 1);
  }
  return out;
}

/** The names from the root down to the code, joined with " > ". */
export function codePath(codesById: ReadonlyMap<string, CodeLike>, codeId: string): string {
  return pathSegments(codesById, codeId).join(PATH_SEPARATOR);
}

/** The ids of a code's descendants (not the code itself). */
export function descendantIds(codes: readonly CodeLike[], codeId: string): string[] {
  const byParent = childrenByParent(codes);
  const out: string[] = [];
  const stack = [...(byParent.get(codeId) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (out.includes(next.id) || next.id === codeId) continue;
    out.push(next.id);
    stack.push(...(byParent.get(next.id) ?? []));
  }
  return out;
}

/** The names from the root down to the code, as a list (names may themselves contain " > "). */
export function pathSegments(codesById: ReadonlyMap<string, CodeLike>, codeId: string): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  let current = codesById.get(codeId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift(current.name);
    current = current.parentId === null ? undefined : codesById.get(current.parentId);
  }
  return names;
}

/** True when `codeId` sits somewhere below `ancestorId` (a code is not its own descendant). */
export function isDescendant(
  codesById: ReadonlyMap<string, Pick<Code, 'id' | 'parentId'>>,
  codeId: string,
  ancestorId: string,
): boolean {
  const seen = new Set<string>();
  let current = codesById.get(codeId);
  while (current && current.parentId !== null && !seen.has(current.id)) {
    seen.add(current.id);
    if (current.parentId === ancestorId) return true;
    current = codesById.get(current.parentId);
  }
  return false;
}
