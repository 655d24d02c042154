// The codebook as a CSV table a colleague can open in a spreadsheet: one row per code, in tree
// order, with its path, definition and how much it was used. `importCsv` reads it back.
import type { Code } from '../model/types';
import { writeCsv } from '../csv/writeCsv';
import { buildCodebookRows, CODEBOOK_COLUMNS, type CodebookCoding, type CodebookTableOptions } from './codebookTable';

export const CODEBOOK_CSV_COLUMNS = CODEBOOK_COLUMNS;

export function buildCodebookCsv(
  codes: readonly Code[],
  codings: readonly CodebookCoding[],
  options: CodebookTableOptions = {},
): string {
  const rows = buildCodebookRows(codes, codings, options).map((row) => {
    const out = { ...row };
    for (const column of CODEBOOK_COLUMNS) {
      const value = out[column];
      if (typeof value === 'string') out[column] = guardApostrophe(value);
    }
    return out;
  });
  return writeCsv(CODEBOOK_CSV_COLUMNS, rows);
}

/**
 * writeCsv puts an apostrophe before a cell that starts like a formula (= + - @ tab CR). A cell
 * that already starts with apostrophes and then such a character gets one more here, so the
 * reader can always remove exactly one apostrophe and get the original (see `unguardCell`).
 */
function guardApostrophe(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
