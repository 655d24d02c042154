// A crosstab as CSV for a spreadsheet, R or Python (the layout is crosstabTable.ts's).
import { writeCsvRows } from '../csv/writeCsv';
import type { Crosstab } from './crosstab';
import { crosstabTable, type CrosstabValues } from './crosstabTable';

export function buildCrosstabCsv(table: Crosstab, labelOf: (codeId: string) => string, values: CrosstabValues = 'counts'): string {
  const { header, rows } = crosstabTable(table, labelOf, values);
  return writeCsvRows(header, rows);
}
