// Saves the co-occurrence matrix as shown (its codes, in its order) as CSV, named after the project.
import type { CooccurrenceMatrix } from '../../../../shared/analysis/cooccurrence';
import { buildCooccurrenceCsv } from '../../../../shared/analysis/cooccurrenceCsv';
import type { SaveFileResult } from '../../../../shared/ipc/contract';
import { getProject } from '../../db/queries';
import { getHost } from '../../host';
import { exportFileName } from '../../../../shared/export/exportFileName';
import type { AnalysisFilter } from '../../../../shared/analysis/filter';
import { filtered } from './saveTable';

/** `filter`: the analysis filter the matrix was counted under (the file's name says it is filtered). */
export async function exportCooccurrenceCsv(projectId: string, matrix: CooccurrenceMatrix, pathOf: (codeId: string) => string, filter?: AnalysisFilter): Promise<SaveFileResult> {
  const project = await getProject(projectId);
  if (!project) throw new Error('That project no longer exists.');
  return getHost().saveFile({
    suggestedName: exportFileName(project.name, filtered('code co-occurrence', filter)),
    content: buildCooccurrenceCsv(matrix, pathOf),
    filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
  });
}
