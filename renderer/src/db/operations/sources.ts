// Named operations on sources: import (all the readable files of one import in one transaction,
// so nothing is ever half-stored) and delete (with everything that points into the source).
import type { Source, SourceText } from '../../../../shared/model/types';
import type { PickedFile } from '../../../../shared/ipc/contract';
import { decodeTextFile } from '../../../../shared/text/decode';
import { normaliseImportedText } from '../../../../shared/text/normalise';
import { ChangeSetBuilder } from '../../../../shared/model/changeSetBuilder';
import { getDb } from '../db';
import { codingsOfSource, countCodingsOfSource } from '../codingsRepository';
import { linksOfSource } from '../caseRepository';
import { commit } from './commit';
import { newId, nowIso } from './now';

export type ImportResult =
  | { name: string; ok: true; sourceId: string }
  | { name: string; ok: false; reason: string };

/** A file ready to store: its normalised text and how it was decoded. */
export interface PreparedSource {
  name: string;
  text: string;
  encoding: string;
  byteSize: number;
}

/** Decodes and normalises picked files; failures carry a reason naming the problem. */
export function prepareTextFiles(files: readonly PickedFile[]): Array<PreparedSource | { name: string; reason: string }> {
  return files.map((file) => {
    if (file.error !== undefined || file.bytes === undefined) {
      return { name: file.name, reason: file.error ?? 'The file could not be read.' };
    }
    const decoded = decodeTextFile(file.bytes);
    if (!decoded.ok) return { name: file.name, reason: decoded.reason };
    return { name: file.name, text: normaliseImportedText(decoded.text), encoding: decoded.encoding, byteSize: file.byteSize };
  });
}

/** Stores every prepared source in one transaction and reports each file's outcome. */
export async function importSources(projectId: string, files: readonly PickedFile[]): Promise<ImportResult[]> {
  const prepared = prepareTextFiles(files);
  const db = getDb();
  const results: ImportResult[] = [];
  await commit(projectId, 'Import files', async () => {
    results.length = 0;
    if (!(await db.projects.get(projectId))) throw new Error('That project no longer exists.');
    let order = (await db.sources.where('projectId').equals(projectId).count()) + 1;
    const sources: Source[] = [];
    const texts: SourceText[] = [];
    const now = nowIso();
    for (const item of prepared) {
      if ('reason' in item) {
        results.push({ name: item.name, ok: false, reason: item.reason });
        continue;
      }
      const id = newId();
      sources.push({
        id,
        projectId,
        name: item.name,
        length: item.text.length,
        encoding: item.encoding,
        byteSize: item.byteSize,
        importedAt: now,
        order: order++,
      });
      texts.push({ sourceId: id, projectId, text: item.text });
      results.push({ name: item.name, ok: true, sourceId: id });
    }
    const label = sources.length === 1 ? `Import ${sources[0]!.name}` : `Import ${sources.length} files`;
    return { changes: new ChangeSetBuilder().add('sources', ...sources).add('sourceTexts', ...texts).build(), result: undefined, label };
  });
  return results;
}

export async function getSourceText(sourceId: string): Promise<string> {
  const row = await getDb().sourceTexts.get(sourceId);
  if (!row) throw new Error('The source text is missing.');
  return row.text;
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
    const changes = new ChangeSetBuilder()
      .remove('caseLinks', ...(await linksOfSource(sourceId)))
      .remove('memos', ...(await db.memos.where('targetId').anyOf([sourceId, ...codings.map((c) => c.id)]).toArray()))
      .remove('codings', ...codings)
      .remove('sources', source);
    if (text) changes.remove('sourceTexts', text);
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
