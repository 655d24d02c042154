// The frequency tables as CSV (csv/writeCsv.ts: UTF-8 with a BOM, CRLF, formula guard).
// Codes: `code` (its path), then codings, cases and sources of the code alone and with its
// subcodes rolled up. Words: `word`, `count`, `percent` (of the words counted, one decimal).
import { writeCsv } from '../csv/writeCsv';
import type { CodeFrequency } from './codeFrequencies';
import type { WordFrequencies } from './wordFrequencies';

export const CODE_FREQUENCY_COLUMNS = ['code', 'codings', 'cases', 'sources', 'codings_with_subcodes', 'cases_with_subcodes', 'sources_with_subcodes'] as const;
export const WORD_FREQUENCY_COLUMNS = ['word', 'count', 'percent'] as const;

export function buildCodeFrequenciesCsv(table: readonly CodeFrequency[], labelOf: (codeId: string) => string): string {
  return writeCsv(
    CODE_FREQUENCY_COLUMNS,
    table.map((r) => ({
      code: labelOf(r.codeId),
      codings: r.codings,
      cases: r.cases,
      sources: r.sources,
      codings_with_subcodes: r.withSubcodes.codings,
      cases_with_subcodes: r.withSubcodes.cases,
      sources_with_subcodes: r.withSubcodes.sources,
    })),
  );
}

export function buildWordFrequenciesCsv(result: WordFrequencies): string {
  return writeCsv(
    WORD_FREQUENCY_COLUMNS,
    result.words.map((w) => ({ word: w.word, count: w.count, percent: result.total === 0 ? 0 : Math.round((w.count / result.total) * 1000) / 10 })),
  );
}
