// Saves a table of an analysis view (CSV text or XLSX bytes) through the host's save dialog, named
// after the project: "Ferry study - crosstab.csv".
import type { SaveFileResult } from '../../../../shared/ipc/contract';
import { isEmptyFilter, type AnalysisFilter } from '../../../../shared/analysis/filter';
import { exportFileName } from '../../../../shared/export/exportFileName';
import { getProject } from '../../db/queries';
import { getHost } from '../../host';

export async function saveTable(projectId: string, what: string, content: string | Uint8Array, kind: 'csv' | 'xlsx' = 'csv'): Promise<SaveFileResult> {
  const project = await getProject(projectId);
  if (!project) throw new Error('That project no longer exists.');
  return getHost().saveFile({
    suggestedName: exportFileName(project.name, what, kind),
    content,
    filters: [kind === 'csv' ? { name: 'CSV (comma-separated values)', extensions: ['csv'] } : { name: 'Excel workbook', extensions: ['xlsx'] }],
  });
}

/** A table's name in its file name, marked when a filter restricted it: "crosstab (filtered)". */
export function filtered(what: string, filter: AnalysisFilter | undefined): string {
  return filter && !isEmptyFilter(filter) ? `${what} (filtered)` : what;
}
