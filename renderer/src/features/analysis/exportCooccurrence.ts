// Saves the co-occurrence matrix as shown (its codes, in its order) as CSV, named after the project.
import type { CooccurrenceMatrix } from '../../../../shared/analysis/cooccurrence';
import { buildCooccurrenceCsv } from '../../../../shared/analysis/cooccurrenceCsv';
import type { SaveFileResult } from '../../../../shared/ipc/contract';
import { getProject } from '../../db/queries';
import { getHost } from '../../host';
import { exportFileName } from '../../../../shared/export/exportFileName';

export async function exportCooccurrenceCsv(projectId: string, matrix: CooccurrenceMatrix, pathOf: (codeId: string) => string): Promise<SaveFileResult> {
  const project = await getProject(projectId);
  if (!project) throw new Error('That project no longer exists.');
  return getHost().saveFile({
    suggestedName: exportFileName(project.name, 'code co-occurrence'),
    content: buildCooccurrenceCsv(matrix, pathOf),
    filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
  });
}
