// Reading CSV files that people bring from spreadsheets and other tools: a BOM is ignored, the
// delimiter is taken from the header (Excel in many locales writes semicolons), and rows that do
// not have the header's number of cells are reported, not silently shifted.
import Papa from 'papaparse';

export interface CsvRecord {
  /** 1-based, counting the header as row 1: the row number a spreadsheet shows. */
  row: number;
  /** Exactly one value per header column (missing cells read as empty, extra ones dropped). */
  values: string[];
}

export interface CsvProblem {
  row: number;
  message: string;
}

export interface CsvTable {
  /** Header cells, trimmed. */
  header: string[];
  records: CsvRecord[];
  problems: CsvProblem[];
  delimiter: string;
}

const DELIMITERS = [',', ';', '\t'] as const;

export function readCsv(text: string): CsvTable {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = guessDelimiter(body);
  const parsed = Papa.parse<string[]>(body, { delimiter, header: false, skipEmptyLines: false });
  const problems: CsvProblem[] = [];
  for (const error of parsed.errors) {
    // Papa numbers data rows from 0 with the header included (header: false): +1 for our rows.
    const row = (error.row ?? 0) + 1;
    problems.push({ row, message: `Row ${row}: ${error.message}.` });
  }
  const [headerCells, ...rest] = parsed.data;
  const header = (headerCells ?? []).map((cell) => cell.trim());
  const records: CsvRecord[] = [];
  rest.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((cell) => cell.trim() === '')) return; // blank line, or a row of empty cells
    const values = header.map((_, column) => cells[column] ?? '');
    if (cells.length < header.length) {
      problems.push({
        row,
        message: `Row ${row} has ${cells.length} cell${cells.length === 1 ? '' : 's'} but the header has ${header.length}: the missing cells are read as empty.`,
      });
    } else if (cells.slice(header.length).some((cell) => cell.trim() !== '')) {
      problems.push({
        row,
        message: `Row ${row} has ${cells.length} cells but the header has ${header.length}: the extra cells are ignored.`,
      });
    }
    records.push({ row, values });
  });
  return { header, records, problems, delimiter };
}

/** The delimiter that occurs most often in the header line (outside quotes); a comma by default. */
function guessDelimiter(text: string): string {
  let inQuotes = false;
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) break;
    else if (!inQuotes && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}
