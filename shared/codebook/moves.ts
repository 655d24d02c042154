// Moving codes in the tree (drag and drop, keyboard moves, several selected codes at once). Each
// function only plans: it returns the codes whose parent or order change, or why the move is
// refused, so the caller can show the reason on hover and write the changes in one transaction.
import type { Code } from '../model/types';
import { childrenByParent, flattenTree, isDescendant } from './tree';

/** Where a code sits: what a move changes and the caller writes back. */
export type CodePlacement = Pick<Code, 'id' | 'parentId' | 'order'>;

type TreeCode = Pick<Code, 'id' | 'parentId' | 'name' | 'order'>;

/**
 * Where to put the moved codes: just before or after a code (as its siblings), or inside a parent
 * (null for the top level) at `index` among the children that are not moving (default: last).
 */
export type MoveTarget =
  | { position: 'before' | 'after'; targetId: string }
  | { position: 'inside'; parentId: string | null; index?: number };

export type MoveResult = { ok: true; changes: CodePlacement[] } | { ok: false; reason: string };

/**
 * Moves the selected codes, keeping their display order, to one place. A selected code whose
 * ancestor is also selected travels with that ancestor rather than being flattened next to it.
 * Refused when the destination is one of the moved codes or lies inside one (a cycle).
 */
export function moveCodes(codes: readonly TreeCode[], ids: readonly string[], target: MoveTarget): MoveResult {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const selection = topmostInDisplayOrder(codes, ids);
  if (typeof selection === 'string') return { ok: false, reason: selection };
  const moving = new Set(selection.map((c) => c.id));

  let parentId: string | null;
  if (target.position === 'inside') {
    parentId = target.parentId;
    if (parentId !== null && !byId.has(parentId)) return { ok: false, reason: 'The destination code no longer exists.' };
  } else {
    const anchor = byId.get(target.targetId);
    if (!anchor) return { ok: false, reason: 'The destination code no longer exists.' };
    // A dangling parent reference is shown at the top level (see childrenByParent): move there too.
    parentId = anchor.parentId !== null && byId.has(anchor.parentId) ? anchor.parentId : null;
  }

  if (parentId !== null) {
    for (const code of selection) {
      if (code.id === parentId) {
        return { ok: false, reason: `“${code.name}” cannot be moved into itself.` };
      }
      if (isDescendant(byId, parentId, code.id)) {
        const into = byId.get(parentId)!;
        return { ok: false, reason: `“${code.name}” cannot be moved into its own subcode “${into.name}”.` };
      }
    }
  }

  const siblings = childrenByParent(codes).get(parentId) ?? [];
  const staying = siblings.filter((c) => !moving.has(c.id));
  let index: number;
  if (target.position === 'inside') {
    index = Math.max(0, Math.min(target.index ?? staying.length, staying.length));
  } else {
    // Count the staying siblings shown above the anchor; this also works when the anchor itself
    // is one of the moved codes (dropping a selection next to one of its own members).
    const anchorAt = siblings.findIndex((c) => c.id === target.targetId);
    index = siblings.slice(0, anchorAt).filter((c) => !moving.has(c.id)).length;
    if (target.position === 'after' && !moving.has(target.targetId)) index += 1;
  }
  const ordered = [...staying.slice(0, index), ...selection, ...staying.slice(index)];
  return { ok: true, changes: renumber(ordered, parentId) };
}

/**
 * Keyboard "move up / move down" among siblings: each selected code swaps with the unselected
 * sibling next to it, so a selection at the edge stays put while the rest moves.
 */
export function reorderCodes(
  codes: readonly TreeCode[],
  ids: readonly string[],
  direction: 'up' | 'down',
): MoveResult {
  const common = commonParent(codes, ids);
  if (typeof common === 'string') return { ok: false, reason: common };
  const selected = new Set(common.selection.map((c) => c.id));
  const list = [...(childrenByParent(codes).get(common.parentId) ?? [])];
  if (direction === 'up') {
    for (let i = 1; i < list.length; i++) {
      if (selected.has(list[i]!.id) && !selected.has(list[i - 1]!.id)) swap(list, i, i - 1);
    }
  } else {
    for (let i = list.length - 2; i >= 0; i--) {
      if (selected.has(list[i]!.id) && !selected.has(list[i + 1]!.id)) swap(list, i, i + 1);
    }
  }
  return { ok: true, changes: renumber(list, common.parentId) };
}

/** Keyboard indent: the selected codes become the last subcodes of the sibling just above them. */
export function indentCodes(codes: readonly TreeCode[], ids: readonly string[]): MoveResult {
  const common = commonParent(codes, ids);
  if (typeof common === 'string') return { ok: false, reason: common };
  const selected = new Set(common.selection.map((c) => c.id));
  const siblings = childrenByParent(codes).get(common.parentId) ?? [];
  const first = siblings.findIndex((c) => selected.has(c.id));
  const above = siblings[first - 1];
  if (!above) {
    return { ok: false, reason: `“${siblings[first]!.name}” has no code above it to go under.` };
  }
  return moveCodes(codes, ids, { position: 'inside', parentId: above.id });
}

/** Keyboard outdent: the selected codes leave their parent and follow it as its siblings. */
export function outdentCodes(codes: readonly TreeCode[], ids: readonly string[]): MoveResult {
  const common = commonParent(codes, ids);
  if (typeof common === 'string') return { ok: false, reason: common };
  if (common.parentId === null) {
    return { ok: false, reason: `“${common.selection[0]!.name}” is already at the top level.` };
  }
  return moveCodes(codes, ids, { position: 'after', targetId: common.parentId });
}

/** The selected codes minus those inside another selected code, in display order; or a reason. */
function topmostInDisplayOrder(codes: readonly TreeCode[], ids: readonly string[]): TreeCode[] | string {
  if (ids.length === 0) return 'Select at least one code to move.';
  const byId = new Map(codes.map((c) => [c.id, c]));
  const wanted = new Set(ids);
  for (const id of wanted) if (!byId.has(id)) return 'A selected code no longer exists.';
  return flattenTree(codes)
    .map(({ code }) => code)
    .filter((code) => wanted.has(code.id) && ![...wanted].some((other) => isDescendant(byId, code.id, other)));
}

/** Keyboard moves act on siblings: the selection must share one parent. */
function commonParent(
  codes: readonly TreeCode[],
  ids: readonly string[],
): { parentId: string | null; selection: TreeCode[] } | string {
  const selection = topmostInDisplayOrder(codes, ids);
  if (typeof selection === 'string') return selection;
  const known = new Set(codes.map((c) => c.id));
  const parents = new Set(selection.map((c) => (c.parentId !== null && known.has(c.parentId) ? c.parentId : null)));
  if (parents.size > 1) return 'Select codes under the same parent to move them together with the keyboard.';
  return { parentId: [...parents][0]!, selection };
}

function swap<T>(list: T[], i: number, j: number): void {
  const a = list[i]!;
  list[i] = list[j]!;
  list[j] = a;
}

/** Orders 0..n-1 in list order under `parentId`; only codes whose placement changes are returned. */
function renumber(list: readonly TreeCode[], parentId: string | null): CodePlacement[] {
  const changes: CodePlacement[] = [];
  list.forEach((code, order) => {
    if (code.parentId !== parentId || code.order !== order) changes.push({ id: code.id, parentId, order });
  });
  return changes;
}
