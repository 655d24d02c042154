// Builds the two CSV exports from the project's rows and hands them to the host to save.
import { buildCodebookCsv } from '../../../../shared/codebook/codebookCsv';
import { buildSegmentsCsv } from '../../../../shared/analysis/segmentsCsv';
import { getDb } from '../../db/db';
import { codingsOfCodes, codingsOfProject, codingTables } from '../../db/codingsRepository';
import { getHost } from '../../host';
import type { SaveFileResult } from '../../../../shared/ipc/contract';
import type { Memo } from '../../../../shared/model/types';

const CSV_FILTER = [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }];

/** A file name from the project name, safe on every OS. */
export function fileNameFor(projectName: string, suffix: string, extension = 'csv'): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  const base = projectName.replace(/[/\\:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'project';
  return `${base} - ${suffix}.${extension}`;
}

export async function exportCodebookCsv(projectId: string): Promise<SaveFileResult> {
  const db = getDb();
  const { project, codes, codings } = await db.transaction('r', [db.projects, db.codes, ...codingTables()], async () => ({
    project: await db.projects.get(projectId),
    codes: await db.codes.where('projectId').equals(projectId).toArray(),
    codings: await codingsOfProject(projectId),
  }));
  if (!project) throw new Error('That project no longer exists.');
  return getHost().saveFile({
    suggestedName: fileNameFor(project.name, 'codebook'),
    content: buildCodebookCsv(codes, codings),
    filters: CSV_FILTER,
  });
}

/** Some codes' segments (the Coded segments view), named after the code they were listed for. */
export interface SegmentsSelection {
  codeIds: readonly string[];
  name: string;
}

/** The project's coded segments, or only those of some codes. */
export async function exportSegmentsCsv(projectId: string, only?: SegmentsSelection): Promise<SaveFileResult> {
  const db = getDb();
  const data = await db.transaction('r', [db.projects, db.sources, db.sourceTexts, db.codes, ...codingTables(), db.memos], async () => {
    const codings = only ? (await codingsOfCodes(only.codeIds)).filter((c) => c.projectId === projectId) : await codingsOfProject(projectId);
    const sourceIds = [...new Set(codings.map((c) => c.sourceId))];
    return {
      project: await db.projects.get(projectId),
      sources: await db.sources.where('projectId').equals(projectId).toArray(),
      texts: only
        ? (await db.sourceTexts.bulkGet(sourceIds)).filter((t) => t !== undefined)
        : await db.sourceTexts.where('projectId').equals(projectId).toArray(),
      codes: await db.codes.where('projectId').equals(projectId).toArray(),
      codings,
      memos: await db.memos.where('projectId').equals(projectId).toArray(),
    };
  });
  if (!data.project) throw new Error('That project no longer exists.');
  return getHost().saveFile({
    suggestedName: only ? fileNameFor(`${data.project.name} - ${only.name}`, 'coded segments') : fileNameFor(data.project.name, 'coded segments'),
    content: buildSegmentsCsv({
      sources: data.sources,
      texts: new Map(data.texts.map((t) => [t.sourceId, t.text])),
      codes: data.codes,
      codings: data.codings,
      codingMemos: codingMemoTexts(data.memos),
    }),
    filters: CSV_FILTER,
  });
}

/** Each coding's memos as one cell: title and text, memos apart by a blank line, oldest first. */
function codingMemoTexts(memos: readonly Memo[]): Map<string, string> {
  const out = new Map<string, string>();
  const onCodings = memos.filter((m) => m.targetKind === 'coding').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const memo of onCodings) {
    const text = [memo.title.trim(), memo.body.trim()].filter((t) => t !== '').join('\n');
    const previous = out.get(memo.targetId);
    out.set(memo.targetId, previous ? `${previous}\n\n${text}` : text);
  }
  return out;
}
