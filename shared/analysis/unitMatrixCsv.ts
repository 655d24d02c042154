// The unit × code matrix as CSV (UTF-8 with a BOM, CRLF, RFC 4180: csv/writeCsv.ts), and its
// labels as a second small CSV (`variable,label`) for SPSS variable labels or R attributes.
import { writeCsvRows } from '../csv/writeCsv';
import type { UnitMatrix } from './unitMatrix';

export function buildUnitMatrixCsv(matrix: UnitMatrix): string {
  return writeCsvRows(matrix.header, matrix.rows);
}

export function buildUnitMatrixLabelsCsv(matrix: UnitMatrix): string {
  return writeCsvRows(['variable', 'label'], matrix.header.map((name, i) => [name, matrix.labels[i]!]));
}
