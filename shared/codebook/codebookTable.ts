// The codebook as one table (one row per code, in tree order), shared by the CSV and XLSX exports
// so the two files always carry the same columns and values.
import type { Code, Coding } from '../model/types';
import { normaliseColor } from './color';
import { countCodings } from './counts';
import { exampleCodingOf } from './definition';
import { codePath, flattenTree } from './tree';

export const CODEBOOK_COLUMNS = [
  'id',
  'parent_id',
  'path',
  'name',
  'description',
  'color',
  'memo',
  'n_codings',
  'n_sources',
  'inclusion',
  'exclusion',
  'is_codable',
  'example',
] as const;

export type CodebookColumn = (typeof CODEBOOK_COLUMNS)[number];
export type CodebookRow = Record<CodebookColumn, string | number>;

/** What the table needs of a coding: counts use code and source; the example column its text. */
export type CodebookCoding = Pick<Coding, 'codeId' | 'sourceId'> & Partial<Pick<Coding, 'id' | 'exact'>>;

export interface CodebookTableOptions {
  /**
   * The exact text of example codings, by coding id, when the codings passed in do not carry
   * `id` and `exact` (e.g. counts read from an index). Used only for codes' `exampleCodingId`.
   */
  exampleTexts?: ReadonlyMap<string, string>;
}

/**
 * Counts are the code's own codings (not its subcodes'), as in a spreadsheet that sums a column.
 * Colours are written as `#rrggbb` whatever the stored case, so an export imported and exported
 * again gives the same file.
 */
export function buildCodebookRows(
  codes: readonly Code[],
  codings: readonly CodebookCoding[],
  options: CodebookTableOptions = {},
): CodebookRow[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const counts = countCodings(codes, codings);
  const codingsById = new Map<string, Pick<Coding, 'id' | 'codeId'> & Partial<Pick<Coding, 'exact'>>>();
  for (const coding of codings) {
    if (coding.id !== undefined) codingsById.set(coding.id, { ...coding, id: coding.id });
  }
  return flattenTree(codes).map(({ code }) => {
    const count = counts.get(code.id)!;
    return {
      id: code.id,
      parent_id: code.parentId !== null && byId.has(code.parentId) ? code.parentId : '',
      path: codePath(byId, code.id),
      name: code.name,
      description: code.description,
      color: normaliseColor(code.color) ?? '',
      memo: code.memo ?? '',
      n_codings: count.nCodings,
      n_sources: count.nSources,
      inclusion: code.inclusion ?? '',
      exclusion: code.exclusion ?? '',
      is_codable: code.isCodable === false ? 'false' : 'true',
      example: exampleText(code, codingsById, options.exampleTexts),
    };
  });
}

function exampleText(
  code: Code,
  codingsById: ReadonlyMap<string, Pick<Coding, 'id' | 'codeId'> & Partial<Pick<Coding, 'exact'>>>,
  exampleTexts: ReadonlyMap<string, string> | undefined,
): string {
  if (!code.exampleCodingId) return '';
  const coding = exampleCodingOf(code, codingsById);
  if (coding?.exact !== undefined) return coding.exact;
  return exampleTexts?.get(code.exampleCodingId) ?? '';
}
