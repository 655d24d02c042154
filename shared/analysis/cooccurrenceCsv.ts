// A co-occurrence matrix as CSV for R, Python or a spreadsheet: a header row of code paths, then
// one row per code starting with its path. The diagonal is left empty (a code does not co-occur
// with itself: R and pandas read it as NA rather than as a count of zero).
import type { CooccurrenceMatrix } from './cooccurrence';
import { writeCsvRows } from '../csv/writeCsv';

export const COOCCURRENCE_CSV_CORNER = 'code';

/** `labelOf` names each code (its path, so codes with the same name under different parents differ). */
export function buildCooccurrenceCsv(matrix: CooccurrenceMatrix, labelOf: (codeId: string) => string): string {
  const labels = matrix.codeIds.map(labelOf);
  const rows = matrix.codeIds.map((_, i) => [labels[i]!, ...matrix.counts[i]!.map((n, j) => (i === j ? '' : n))]);
  return writeCsvRows([COOCCURRENCE_CSV_CORNER, ...labels], rows);
}
