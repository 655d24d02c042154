// Survey exports as Excel workbooks (.xlsx) through read-excel-file's "universal" entry, the
// one that runs unchanged in Node, the browser and a worker (its /node entry wants streams, its
// /browser entry a DOM Blob). The package is checked and repacked first, as for .docx.
import readXlsxFile from 'read-excel-file/universal';
import { MAX_FILE_BYTES } from '../limits';
import { buildSurveyTable, type TableParseResult } from '../survey/table';
import { openOfficeContainer, repackXmlParts } from './container';
import { scanSheet } from './xlsxSheetScan';

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

const XLSX = {
  title: 'an Excel workbook (.xlsx)',
  maxBytes: MAX_FILE_BYTES.xlsx,
  ole2Advice:
    'This .xlsx file is either password-protected or an older Excel (.xls) workbook. Remove the password, or open it in Excel or LibreOffice and save it as .xlsx or .csv, then import it again.',
};

/** A cell as the text the mapping step shows; dates as ISO 8601 so their type can be inferred. */
export function cellToText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    // Excel dates have no time zone; read-excel-file gives them as UTC midnight.
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value).replace(/\r\n?/g, '\n');
}

export interface XlsxParseOptions {
  /** Sheet name to read; the first sheet by default. */
  sheet?: string;
}

export async function parseXlsx(bytes: Uint8Array, options: XlsxParseOptions = {}): Promise<TableParseResult> {
  const opened = openOfficeContainer(bytes, XLSX);
  if (!opened.ok) return opened;
  if (!opened.zip.has('xl/workbook.xml')) return { ok: false, reason: 'This file is a zip archive but not an Excel workbook (it has no xl/workbook.xml).' };
  // Every sheet is measured first (read-excel-file reads them all, densely): past the limits the
  // workbook is refused by counting, before a cell is allocated.
  const repacked = repackXmlParts(opened.zip, (name, text) => {
    if (!WORKSHEET.test(name)) return null;
    const scanned = scanSheet(text);
    return scanned.ok ? { ok: true, text: scanned.xml } : scanned;
  });
  if (!repacked.ok) return repacked;
  const copy = repacked.bytes;
  let sheets: Array<{ sheet: string; data: unknown[][] }>;
  try {
    const buffer = copy.buffer.slice(copy.byteOffset, copy.byteOffset + copy.byteLength) as ArrayBuffer;
    sheets = (await readXlsxFile(buffer)) as Array<{ sheet: string; data: unknown[][] }>;
  } catch {
    return { ok: false, reason: 'This Excel workbook could not be read (it may be damaged).' };
  }
  if (sheets.length === 0) return { ok: false, reason: 'This workbook has no sheets.' };
  const sheetNames = sheets.map((s) => s.sheet);
  const chosen = options.sheet === undefined ? sheets[0]! : sheets.find((s) => s.sheet === options.sheet);
  if (!chosen) return { ok: false, reason: `This workbook has no sheet named “${options.sheet}”.` };
  // Rows may come back shorter than the header when trailing cells are empty: pad them, since
  // in a spreadsheet (unlike CSV) a short row is not a sign of damage.
  const text = chosen.data.map((row) => row.map(cellToText));
  // Columns blank from top to bottom (formatting that reached column Z) are not columns.
  // A loop, not Math.max(...rows): spreading 150,000 arguments overflows the stack.
  let width = 0;
  for (const row of text) width = Math.max(width, row.findLastIndex((cell) => cell.trim() !== '') + 1);
  const raw = text.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
  const built = buildSurveyTable(raw, (i) => `Row ${i + 2} of sheet “${chosen.sheet}”`);
  if (!built.ok) return built;
  return { ...built, sheetNames };
}
