// Merging codes into one: the plan a "merge" command writes in a single transaction. Codings move
// to the target, identical ones collapse, the merged codes' definitions are appended to the
// target's, their subcodes move under the target, and set memberships follow.
import type { Code, CodeSet, Coding } from '../model/types';
import type { CodePlacement } from './moves';
import { spanKey } from './codingSpan';
import { childrenByParent, isDescendant } from './tree';
import { nextOrder } from '../model/order';

type MergeCode = Pick<Code, 'id' | 'parentId' | 'name' | 'order' | 'description'> &
  Partial<Pick<Code, 'inclusion' | 'exclusion' | 'memo' | 'exampleCodingId' | 'isCodable'>>;
type MergeCoding = Pick<Coding, 'id' | 'codeId' | 'sourceId' | 'start' | 'end'>;

export interface MergeInput {
  codes: readonly MergeCode[];
  /** At least the codings of the merged codes and of the target. */
  codings: readonly MergeCoding[];
  /** The codes to merge away. */
  mergedCodeIds: readonly string[];
  targetId: string;
  /** Sets to update: merged codes are replaced by the target. */
  codeSets?: ReadonlyArray<Pick<CodeSet, 'id' | 'codeIds'>>;
}

export interface MergePlan {
  /** Codings that move to the target: set their `codeId` to `targetId`. */
  recode: Array<{ codingId: string; codeId: string }>;
  /** Codings that would duplicate one the target already has (or will get): delete them. */
  deleteCodingIds: string[];
  /** The merged codes: delete them once their codings and subcodes have moved. */
  deleteCodeIds: string[];
  /** The merged codes' subcodes, now under the target after its own subcodes. */
  placements: CodePlacement[];
  /** The target's new definition fields (only those that changed). */
  targetChanges: Partial<Pick<Code, 'description' | 'inclusion' | 'exclusion' | 'memo' | 'exampleCodingId'>>;
  /** Sets whose members change. */
  codeSetChanges: Array<Pick<CodeSet, 'id' | 'codeIds'>>;
}

export type MergeResult = ({ ok: true } & MergePlan) | { ok: false; reason: string };

/** Between appended definitions, so the reader sees where each merged code's text begins. */
const PARAGRAPH = '\n\n';

/**
 * Plans merging `mergedCodeIds` into `targetId`. Refused when the target is one of the merged codes
 * or lies inside one (it would be deleted with its parent, or become its own ancestor), and when
 * codings would land on a folder that cannot hold codings.
 */
export function planMerge(input: MergeInput): MergeResult {
  const byId = new Map(input.codes.map((c) => [c.id, c]));
  const target = byId.get(input.targetId);
  if (!target) return { ok: false, reason: 'The code to merge into no longer exists.' };
  const mergedCodeIds = [...new Set(input.mergedCodeIds)];
  if (mergedCodeIds.length === 0) return { ok: false, reason: 'Select at least one code to merge.' };
  const sources: MergeCode[] = [];
  for (const id of mergedCodeIds) {
    const code = byId.get(id);
    if (!code) return { ok: false, reason: 'A code to merge no longer exists.' };
    if (id === target.id) return { ok: false, reason: `“${target.name}” cannot be merged into itself.` };
    if (isDescendant(byId, target.id, id)) {
      return {
        ok: false,
        reason: `“${code.name}” cannot be merged into “${target.name}”, which is one of its own subcodes: move “${target.name}” out first.`,
      };
    }
    sources.push(code);
  }
  const merged = new Set(mergedCodeIds);

  // Codings: the target's own are registered first so that, of identical spans, the target's stays.
  const keptBySpan = new Map<string, string>();
  for (const coding of input.codings) {
    if (coding.codeId === target.id) keptBySpan.set(spanKey(coding, target.id), coding.id);
  }
  const recode: MergePlan['recode'] = [];
  const deleteCodingIds: string[] = [];
  const survivorOf = new Map<string, string>(); // deleted coding id → the coding that stays
  for (const coding of input.codings) {
    if (!merged.has(coding.codeId)) continue;
    const key = spanKey(coding, target.id);
    const kept = keptBySpan.get(key);
    if (kept !== undefined) {
      deleteCodingIds.push(coding.id);
      survivorOf.set(coding.id, kept);
    } else {
      keptBySpan.set(key, coding.id);
      recode.push({ codingId: coding.id, codeId: target.id });
    }
  }
  if (target.isCodable === false && recode.length > 0) {
    return {
      ok: false,
      reason: `“${target.name}” is a folder and cannot hold codings: make it codable first, or merge into another code.`,
    };
  }

  // Subcodes of merged codes (that are not merged themselves) go under the target, after its own.
  const byParent = childrenByParent(input.codes);
  const targetChildren = (byParent.get(target.id) ?? []).filter((c) => !merged.has(c.id));
  let order = nextOrder(targetChildren);
  const placements: CodePlacement[] = [];
  for (const source of sources) {
    for (const child of byParent.get(source.id) ?? []) {
      if (merged.has(child.id)) continue;
      placements.push({ id: child.id, parentId: target.id, order: order++ });
    }
  }

  const targetChanges: MergePlan['targetChanges'] = {};
  for (const field of ['description', 'inclusion', 'exclusion', 'memo'] as const) {
    const joined = appendTexts(target[field] ?? '', sources.map((s) => s[field] ?? ''));
    if (joined !== (target[field] ?? '')) targetChanges[field] = joined;
  }
  if (!target.exampleCodingId) {
    // Keep a merged code's chosen example, following it to the coding that survives.
    for (const source of sources) {
      const example = source.exampleCodingId;
      if (!example) continue;
      targetChanges.exampleCodingId = survivorOf.get(example) ?? example;
      break;
    }
  }

  const codeSetChanges: MergePlan['codeSetChanges'] = [];
  for (const set of input.codeSets ?? []) {
    if (!set.codeIds.some((id) => merged.has(id))) continue;
    const codeIds: string[] = [];
    for (const id of set.codeIds) {
      const next = merged.has(id) ? target.id : id;
      if (!codeIds.includes(next)) codeIds.push(next);
    }
    codeSetChanges.push({ id: set.id, codeIds });
  }

  return { ok: true, recode, deleteCodingIds, deleteCodeIds: mergedCodeIds, placements, targetChanges, codeSetChanges };
}

/** The target's text followed by each merged text not already contained in it. */
function appendTexts(base: string, additions: readonly string[]): string {
  let out = base;
  for (const addition of additions) {
    const text = addition.trim();
    if (text === '' || out.includes(text)) continue;
    out = out.trim() === '' ? text : `${out}${PARAGRAPH}${text}`;
  }
  return out;
}
