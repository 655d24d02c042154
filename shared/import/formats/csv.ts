// Survey exports as CSV (or TSV, or semicolon-separated as European Excel writes them):
// decoded like any text file (BOM, detected or chosen encoding), line endings normalised,
// then parsed by papaparse, which handles quoted fields with separators, quotes and newlines.
import Papa from 'papaparse';
import { normaliseImportedText } from '../../text/normalise';
import { decodeWithEncoding, detectEncoding } from '../encoding';
import { MAX_FILE_BYTES, SURVEY_LIMITS } from '../limits';
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
  const guess = options.encoding === undefined ? detectEncoding(bytes) : undefined;
  const label = options.encoding ?? guess!.label;
  const decoded = decodeWithEncoding(bytes, label);
  if (!decoded.ok) return decoded;
  const text = normaliseImportedText(decoded.text);

  // Papa reports where each row ends; from that we name rows by their line in the file, which
  // is what the user can look up (quoted answers may span several lines).
  const rowEnds: number[] = [];
  const rows: string[][] = [];
  let quoteErrorRow = -1;
  let tooManyRows = false;
  Papa.parse<string[]>(text, {
    header: false,
    delimiter: options.delimiter ?? '',
    newline: '\n',
    skipEmptyLines: true,
    step(result, parser) {
      // Counted as they come: a 50 MB file of one-character rows is refused at row 100,002,
      // not after ten million rows are held in memory.
      if (rows.length > SURVEY_LIMITS.maxRows) {
        tooManyRows = true;
        parser.abort();
        return;
      }
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
  if (tooManyRows) {
    return { ok: false, reason: `The file has more than ${SURVEY_LIMITS.maxRows.toLocaleString('en')} rows; at most ${SURVEY_LIMITS.maxRows.toLocaleString('en')} can be imported.` };
  }
  const describeRow = (dataRow: number) => `Row ${dataRow + 1} (line ${lineOfRawRow(dataRow + 1)} of the file)`;
  if (quoteErrorRow !== -1) {
    const where = quoteErrorRow === 0 ? 'The header row' : describeRow(quoteErrorRow - 1);
    return { ok: false, reason: `${where} has a quoted field that is never closed. Check it for a missing quote mark (").` };
  }
  const built = buildSurveyTable(rows, describeRow);
  if (!built.ok) return built;
  const warnings: string[] = [];
  // Valid UTF-8 is near-certain evidence; anything else was a guess the user must be able to see.
  if (guess && (guess.basis === 'detector' || guess.basis === 'fallback')) {
    warnings.push(`This file is not valid UTF-8, so it was read as ${decoded.name} (a guess). Check names and answers in the preview; if letters look wrong, choose the encoding it was saved in.`);
  }
  if (decoded.replacedSequences > 0) warnings.push(replacementWarning(decoded.replacedSequences, decoded.name));
  return {
    ...built,
    encoding: decoded.name,
    encodingLabel: label,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}
