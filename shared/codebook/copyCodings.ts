// Copying codings to another code: the same spans coded a second way, without stacking a copy on
// a span the target code already covers.
import type { Code, Coding } from '../model/types';
import { spanKey } from './codingSpan';

export interface CopyCodingsInput {
  codes: ReadonlyArray<Pick<Code, 'id' | 'name' | 'isCodable'>>;
  /** The codings to copy and at least the target code's codings. */
  codings: readonly Coding[];
  codingIds: readonly string[];
  targetCodeId: string;
  newId: () => string;
  now: string;
  /** Who the copies are attributed to; by default each keeps its original coder. */
  coder?: string;
}

export type CopyCodingsResult =
  | { ok: true; create: Coding[]; skippedCodingIds: string[] }
  | { ok: false; reason: string };

export function planCopyCodings(input: CopyCodingsInput): CopyCodingsResult {
  const target = input.codes.find((c) => c.id === input.targetCodeId);
  if (!target) return { ok: false, reason: 'The code to copy to no longer exists.' };
  if (target.isCodable === false) {
    return { ok: false, reason: `“${target.name}” is a folder and cannot hold codings.` };
  }
  const byId = new Map(input.codings.map((c) => [c.id, c]));
  const present = new Set<string>();
  for (const coding of input.codings) {
    if (coding.codeId === target.id) present.add(spanKey(coding, target.id));
  }
  const create: Coding[] = [];
  const skippedCodingIds: string[] = [];
  for (const id of new Set(input.codingIds)) {
    const coding = byId.get(id);
    if (!coding) return { ok: false, reason: 'A coding to copy no longer exists.' };
    const key = spanKey(coding, target.id);
    if (present.has(key)) {
      skippedCodingIds.push(id);
      continue;
    }
    present.add(key);
    create.push({
      ...coding,
      id: input.newId(),
      codeId: target.id,
      coder: input.coder ?? coding.coder,
      createdAt: input.now,
    });
  }
  return { ok: true, create, skippedCodingIds };
}
