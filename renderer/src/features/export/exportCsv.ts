// Builds the two CSV exports and hands them to the host to save.
import { buildCodebookCsv } from '../../../../shared/codebook/codebookCsv';
import { readProject } from '../../db/readProject';
import { getHost } from '../../host';
import type { SaveFileResult } from '../../../../shared/ipc/contract';
import { getAnalysis } from '../../analysis';
import { exportFileName } from '../../../../shared/export/exportFileName';
import { isEmptyFilter, type AnalysisFilter } from '../../../../shared/analysis/filter';

const CSV_FILTER = [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }];

export async function exportCodebookCsv(projectId: string): Promise<SaveFileResult> {
  const { project, codes, codings } = await readProject(projectId);
  return getHost().saveFile({
    suggestedName: exportFileName(project.name, 'codebook'),
    content: buildCodebookCsv(codes, codings),
    filters: CSV_FILTER,
  });
}

/** What of the coded segments to export: some codes' segments (the Coded segments view), and/or under a filter. */
export interface SegmentsSelection {
  /** Only these codes' segments; every code when absent. */
  codeIds?: readonly string[];
  /** What the file is named after (the code listed), with the codes. */
  name?: string;
  /** The active analysis filter: only the codings it keeps are written. */
  filter?: AnalysisFilter;
}

/**
 * The project's coded segments, or only those of some codes, or only what a filter keeps. Built in
 * the analysis worker: 100,000 segments and their sources' text never block the UI. A filtered
 * file's suggested name says it is filtered, so it is not later taken for the whole project.
 */
export async function exportSegmentsCsv(projectId: string, only?: SegmentsSelection): Promise<SaveFileResult> {
  const filter = only?.filter && !isEmptyFilter(only.filter) ? only.filter : undefined;
  const { projectName, csv } = await getAnalysis().segmentsCsv(projectId, only?.codeIds, filter);
  return getHost().saveFile({
    suggestedName: exportFileName(only?.name ? `${projectName} - ${only.name}` : projectName, filter ? 'coded segments (filtered)' : 'coded segments'),
    content: csv,
    filters: CSV_FILTER,
  });
}
