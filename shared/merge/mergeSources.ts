// Sources: matched by content (FNV-1a 64 of the normalised text, confirmed by comparing the texts),
// preferring among equal texts the one with the same id, then the same name; a source matched
// this way is the same text, so their codings' offsets hold here unchanged. A source with the
// same name but a different text is a conflict: it is NOT re-anchored onto ours (offsets would
// point at the wrong words); it is added beside ours, named "<name> (<their project>)", with its
// codings, so nothing of their work is lost and the user can compare the two. Anything else is
// added under its own id (a fresh one if the id is taken here).
import type { Source } from '../model/types';
import { sourceContentHash } from './contentHash';
import { addRecord, claimId, guidKey, nameKey, type MergeContext } from './mergeContext';
import { noteAdded, noteConflict, noteMatched } from './mergeReport';

export function mergeSources(ctx: MergeContext): void {
  const textOf = (snapshot: MergeContext['ours']) => new Map(snapshot.sourceTexts.map((t) => [t.sourceId, t.text]));
  const ourText = textOf(ctx.ours);
  const theirText = textOf(ctx.theirs);
  const ourByGuid = new Map(ctx.ours.sources.map((s) => [guidKey(s.id), s]));
  // Hashing is the costly part (tens of megabytes of text): our texts are hashed only once some
  // source of theirs is not simply ours under the same id with the same text.
  let byHash: Map<string, Source[]> | null = null;
  const hashed = (): Map<string, Source[]> => {
    if (byHash) return byHash;
    byHash = new Map();
    for (const s of ctx.ours.sources) {
      const text = ourText.get(s.id);
      if (text === undefined) continue;
      const hash = sourceContentHash(text);
      const list = byHash.get(hash) ?? [];
      list.push(s);
      byHash.set(hash, list);
    }
    return byHash;
  };
  const byName = new Map<string, Source>();
  for (const s of ctx.ours.sources) if (!byName.has(nameKey(s.name))) byName.set(nameKey(s.name), s);
  const used = new Set<string>();
  let order = ctx.ours.sources.reduce((max, s) => Math.max(max, s.order + 1), 0);

  for (const source of [...ctx.theirs.sources].sort((a, b) => a.order - b.order)) {
    const text = theirText.get(source.id);
    if (text === undefined) {
      noteConflict(ctx.report, { kind: 'sources', theirs: source.id, label: source.name, reason: `“${source.name}” has no text in the file and was left out, with its codings.` });
      continue;
    }
    // The same id and the same text is the match the content hash would pick first anyway.
    const sameId = ourByGuid.get(guidKey(source.id));
    const match =
      sameId && !used.has(sameId.id) && ourText.get(sameId.id) === text
        ? sameId
        : (() => {
            const candidates = (hashed().get(sourceContentHash(text)) ?? []).filter((s) => !used.has(s.id) && ourText.get(s.id) === text);
            return candidates.find((s) => guidKey(s.id) === guidKey(source.id)) ?? candidates.find((s) => nameKey(s.name) === nameKey(source.name)) ?? candidates[0];
          })();
    if (match) {
      used.add(match.id);
      ctx.ids.sources.set(source.id, match.id);
      noteMatched(ctx.report, { kind: 'sources', theirs: source.id, ours: match.id, label: match.name, rule: 'content hash', differs: nameKey(match.name) === nameKey(source.name) ? undefined : 'name' });
      continue;
    }
    const sameName = byName.get(nameKey(source.name));
    const name = sameName ? `${source.name} (${ctx.theirs.project.name})` : source.name;
    // The id must be free for the text too (a text can outlive its source in damaged data).
    let id = claimId(ctx, 'sources', source.id);
    while (ctx.taken.sourceTexts.has(id)) id = claimId(ctx, 'sources', ctx.newId());
    ctx.ids.sources.set(source.id, id);
    addRecord(ctx, 'sources', { ...source, id, projectId: ctx.projectId, name, order: order++ });
    addRecord(ctx, 'sourceTexts', { sourceId: id, projectId: ctx.projectId, text });
    noteAdded(ctx.report, { kind: 'sources', theirs: source.id, ours: id, label: name });
    if (sameName) {
      noteConflict(ctx.report, {
        kind: 'sources',
        theirs: source.id,
        label: source.name,
        reason: `“${source.name}” has a different text in the file than here: it was added as “${name}” with its codings, not re-anchored onto ours.`,
      });
    }
  }
}
