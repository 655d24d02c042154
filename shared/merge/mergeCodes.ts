// Codes: matched by GUID (the id, case-insensitive, braces ignored), then by path (the names from
// the root down, whitespace-normalised), one to one. A matched code keeps our name, colour,
// definition and place (differences are reported: the merge never rewrites our codebook). A code
// we do not have is added under its parent's counterpart here (or at the top), after our
// existing siblings, keeping its definition; a code whose parent is added comes along with it.
import { pathSegments } from '../codebook/tree';
import type { Code } from '../model/types';
import { addRecord, claimId, differingFields, guidKey, nameKey, type MergeContext } from './mergeContext';
import { noteAdded, noteMatched } from './mergeReport';

const PATH_JOIN = '\u0000';

export function mergeCodes(ctx: MergeContext): Code[] {
  const oursById = new Map(ctx.ours.codes.map((c) => [c.id, c]));
  const theirsById = new Map(ctx.theirs.codes.map((c) => [c.id, c]));
  const pathOf = (byId: ReadonlyMap<string, Code>, id: string): string => pathSegments(byId, id).map(nameKey).join(PATH_JOIN);
  const ourByGuid = new Map(ctx.ours.codes.map((c) => [guidKey(c.id), c]));
  const ourByPath = new Map<string, Code>();
  for (const c of ctx.ours.codes) {
    const p = pathOf(oursById, c.id);
    if (!ourByPath.has(p)) ourByPath.set(p, c);
  }
  const used = new Set<string>();
  const unmatched: Code[] = [];
  const matched: Array<[Code, Code, 'id' | 'path']> = [];
  // GUIDs first for every code, so a path match never takes a code another one matches by id.
  for (const code of ctx.theirs.codes) {
    const match = ourByGuid.get(guidKey(code.id));
    if (match && !used.has(match.id)) {
      used.add(match.id);
      ctx.ids.codes.set(code.id, match.id);
      matched.push([code, match, 'id']);
    } else unmatched.push(code);
  }
  const added: Code[] = [];
  for (const code of unmatched) {
    const path = pathOf(theirsById, code.id);
    const match = ourByPath.get(path);
    if (match && !used.has(match.id)) {
      used.add(match.id);
      ctx.ids.codes.set(code.id, match.id);
      matched.push([code, match, 'path']);
      continue;
    }
    ctx.ids.codes.set(code.id, claimId(ctx, 'codes', code.id));
    added.push(code);
  }
  // Every code has its id here now: report the matches with what differs, parents included.
  for (const [code, match, rule] of matched) {
    noteMatched(ctx.report, { kind: 'codes', theirs: code.id, ours: match.id, label: pathSegments(oursById, match.id).join(' > '), rule, differs: codeDifferences(ctx, match, code) });
  }
  // Parents are known now (matched or added): place the added codes.
  const nextOrder = new Map<string | null, number>();
  for (const c of ctx.ours.codes) nextOrder.set(c.parentId, Math.max(nextOrder.get(c.parentId) ?? 0, c.order + 1));
  const addedIds = new Set(added.map((c) => c.id));
  const records: Code[] = [];
  for (const code of [...added].sort((a, b) => a.order - b.order)) {
    const parentId = code.parentId !== null && theirsById.has(code.parentId) ? ctx.ids.codes.get(code.parentId)! : null;
    // Under a parent that is itself new, their order among siblings stands; among ours, after ours.
    let order = code.order;
    if (!(code.parentId !== null && addedIds.has(code.parentId))) {
      order = nextOrder.get(parentId) ?? 0;
      nextOrder.set(parentId, order + 1);
    }
    const record: Code = { ...code, id: ctx.ids.codes.get(code.id)!, projectId: ctx.projectId, parentId, order };
    records.push(record);
    noteAdded(ctx.report, { kind: 'codes', theirs: code.id, ours: record.id, label: pathSegments(theirsById, code.id).join(' > ') });
  }
  return records;
}

/**
 * Adds the new codes once codings are merged: a code's chosen example names a coding, whose id
 * here is known only then. An example that did not come along is dropped from the copy.
 */
export function addMergedCodes(ctx: MergeContext, records: readonly Code[]): void {
  for (const record of records) {
    const example = record.exampleCodingId ? ctx.ids.codings.get(record.exampleCodingId) : undefined;
    const out: Code = { ...record };
    if (record.exampleCodingId !== undefined && record.exampleCodingId !== null) out.exampleCodingId = example ?? null;
    addRecord(ctx, 'codes', out);
  }
}

function codeDifferences(ctx: MergeContext, ours: Code, theirs: Code): string | undefined {
  const theirParent = theirs.parentId === null ? null : ctx.ids.codes.get(theirs.parentId) ?? theirs.parentId;
  const moved = ours.parentId !== theirParent;
  const fields = differingFields(ours, theirs, [
    ['name', 'name'],
    ['color', 'colour'],
    ['description', 'description'],
    ['inclusion', 'when to use'],
    ['exclusion', 'when not to use'],
    ['memo', 'memo'],
    ['isCodable', 'codable'],
  ]);
  return [fields, moved ? 'place in the tree' : undefined].filter(Boolean).join(', ') || undefined;
}
