// A crosstab as a table of cells, the one shape the CSV and XLSX exports write: a header row
// (`code`, one label per column, `total`), one row per code (its path, its cells, its total), and a
// last row `total` with the column totals (counting cases: every case in the column, see crosstab.ts).
// Percentages are rounded to one decimal; a percentage of an empty total is an empty cell.
import type { Crosstab } from './crosstab';

export type CrosstabValues = 'counts' | 'rowPercents' | 'columnPercents';

export const CROSSTAB_CORNER = 'code';
export const CROSSTAB_TOTAL = 'total';

export interface CrosstabTable {
  header: string[];
  rows: Array<Array<string | number>>;
}

const round = (n: number | null): number | '' => (n === null ? '' : Math.round(n * 10) / 10);

/** `labelOf` names each row's code (its path, so two "Other" codes differ). */
export function crosstabTable(table: Crosstab, labelOf: (codeId: string) => string, values: CrosstabValues = 'counts'): CrosstabTable {
  const header = [CROSSTAB_CORNER, ...table.columns.map((c) => c.label), CROSSTAB_TOTAL];
  const rows: Array<Array<string | number>> = table.rows.map((row, i) => {
    const cells = values === 'counts' ? table.counts[i]! : (values === 'rowPercents' ? table.rowPercents[i]! : table.columnPercents[i]!).map(round);
    return [labelOf(row.codeId), ...cells, table.rowTotals[i]!];
  });
  rows.push([CROSSTAB_TOTAL, ...table.columnTotals, '']);
  return { header, rows };
}
