// Exports the project's memos as one document (Markdown, or HTML to read and print) through the host.
import { buildMemosHtml, buildMemosMarkdown } from '../../../../shared/memos/memosExport';
import type { SaveFileResult } from '../../../../shared/ipc/contract';
import { readProject } from '../../db/readProject';
import { getHost } from '../../host';
import { exportFileName } from '../../../../shared/export/exportFileName';

export async function exportMemos(projectId: string, format: 'markdown' | 'html'): Promise<SaveFileResult> {
  const snapshot = await readProject(projectId);
  const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((r) => [r.id, r]));
  const data = {
    project: snapshot.project,
    memos: snapshot.memos,
    lookup: { sources: byId(snapshot.sources), codes: byId(snapshot.codes), cases: byId(snapshot.cases), codings: byId(snapshot.codings) },
  };
  // Authors are coder ids: the export names the people.
  const coderNames = new Map(snapshot.coders.map((c) => [c.id, c.name]));
  const input = { projectName: data.project.name, memos: data.memos, lookup: data.lookup, coderNames };
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
