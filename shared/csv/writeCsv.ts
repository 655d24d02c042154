// Writes tables as CSV the way spreadsheet users need them: RFC 4180 quoting, CRLF rows, a
// UTF-8 BOM so Excel reads non-Latin text correctly, and cells that Excel would run as formulas
// (=, +, -, @ at the start: reader comments are hostile input) prefixed with an apostrophe.
import Papa from 'papaparse';

export const UTF8_BOM = '\uFEFF';

export function writeCsv<Column extends string>(
  columns: readonly Column[],
  rows: ReadonlyArray<Record<Column, string | number>>,
): string {
  return writeCsvRows(
    columns,
    rows.map((row) => columns.map((c) => row[c])),
  );
}

/** The same file from a header and rows of cells by position (a matrix, whose headers may repeat). */
export function writeCsvRows(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const body = Papa.unparse(
    { fields: [...header], data: rows.map((row) => [...row]) },
    { quotes: false, newline: '\r\n', escapeFormulae: /^[=+\-@\t\r]/ },
  );
  // Papa.unparse reads an empty `data` as one empty row: with no rows, the header is the whole file.
  return UTF8_BOM + (rows.length === 0 ? body.replace(/\r\n$/, '') : body) + '\r\n';
}
