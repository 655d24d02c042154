// Code sets: matched by id (case-insensitive), then by name. A matched set gains the members it
// lacks (their codes, re-keyed to ours), appended after ours: an update of an existing record,
// justified because a set is a list of members and the union loses nothing of ours. A set we do
// not have is added with its members re-keyed.
import type { CodeSet } from '../model/types';
import { addRecord, changes, claimId, guidKey, nameKey, type MergeContext } from './mergeContext';
import { noteAdded, noteMatched, noteUpdated } from './mergeReport';

export function mergeCodeSets(ctx: MergeContext): void {
  const byGuid = new Map(ctx.ours.codeSets.map((s) => [guidKey(s.id), s]));
  const byName = new Map<string, CodeSet>();
  for (const s of ctx.ours.codeSets) if (!byName.has(nameKey(s.name))) byName.set(nameKey(s.name), s);
  const used = new Set<string>();
  for (const set of ctx.theirs.codeSets) {
    const members = [...new Set(set.codeIds.map((id) => ctx.ids.codes.get(id)).filter((id): id is string => id !== undefined))];
    const viaId = byGuid.get(guidKey(set.id));
    const viaName = byName.get(nameKey(set.name));
    const match = viaId && !used.has(viaId.id) ? viaId : viaName && !used.has(viaName.id) ? viaName : undefined;
    if (!match) {
      const id = claimId(ctx, 'codeSets', set.id);
      ctx.ids.codeSets.set(set.id, id);
      addRecord(ctx, 'codeSets', { ...set, id, projectId: ctx.projectId, codeIds: members });
      noteAdded(ctx.report, { kind: 'codeSets', theirs: set.id, ours: id, label: set.name });
      continue;
    }
    used.add(match.id);
    ctx.ids.codeSets.set(set.id, match.id);
    noteMatched(ctx.report, { kind: 'codeSets', theirs: set.id, ours: match.id, label: match.name, rule: match === viaId ? 'id' : 'name' });
    const have = new Set(match.codeIds);
    const extra = members.filter((id) => !have.has(id));
    if (extra.length > 0) {
      changes(ctx, 'codeSets').updated.push([match, { ...match, codeIds: [...match.codeIds, ...extra] }]);
      noteUpdated(ctx.report, { kind: 'codeSets', theirs: set.id, ours: match.id, label: match.name, differs: `${extra.length} more member code${extra.length === 1 ? '' : 's'}` });
    }
  }
}
