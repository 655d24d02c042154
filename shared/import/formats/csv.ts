// Survey exports as CSV (or TSV, or semicolon-separated as European Excel writes them):
// decoded like any text file (BOM, detected or chosen encoding), line endings normalised,
// then parsed by papaparse, which handles quoted fields with separators, quotes and newlines.
import Papa from 'papaparse';
import { normaliseImportedText } from '../../text/normalise';
import { decodeWithEncoding, detectEncoding } from '../encoding';
import { MAX_FILE_BYTES } from '../limits';
import { buildSurveyTable, type TableParseResult } from '../survey/table';
import { checkLooksLikeText, replacementWarning } from './text';

export interface CsvParseOptions {
  encoding?: string;
  /** Field separator; detected from the first rows when absent. */
  delimiter?: string;
}

export function parseCsv(bytes: Uint8Array, options: CsvParseOptions = {}): TableParseResult {
  const refused = checkLooksLikeText(bytes, 'CSV', MAX_FILE_BYTES.csv);
  if (refused) return refused;
  const label = options.encoding ?? detectEncoding(bytes).label;
  const decoded = decodeWithEncoding(bytes, label);
  if (!decoded.ok) return decoded;
  const text = normaliseImportedText(decoded.text);

  // Papa reports where each row ends; from that we name rows by their line in the file, which
  // is what the user can look up (quoted answers may span several lines).
  const rowEnds: number[] = [];
  const rows: string[][] = [];
  let quoteErrorRow = -1;
  Papa.parse<string[]>(text, {
    header: false,
    delimiter: options.delimiter ?? '',
    newline: '\n',
    skipEmptyLines: true,
    step(result) {
      rows.push(result.data);
      rowEnds.push(result.meta.cursor);
      if (quoteErrorRow === -1 && result.errors.some((e) => e.type === 'Quotes')) quoteErrorRow = rows.length - 1;
    },
  });
  const lineOfRawRow = (raw: number) => {
    let start = raw === 0 ? 0 : rowEnds[raw - 1]!;
    while (text[start] === '\n') start++; // skipped blank lines
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < start; i = text.indexOf('\n', i + 1)) line++;
    return line;
  };
  const describeRow = (dataRow: number) => `Row ${dataRow + 1} (line ${lineOfRawRow(dataRow + 1)} of the file)`;
  if (quoteErrorRow !== -1) {
    const where = quoteErrorRow === 0 ? 'The header row' : describeRow(quoteErrorRow - 1);
    return { ok: false, reason: `${where} has a quoted field that is never closed. Check it for a missing quote mark (").` };
  }
  const built = buildSurveyTable(rows, describeRow);
  if (!built.ok) return built;
  return {
    ...built,
    encoding: decoded.name,
    encodingLabel: label,
    ...(decoded.replacedSequences > 0 ? { warnings: [replacementWarning(decoded.replacedSequences, decoded.name)] } : {}),
  };
}
