// One file in the import dialog, from picked to read: what it was read as (a document, a survey
// table) or why it cannot be imported, and the choices the user made for it (encoding, sheet,
// column mapping). Pure: the dialog's hook keeps a list of these and re-reads a file on a change.
import type { PickedFile } from '../../../../shared/ipc/contract';
import { detectFormat } from '../../../../shared/import/detectFormat';
import type { EncodingGuess } from '../../../../shared/import/encodingLabels';
import type { ImportFormat } from '../../../../shared/import/limits';
import { suggestSurveyMapping, validateSurveyMapping, type SurveyMapping } from '../../../../shared/import/survey/plan';
import type { SurveyTable } from '../../../../shared/import/survey/table';
import type { ImportParseOutcome } from './parsers/parseImportFile';

export type EntryState =
  | { status: 'reading' }
  | { status: 'refused'; reason: string }
  | {
      status: 'document';
      format: ImportFormat;
      text: string;
      /** Display name of the encoding ("Windows-1252"); absent for binary formats. */
      encoding?: string;
      /** The WHATWG label decoded with; present for the formats whose encoding the user can change. */
      encodingLabel?: string;
      /** The detector's guess, when the encoding was detected rather than chosen. */
      guess?: EncodingGuess;
      pageStarts?: number[];
      warnings: string[];
    }
  | {
      status: 'survey';
      format: 'csv' | 'xlsx';
      table: SurveyTable;
      encoding?: string;
      encodingLabel?: string;
      sheetNames?: string[];
      warnings: string[];
      mapping: SurveyMapping;
    };

export interface ImportEntry {
  /** Unique within the dialog (two files may share a name). */
  key: number;
  file: PickedFile;
  /** The encoding the user chose; detected when absent. */
  encoding?: string;
  /** The workbook sheet the user chose; the first when absent. */
  sheet?: string;
  state: EntryState;
  /** Being read again after a change of encoding or sheet; `state` is the last reading until then. */
  busy?: boolean;
}

/**
 * Refusals that need no reading: the host could not read it, or name and size already say no.
 * The size check comes first so a 2 GB file gets the format's own limit, not the host's.
 */
export function refuseBeforeReading(file: PickedFile): string | null {
  const facts = detectFormat({ name: file.name, byteSize: file.byteSize });
  if (!facts.ok) return facts.reason;
  if (file.error !== undefined) return file.error;
  if (file.bytes === undefined) return 'The file could not be read.';
  return null;
}

/** The entry's state after reading, keeping a survey's mapping when only the encoding changed. */
export function stateFromOutcome(outcome: ImportParseOutcome, previous?: EntryState): EntryState {
  if (outcome.kind === 'refused') return { status: 'refused', reason: outcome.reason };
  if (outcome.kind === 'survey') {
    const result = outcome.result;
    if (!result.ok) return { status: 'refused', reason: result.reason };
    const sameColumns = previous?.status === 'survey' && previous.table.columns.join('\u0000') === result.table.columns.join('\u0000');
    return {
      status: 'survey',
      format: outcome.format,
      table: result.table,
      ...(result.encoding !== undefined ? { encoding: result.encoding } : {}),
      ...(result.encodingLabel !== undefined ? { encodingLabel: result.encodingLabel } : {}),
      ...(result.sheetNames ? { sheetNames: result.sheetNames } : {}),
      warnings: result.warnings ?? [],
      mapping: sameColumns && previous.status === 'survey' ? previous.mapping : suggestSurveyMapping(result.table),
    };
  }
  const result = outcome.result;
  if (!result.ok) return { status: 'refused', reason: result.reason };
  const guess = (result as { encodingGuess?: EncodingGuess }).encodingGuess;
  return {
    status: 'document',
    format: outcome.format,
    text: result.text,
    ...(result.encoding !== undefined ? { encoding: result.encoding } : {}),
    ...(result.encodingLabel !== undefined ? { encodingLabel: result.encodingLabel } : {}),
    ...(guess ? { guess } : {}),
    ...(result.pageStarts ? { pageStarts: result.pageStarts } : {}),
    warnings: result.warnings ?? [],
  };
}

/** What stops the entry from being imported as it stands, or null. */
export function entryProblem(entry: ImportEntry): string | null {
  const { state } = entry;
  if (state.status === 'reading' || entry.busy) return 'It is still being read.';
  if (state.status === 'refused') return state.reason;
  if (state.status === 'survey') return validateSurveyMapping(state.table, state.mapping);
  return null;
}

/** Formats whose bytes are decoded as text, so the user may choose the encoding. */
export function hasSelectableEncoding(state: EntryState): boolean {
  return (state.status === 'document' || state.status === 'survey') && state.encodingLabel !== undefined;
}

/** How the format is named in the file list and on the source. */
export const FORMAT_NAMES: Readonly<Record<ImportFormat, string>> = {
  text: 'Text',
  html: 'Web page',
  rtf: 'RTF',
  docx: 'Word',
  odt: 'OpenDocument',
  pdf: 'PDF',
  csv: 'CSV',
  xlsx: 'Excel',
};

/** What the source records as its "encoding": the decoding used, or the format for binary files. */
export function sourceEncoding(state: Extract<EntryState, { status: 'document' }>): string {
  if (state.encoding) return state.encoding;
  return FORMAT_NAMES[state.format];
}
