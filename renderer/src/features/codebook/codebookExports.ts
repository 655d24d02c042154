// The codebook's other exports, built from the project's snapshot and handed to the host to save:
// REFI-QDA .qdc (GUIDs are the codes' ids, so they stay the same from one export to the next),
// the CSV table as .xlsx, and a printable codebook (HTML to print, or Markdown).
import { buildQdc } from '../../../../shared/refi/qdcWrite';
import { buildCodebookXlsx } from '../../../../shared/codebook/codebookXlsx';
import { buildCodebookHtml, buildCodebookMarkdown } from '../../../../shared/codebook/printableCodebook';
import type { SaveFileResult } from '../../../../shared/ipc/contract';
import { readProject } from '../../db/readProject';
import { getHost } from '../../host';
import { exportFileName } from '../../../../shared/export/exportFileName';

const readCodebook = readProject;

export async function exportCodebookQdc(projectId: string): Promise<SaveFileResult> {
  const { project, codes, codeSets } = await readCodebook(projectId);
  if (codes.length === 0) throw new Error('The codebook is empty: a REFI-QDA codebook needs at least one code.');
  return getHost().saveFile({
    suggestedName: exportFileName(project.name, 'codebook', 'qdc'),
    content: buildQdc({ codes, codeSets }),
    filters: [{ name: 'REFI-QDA codebook', extensions: ['qdc'] }],
  });
}

export async function exportCodebookXlsx(projectId: string): Promise<SaveFileResult> {
  const { project, codes, codings } = await readCodebook(projectId);
  return getHost().saveFile({
    suggestedName: exportFileName(project.name, 'codebook', 'xlsx'),
    content: await buildCodebookXlsx(codes, codings),
    filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
  });
}

export async function exportPrintableCodebook(projectId: string, format: 'html' | 'markdown'): Promise<SaveFileResult> {
  const { project, codes, codings, sources } = await readCodebook(projectId);
  const input = { title: project.name, codes, codings, sources };
  return format === 'html'
    ? getHost().saveFile({
        suggestedName: exportFileName(project.name, 'codebook', 'html'),
        content: buildCodebookHtml(input),
        filters: [{ name: 'Web page (print from a browser)', extensions: ['html'] }],
      })
    : getHost().saveFile({
        suggestedName: exportFileName(project.name, 'codebook', 'md'),
        content: buildCodebookMarkdown(input),
        filters: [{ name: 'Markdown', extensions: ['md'] }],
      });
}
