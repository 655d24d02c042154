// Exports the project's memos as one document (Markdown, or HTML to read and print) through the host.
import { buildMemosHtml, buildMemosMarkdown } from '../../../../shared/memos/memosExport';
import type { SaveFileResult } from '../../../../shared/ipc/contract';
import { getDb } from '../../db/db';
import { readMemoTargets } from '../../db/memoQueries';
import { getHost } from '../../host';
import { exportFileName } from '../../../../shared/export/exportFileName';
import { codingTables } from '../../db/codingsRepository';

export async function exportMemos(projectId: string, format: 'markdown' | 'html'): Promise<SaveFileResult> {
  const db = getDb();
  const data = await db.transaction('r', [db.projects, db.memos, db.sources, db.codes, db.cases, ...codingTables()], async () => {
    const memos = await db.memos.where('projectId').equals(projectId).toArray();
    return {
      project: await db.projects.get(projectId),
      memos,
      lookup: await readMemoTargets(projectId, memos.some((m) => m.targetKind === 'coding')),
    };
  });
  if (!data.project) throw new Error('That project no longer exists.');
  const input = { projectName: data.project.name, memos: data.memos, lookup: data.lookup };
  return format === 'html'
    ? getHost().saveFile({
        suggestedName: exportFileName(data.project.name, 'memos', 'html'),
        content: buildMemosHtml(input),
        filters: [{ name: 'Web page', extensions: ['html'] }],
      })
    : getHost().saveFile({
        suggestedName: exportFileName(data.project.name, 'memos', 'md'),
        content: buildMemosMarkdown(input),
        filters: [{ name: 'Markdown', extensions: ['md'] }],
      });
}
