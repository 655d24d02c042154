// Saves the agreement table as CSV (shared/analysis/agreement/agreementCsv.ts) through the host's
// save, named after the project.
import { buildAgreementCsv } from '../../../../shared/analysis/agreement/agreementCsv';
import type { AgreementTable } from '../../../../shared/analysis/agreement/agreementTable';
import type { SaveFileResult } from '../../../../shared/ipc/contract';
import { exportFileName } from '../../../../shared/export/exportFileName';
import { getProject } from '../../db/queries';
import { getHost } from '../../host';

export async function exportAgreementCsv(projectId: string, table: AgreementTable): Promise<SaveFileResult> {
  const project = await getProject(projectId);
  if (!project) throw new Error('That project no longer exists.');
  return getHost().saveFile({
    suggestedName: exportFileName(project.name, 'agreement'),
    content: buildAgreementCsv(table),
    filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
  });
}
