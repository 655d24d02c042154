// Splitting a code: chosen codings move to a new code (by default a subcode of the old one), the
// usual way a code that grew too broad is refined into narrower ones.
import type { Code, Coding } from '../model/types';
import type { CodePlacement } from './moves';
import { cleanCodeName } from './codeName';
import { nextPaletteColor } from './palette';
import { childrenByParent } from './tree';
import { nextOrder } from '../model/order';

export interface SplitInput {
  codes: readonly Code[];
  /** At least the codings of the code being split. */
  codings: ReadonlyArray<Pick<Coding, 'id' | 'codeId'>>;
  codeId: string;
  /** The codings to move to the new code. */
  codingIds: readonly string[];
  name: string;
  /** 'child' (default): the new code goes under the split one; 'sibling': right after it. */
  placement?: 'child' | 'sibling';
  newId: string;
  now: string;
}

export interface SplitPlan {
  newCode: Code;
  recode: Array<{ codingId: string; codeId: string }>;
  /** Siblings that shift down to make room (placement 'sibling' only). */
  placements: CodePlacement[];
  /** Set on the split code when its example coding moved away with the others. */
  codeChanges: Partial<Pick<Code, 'exampleCodingId'>>;
}

export type SplitResult = ({ ok: true } & SplitPlan) | { ok: false; reason: string };

export function planSplit(input: SplitInput): SplitResult {
  const code = input.codes.find((c) => c.id === input.codeId);
  if (!code) return { ok: false, reason: 'The code to split no longer exists.' };
  const name = cleanCodeName(input.name);
  if (name === '') return { ok: false, reason: 'The new code needs a name.' };
  const chosen = [...new Set(input.codingIds)];
  if (chosen.length === 0) return { ok: false, reason: 'Choose at least one coding to move to the new code.' };
  const owner = new Map(input.codings.map((c) => [c.id, c.codeId]));
  for (const id of chosen) {
    if (owner.get(id) !== code.id) {
      return { ok: false, reason: `A chosen coding is no longer coded with “${code.name}”.` };
    }
  }

  const placement = input.placement ?? 'child';
  const parentId = placement === 'child' ? code.id : code.parentId;
  const byParent = childrenByParent(input.codes);
  const siblings = byParent.get(parentId) ?? [];
  if (siblings.some((c) => c.name === name)) {
    // Two siblings with one name share a path, which makes exports ambiguous to re-import.
    return { ok: false, reason: `There is already a code “${name}” there.` };
  }

  const placements: CodePlacement[] = [];
  let order: number;
  if (placement === 'child') {
    order = nextOrder(siblings);
  } else {
    const at = siblings.findIndex((c) => c.id === code.id);
    order = at + 1;
    siblings.forEach((sibling, i) => {
      const wanted = i <= at ? i : i + 1;
      if (sibling.order !== wanted) placements.push({ id: sibling.id, parentId, order: wanted });
    });
  }

  const newCode: Code = {
    id: input.newId,
    projectId: code.projectId,
    parentId,
    name,
    description: '',
    color: nextPaletteColor(input.codes.map((c) => c.color)),
    order,
    createdAt: input.now,
  };
  const codeChanges: SplitPlan['codeChanges'] = {};
  if (code.exampleCodingId && chosen.includes(code.exampleCodingId)) {
    newCode.exampleCodingId = code.exampleCodingId;
    codeChanges.exampleCodingId = null;
  }
  return {
    ok: true,
    newCode,
    recode: chosen.map((codingId) => ({ codingId, codeId: newCode.id })),
    placements,
    codeChanges,
  };
}
