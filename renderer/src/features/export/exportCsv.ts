// Builds the two CSV exports and hands them to the host to save.
import { buildCodebookCsv } from '../../../../shared/codebook/codebookCsv';
import { readProject } from '../../db/readProject';
import { getHost } from '../../host';
import type { SaveFileResult } from '../../../../shared/ipc/contract';
import { getAnalysis } from '../../analysis';

const CSV_FILTER = [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }];

/** A file name from the project name, safe on every OS. */
export function fileNameFor(projectName: string, suffix: string, extension = 'csv'): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  const base = projectName.replace(/[/\\:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'project';
  return `${base} - ${suffix}.${extension}`;
}

export async function exportCodebookCsv(projectId: string): Promise<SaveFileResult> {
  const { project, codes, codings } = await readProject(projectId);
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

/**
 * The project's coded segments, or only those of some codes. Built in the analysis worker:
 * 100,000 segments and their sources' text never block the UI.
 */
export async function exportSegmentsCsv(projectId: string, only?: SegmentsSelection): Promise<SaveFileResult> {
  const { projectName, csv } = await getAnalysis().segmentsCsv(projectId, only?.codeIds);
  return getHost().saveFile({
    suggestedName: fileNameFor(only ? `${projectName} - ${only.name}` : projectName, 'coded segments'),
    content: csv,
    filters: CSV_FILTER,
  });
}
