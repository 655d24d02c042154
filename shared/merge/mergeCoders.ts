// Coders: matched by id (case-insensitive), never by name: two people may share a name, and a
// coder's id is what their codings carry. A matched coder keeps our name and colour (a
// difference is reported); a coder we do not have is added under their id.
import { addRecord, claimId, differingFields, guidKey, type MergeContext } from './mergeContext';
import { noteAdded, noteMatched } from './mergeReport';

export function mergeCoders(ctx: MergeContext): void {
  const ours = new Map(ctx.ours.coders.map((c) => [guidKey(c.id), c]));
  for (const coder of ctx.theirs.coders) {
    const match = ours.get(guidKey(coder.id));
    if (match) {
      ctx.ids.coders.set(coder.id, match.id);
      noteMatched(ctx.report, { kind: 'coders', theirs: coder.id, ours: match.id, label: match.name, rule: 'id', differs: differingFields(match, coder, [['name', 'name'], ['color', 'colour']]) });
      continue;
    }
    const id = claimId(ctx, 'coders', coder.id);
    ctx.ids.coders.set(coder.id, id);
    addRecord(ctx, 'coders', { ...coder, id, projectId: ctx.projectId });
    noteAdded(ctx.report, { kind: 'coders', theirs: coder.id, ours: id, label: coder.name });
  }
}

/** Our id for a coder id found on their codings and memos (coders without a record keep theirs). */
export function coderIdFor(ctx: MergeContext, theirId: string): string {
  return ctx.ids.coders.get(theirId) ?? ctx.ours.coders.find((c) => guidKey(c.id) === guidKey(theirId))?.id ?? theirId;
}
