// A crosstab as an .xlsx workbook: three sheets, "Counts", "Row %" and "Column %", each laid out
// as crosstabTable.ts says. Uses write-excel-file's universal entry (Node and browser alike), as
// the codebook workbook does, and hands back plain bytes.
import writeXlsxFile from 'write-excel-file/universal';
import { stripXmlForbidden } from '../refi/xmlText';
import type { Crosstab } from './crosstab';
import { crosstabTable, type CrosstabValues } from './crosstabTable';

const SHEETS: Array<[CrosstabValues, string]> = [
  ['counts', 'Counts'],
  ['rowPercents', 'Row %'],
  ['columnPercents', 'Column %'],
];

/** Longest text an Excel cell holds. */
const MAX_CELL_LENGTH = 32767;

export async function buildCrosstabXlsx(table: Crosstab, labelOf: (codeId: string) => string): Promise<Uint8Array> {
  const sheets = SHEETS.map(([values, sheet]) => {
    const { header, rows } = crosstabTable(table, labelOf, values);
    const text = (value: string) => ({ value: stripXmlForbidden(value).slice(0, MAX_CELL_LENGTH), type: String });
    const data = [
      header.map((h) => ({ ...text(h), fontWeight: 'bold' as const })),
      // Cells are typed text or number, never formulas, so a label starting with "=" stays text.
      ...rows.map((row) => row.map((cell) => (typeof cell === 'number' ? { value: cell, type: Number } : cell === '' ? null : text(cell)))),
    ];
    return { data, sheet, columns: header.map((_, i) => ({ width: i === 0 ? 40 : 14 })), stickyRowsCount: 1, stickyColumnsCount: 1 };
  });
  const blob = await writeXlsxFile(sheets).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
