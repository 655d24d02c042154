// Builds the two CSV exports and hands them to the host to save.
import { buildCodebookCsv } from '../../../../shared/codebook/codebookCsv';
import { readProject } from '../../db/readProject';
import { getHost } from '../../host';
import type { SaveFileResult } from '../../../../shared/ipc/contract';
import { getAnalysis } from '../../analysis';
import { exportFileName } from '../../../../shared/export/exportFileName';
import type { AnalysisFilter } from '../../../../shared/analysis/filter';

const CSV_FILTER = [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }];

export async function exportCodebookCsv(projectId: string): Promise<SaveFileResult> {
  const { project, codes, codings } = await readProject(projectId);
  return getHost().saveFile({
    suggestedName: exportFileName(project.name, 'codebook'),
    content: buildCodebookCsv(codes, codings),
    filters: CSV_FILTER,
  });
}

/** Some codes' segments (the Coded segments view), named after the code they were listed for. */
export interface SegmentsSelection {
  codeIds: readonly string[];
  name: string;
  /** The active analysis filter: only the codings it keeps are written. */
  filter?: AnalysisFilter;
}

/**
 * The project's coded segments, or only those of some codes. Built in the analysis worker:
 * 100,000 segments and their sources' text never block the UI.
 */
export async function exportSegmentsCsv(projectId: string, only?: SegmentsSelection): Promise<SaveFileResult> {
  const { projectName, csv } = await getAnalysis().segmentsCsv(projectId, only?.codeIds, only?.filter);
  return getHost().saveFile({
    suggestedName: exportFileName(only ? `${projectName} - ${only.name}` : projectName, 'coded segments'),
    content: csv,
    filters: CSV_FILTER,
  });
}
