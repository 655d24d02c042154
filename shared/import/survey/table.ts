// A survey as a table of text: the header's column names and one row per respondent, every
// cell a string ("" when blank). Both CSV and .xlsx come out in this shape, so the mapping step
// and the import plan do not care which the file was.
import { SURVEY_LIMITS } from '../limits';

export interface SurveyTable {
  /** Column names from the header row, made unique ("age", "age (2)") and never empty ("Column 3"). */
  columns: string[];
  /** Data rows, each exactly `columns.length` cells long. */
  rows: string[][];
}

export type TableParseResult =
  | { ok: true; table: SurveyTable; encoding?: string; encodingLabel?: string; sheetNames?: string[]; warnings?: string[] }
  | { ok: false; reason: string };

function uniqueColumnNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const base = raw.trim() === '' ? `Column ${i + 1}` : raw.trim();
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

/**
 * Checks the raw rows (header first) and builds the table. A row with more or fewer cells than
 * the header is refused, naming the row: guessing which cell shifted would attach answers to
 * the wrong question. Wholly blank rows at the end are dropped (spreadsheets leave them).
 * `rowLabel(i)` says how to name data row i for the user (a line number, a sheet row).
 */
export function buildSurveyTable(raw: readonly string[][], rowLabel: (dataRow: number) => string): TableParseResult {
  const all = raw.slice();
  while (all.length > 0 && isBlankRow(all[all.length - 1]!)) all.pop();
  if (all.length === 0) return { ok: false, reason: 'The file has no rows.' };
  const header = all[0]!;
  if (header.length > SURVEY_LIMITS.maxColumns) {
    return { ok: false, reason: `The file has ${header.length} columns; at most ${SURVEY_LIMITS.maxColumns} can be imported.` };
  }
  const rows = all.slice(1);
  if (rows.length === 0) return { ok: false, reason: 'The file has a header row but no answers below it.' };
  if (rows.length > SURVEY_LIMITS.maxRows) {
    return { ok: false, reason: `The file has ${rows.length.toLocaleString('en')} rows; at most ${SURVEY_LIMITS.maxRows.toLocaleString('en')} can be imported.` };
  }
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.length !== header.length) {
      const first = row[0]?.trim() ? ` (starting “${row[0].trim().slice(0, 30)}”)` : '';
      return {
        ok: false,
        reason: `${rowLabel(i)}${first} has ${row.length} ${row.length === 1 ? 'cell' : 'cells'} but the header has ${header.length}. Check that row for a missing or extra separator, or a quote that is not closed.`,
      };
    }
  }
  return { ok: true, table: { columns: uniqueColumnNames(header), rows } };
}
