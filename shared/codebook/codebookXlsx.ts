// The codebook table (same columns and values as the CSV) as an .xlsx workbook. Uses
// write-excel-file's "universal" entry, the one that runs unchanged in Node and in the browser:
// it yields a Blob, which both have, and we hand back plain bytes so hosts save it like any file.
import writeXlsxFile from 'write-excel-file/universal';
import type { Code } from '../model/types';
import { stripXmlForbidden } from '../refi/xmlText';
import { buildCodebookRows, CODEBOOK_COLUMNS, type CodebookCoding, type CodebookTableOptions } from './codebookTable';

/** Widths in characters, by column; the rest get the default. */
const WIDTHS: Partial<Record<(typeof CODEBOOK_COLUMNS)[number], number>> = {
  id: 38,
  parent_id: 38,
  path: 40,
  name: 24,
  description: 60,
  memo: 40,
  inclusion: 40,
  exclusion: 40,
  example: 50,
};

/** Longest text an Excel cell holds. */
const MAX_CELL_LENGTH = 32767;

export async function buildCodebookXlsx(
  codes: readonly Code[],
  codings: readonly CodebookCoding[],
  options: CodebookTableOptions = {},
): Promise<Uint8Array> {
  const header = CODEBOOK_COLUMNS.map((column) => ({ value: column, fontWeight: 'bold' as const }));
  const rows = buildCodebookRows(codes, codings, options).map((row) =>
    CODEBOOK_COLUMNS.map((column) => {
      const value = row[column];
      // Cells are typed as text or number, never formulas, so no apostrophe guard is needed;
      // XML-forbidden characters would make the workbook unreadable.
      return typeof value === 'number'
        ? { value, type: Number }
        : { value: stripXmlForbidden(value).slice(0, MAX_CELL_LENGTH), type: String };
    }),
  );
  const blob = await writeXlsxFile([header, ...rows], {
    sheet: 'Codebook',
    columns: CODEBOOK_COLUMNS.map((column) => ({ width: WIDTHS[column] ?? 12 })),
    stickyRowsCount: 1,
  }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
