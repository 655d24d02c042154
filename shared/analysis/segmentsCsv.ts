// Coded segments as CSV: one row per coding, positions in Unicode code points (as REFI-QDA,
// Python and R count), so `text` equals the source text cut at `start`/`end` in those tools.
// After `memo`: `case`, the names of the cases the passage is in (caseIndex.ts: sharing a
// character with a case segment, or a whole-source link), joined by "; " in case-list order,
// then one `attribute:<name>` column per case attribute, holding those cases' values joined by
// "; " in the same order (a missing value an empty entry, so the n-th value is the n-th case's;
// a cell where every value is missing is empty).
import type { Code, Coding, Source } from '../model/types';
import { writeCsvRows } from '../csv/writeCsv';
import { codePath } from '../codebook/tree';
import { createOffsetConverter, type OffsetConverter } from '../text/offsets';
import { buildCaseIndex, formatAttributeValue, type CaseIndex } from './caseIndex';
import type { CaseData } from './caseData';

export const SEGMENTS_CSV_COLUMNS = [
  'coding_id',
  'source',
  'code',
  'code_path',
  'start',
  'end',
  'text',
  'coder',
  'created_at',
  // Added after the first release: new columns go at the end so scripts reading by position still work.
  'memo',
  'case',
] as const;

/** The prefix of a case attribute's column: `attribute:region`. */
export const ATTRIBUTE_COLUMN_PREFIX = 'attribute:';

export interface SegmentsInput {
  sources: ReadonlyArray<Pick<Source, 'id' | 'name' | 'order'>>;
  /** Normalised text of each source, by source id. */
  texts: ReadonlyMap<string, string>;
  codes: readonly Code[];
  codings: readonly Coding[];
  /** Memos on codings, by coding id (several memos on one coding are joined by a blank line). */
  codingMemos?: ReadonlyMap<string, string>;
  /** The project's cases; without them the `case` column is empty and no attribute columns follow. */
  cases?: CaseData | CaseIndex;
  /** The project's coders: the `coder` column holds a coder's name (a coding whose coder has no record keeps its id). */
  coders?: ReadonlyArray<{ id: string; name: string }>;
}

/** Column names for attributes, unique: a second "region" becomes "attribute:region (2)". */
export function attributeColumnNames(attributes: ReadonlyArray<{ name: string }>): string[] {
  const seen = new Map<string, number>();
  return attributes.map((a) => {
    const base = `${ATTRIBUTE_COLUMN_PREFIX}${a.name}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export function buildSegmentsCsv({ sources, texts, codes, codings, codingMemos, cases, coders }: SegmentsInput): string {
  const coderNames = new Map((coders ?? []).map((c) => [c.id, c.name]));
  const index = cases === undefined ? undefined : 'casesOfSpan' in cases ? cases : buildCaseIndex(cases);
  const attributes = index?.attributes ?? [];
  const attributeNames = attributeColumnNames(attributes);
  const codesById = new Map(codes.map((c) => [c.id, c]));
  const sourcesById = new Map(sources.map((s) => [s.id, s]));
  const converters = new Map<string, OffsetConverter>();
  const converterFor = (sourceId: string): OffsetConverter => {
    let converter = converters.get(sourceId);
    if (!converter) {
      converter = createOffsetConverter(texts.get(sourceId) ?? '');
      converters.set(sourceId, converter);
    }
    return converter;
  };
  // A code's path is the same for each of its segments: worked out once per code.
  const paths = new Map<string, string>();
  const pathOf = (codeId: string): string => {
    let path = paths.get(codeId);
    if (path === undefined) {
      path = codePath(codesById, codeId);
      paths.set(codeId, path);
    }
    return path;
  };
  // Reading order: by source as listed, then by position, so the file reads like the project.
  const order = new Map(sources.map((s) => [s.id, s.order]));
  const ordered = codings
    .filter((c) => sourcesById.has(c.sourceId) && codesById.has(c.codeId))
    .sort((a, b) => order.get(a.sourceId)! - order.get(b.sourceId)! || a.start - b.start || a.end - b.end);
  // Rows of cells by position (the header's order), written by the same cell rules as writeCsv.
  const rows = ordered.map((coding): Array<string | number> => {
    const converter = converterFor(coding.sourceId);
    const text = texts.get(coding.sourceId) ?? '';
    const row: Array<string | number> = [
      coding.id,
      sourcesById.get(coding.sourceId)!.name,
      codesById.get(coding.codeId)!.name,
      pathOf(coding.codeId),
      converter.toCodePoint(coding.start),
      converter.toCodePoint(coding.end),
      text.slice(coding.start, coding.end),
      coderNames.get(coding.coder) || coding.coder,
      coding.createdAt,
      codingMemos?.get(coding.id) ?? '',
    ];
    if (!index) {
      row.push('');
      return row;
    }
    const inCases = index.casesOfSpan(coding.sourceId, coding.start, coding.end);
    row.push(inCases.length === 1 ? index.cases[inCases[0]!]!.name : inCases.map((i) => index.cases[i]!.name).join('; '));
    for (const attribute of attributes) {
      const values = inCases.map((i) => formatAttributeValue(index.valueOf(i, attribute.id)));
      row.push(values.every((v) => v === '') ? '' : values.join('; '));
    }
    return row;
  });
  return writeCsvRows([...SEGMENTS_CSV_COLUMNS, ...attributeNames], rows);
}
