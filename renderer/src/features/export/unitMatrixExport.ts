// The unit × code matrix: built in the analysis worker from one snapshot of the project (the same
// builder as `marginalia export --matrix`, so the bytes are the same) and saved through the host.
import type { SaveFileResult } from '../../../../shared/ipc/contract';
import type { UnitMatrixOptions } from '../../../../shared/analysis/unitMatrixExport';
import { exportFileName } from '../../../../shared/export/exportFileName';
import { isEmptyFilter } from '../../../../shared/analysis/filter';
import { getAnalysis } from '../../analysis';
import { getHost } from '../../host';

const UNIT_NAMES: Record<UnitMatrixOptions['unit'], string> = { case: 'cases', segment: 'segments', paragraph: 'paragraphs', source: 'sources' };

export async function exportUnitMatrix(projectId: string, options: UnitMatrixOptions): Promise<SaveFileResult> {
  const { projectName, csv } = await getAnalysis().unitMatrixCsv(projectId, options);
  return getHost().saveFile({
    suggestedName: exportFileName(projectName, `${UNIT_NAMES[options.unit]} x codes${options.filter && !isEmptyFilter(options.filter) ? ' (filtered)' : ''}`),
    content: csv,
    filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
  });
}
