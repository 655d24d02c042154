// Named operations on sources: read the text, rename, and delete (with everything that points
// into the source). Importing lives in ./imports.ts, the path the import dialog takes.
import { ChangeSetBuilder } from '../../../../shared/model/changeSetBuilder';
import { getDb } from '../db';
import { codingsOfSource, countCodingsOfSource } from '../codingsRepository';
import { linksOfSource } from '../caseRepository';
import { commit } from './commit';

export async function getSourceText(sourceId: string): Promise<string> {
  const row = await getDb().sourceTexts.get(sourceId);
  if (!row) throw new Error('The source text is missing.');
  return row.text;
}

/** A source's original file as imported, for "Export original file"; null when it has none. */
export async function readSourceOriginal(sourceId: string): Promise<{ name: string; extension: string; bytes: Uint8Array } | null> {
  const db = getDb();
  return db.transaction('r', [db.sources, db.sourceOriginals], async () => {
    const [source, original] = await Promise.all([db.sources.get(sourceId), db.sourceOriginals.get(sourceId)]);
    return source && original ? { name: source.name, extension: original.extension, bytes: original.bytes } : null;
  });
}

/** How many codings deleting a source would take with it, for the confirmation. */
export function countSourceCodings(sourceId: string): Promise<number> {
  return countCodingsOfSource(sourceId);
}

export async function deleteSource(sourceId: string): Promise<void> {
  const db = getDb();
  const found = await db.sources.get(sourceId);
  if (!found) return;
  await commit(found.projectId, 'Delete a source', async () => {
    const source = await db.sources.get(sourceId);
    if (!source) return { changes: {}, result: undefined };
    // Memos on the source and on any of its codings go with it: they would point at nothing.
    const codings = await codingsOfSource(sourceId);
    const text = await db.sourceTexts.get(sourceId);
    // Read only here, to delete: the step must hold the bytes for Undo to bring the file back.
    const original = await db.sourceOriginals.get(sourceId);
    const changes = new ChangeSetBuilder()
      .remove('caseLinks', ...(await linksOfSource(sourceId)))
      .remove('memos', ...(await db.memos.where('targetId').anyOf([sourceId, ...codings.map((c) => c.id)]).toArray()))
      .remove('codings', ...codings)
      .remove('sources', source);
    if (text) changes.remove('sourceTexts', text);
    if (original) changes.remove('sourceOriginals', original);
    return { changes: changes.build(), result: undefined, label: `Delete source ${source.name}` };
  });
}

export async function renameSource(sourceId: string, name: string): Promise<void> {
  const clean = name.trim();
  if (clean === '') throw new Error('The source needs a name.');
  const found = await getDb().sources.get(sourceId);
  if (!found) throw new Error('That source no longer exists.');
  await commit(found.projectId, 'Rename a source', async () => {
    const source = await getDb().sources.get(sourceId);
    if (!source) throw new Error('That source no longer exists.');
    return { changes: new ChangeSetBuilder().update('sources', source, { ...source, name: clean }).build(), result: undefined, label: `Rename source ${source.name} to ${clean}` };
  });
}
