// Reading a codebook from CSV: our own export, Taguette's codebook export (tag, parent,
// description) and MAXQDA's code lists (Code with "Parent\Child" paths, Memo). The format is
// recognised from the header; each row becomes a candidate for `planCodebookImport`.
import type { Code } from '../model/types';
import { readCsv, type CsvRecord } from '../csv/readCsv';
import {
  planCodebookImport,
  type CodeCandidate,
  type ImportMessage,
  type ImportPlan,
  type ImportPlanOptions,
} from './importPlan';
import { PATH_SEPARATOR } from './tree';

export type CodebookCsvFormat = 'marginalia' | 'taguette' | 'maxqda';

export interface ParsedCodebookCsv {
  format: CodebookCsvFormat | null;
  candidates: CodeCandidate[];
  /** About the file as a whole. */
  messages: ImportMessage[];
}

/** Header names (lower-cased) → column index. */
type Columns = Map<string, number>;

/**
 * Ours has an id or parent_id column. Taguette's has exactly one of tag, name or path (Taguette
 * itself refuses a file with more than one). MAXQDA's has a Code column.
 */
export function detectCodebookCsvFormat(header: readonly string[]): CodebookCsvFormat | null {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  if (names.has('id') || names.has('parent_id') || (names.has('name') && names.has('path'))) return 'marginalia';
  if (['tag', 'name', 'path'].filter((n) => names.has(n)).length === 1) return 'taguette';
  if (names.has('code')) return 'maxqda';
  return null;
}

export function parseCodebookCsv(text: string): ParsedCodebookCsv {
  const table = readCsv(text);
  const format = detectCodebookCsvFormat(table.header);
  if (format === null) {
    return {
      format,
      candidates: [],
      messages: [
        {
          severity: 'error',
          text:
            'This CSV is not a codebook Marginalia can read: the first row needs an id/parent_id/path/name header (Marginalia), a tag or name column (Taguette), or a Code column (MAXQDA).',
        },
      ],
    };
  }
  const columns: Columns = new Map();
  table.header.forEach((h, i) => {
    const key = h.trim().toLowerCase();
    if (!columns.has(key)) columns.set(key, i);
  });
  const rowProblems = new Map<number, ImportMessage[]>();
  for (const problem of table.problems) {
    const list = rowProblems.get(problem.row) ?? [];
    list.push({ severity: 'warning', text: problem.message });
    rowProblems.set(problem.row, list);
  }
  const toCandidate = format === 'marginalia' ? fromOurs : format === 'taguette' ? fromTaguette : fromMaxqda;
  const candidates = table.records.map((record) => {
    const candidate = toCandidate(record, columns);
    const problems = rowProblems.get(record.row);
    if (problems) candidate.messages = [...(candidate.messages ?? []), ...problems];
    return candidate;
  });
  const messages: ImportMessage[] = [];
  if (candidates.length === 0) messages.push({ severity: 'error', text: 'The file has a header but no codes.' });
  // Problems on rows that produced no record (a broken quote at the end, say) still need saying.
  const recorded = new Set(table.records.map((r) => r.row));
  for (const problem of table.problems) {
    if (!recorded.has(problem.row)) messages.push({ severity: 'warning', text: problem.message });
  }
  return { format, candidates, messages };
}

/** Parse and plan in one step: what the import preview shows. */
export function planCodebookCsvImport(
  text: string,
  existing: readonly Code[],
  options: ImportPlanOptions = {},
): ImportPlan & { format: CodebookCsvFormat | null } {
  const parsed = parseCodebookCsv(text);
  const plan = planCodebookImport(parsed.candidates, existing, {
    // Only MAXQDA's paths name parents that may lack a row; the others name parents by reference.
    createImpliedParents: parsed.format === 'maxqda',
    ...options,
  });
  return { ...plan, format: parsed.format, messages: [...parsed.messages, ...plan.messages] };
}

/**
 * Undoes the apostrophe our CSV writer puts before cells that start like a formula: exactly one
 * is removed when apostrophes are followed by = + - @ tab or CR (see codebookCsv's guard).
 */
export function unguardCell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function cell(record: CsvRecord, columns: Columns, name: string): string | undefined {
  const index = columns.get(name);
  return index === undefined ? undefined : record.values[index];
}

function fromOurs(record: CsvRecord, columns: Columns): CodeCandidate {
  const get = (name: string): string | undefined => {
    const value = cell(record, columns, name);
    return value === undefined ? undefined : unguardCell(value);
  };
  const name = get('name') ?? '';
  const parentId = get('parent_id')?.trim() ?? '';
  const path = get('path') ?? '';
  let parent: CodeCandidate['parent'] = { kind: 'none' };
  if (parentId !== '') {
    parent = { kind: 'id', id: parentId };
  } else if (path.endsWith(PATH_SEPARATOR + name) && path !== name) {
    // A row typed by hand with a path but no parent_id: the path names its parent.
    parent = { kind: 'path', segments: path.slice(0, -(PATH_SEPARATOR + name).length).split(PATH_SEPARATOR) };
  }
  return {
    where: `Row ${record.row}`,
    id: get('id'),
    name,
    parent,
    ...(path !== '' ? { declaredPath: path.split(PATH_SEPARATOR) } : {}),
    description: get('description'),
    color: get('color'),
    memo: get('memo'),
    inclusion: get('inclusion'),
    exclusion: get('exclusion'),
    isCodable: get('is_codable'),
  };
}

function fromTaguette(record: CsvRecord, columns: Columns): CodeCandidate {
  const nameColumn = ['tag', 'name', 'path'].find((n) => columns.has(n))!;
  const name = cell(record, columns, nameColumn)!.trim();
  const parent = cell(record, columns, 'parent')?.trim() ?? '';
  return {
    where: `Row ${record.row}`,
    key: name,
    name,
    parent: parent === '' ? { kind: 'none' } : { kind: 'key', key: parent },
    description: cell(record, columns, 'description')?.trim(),
    color: (cell(record, columns, 'color') ?? cell(record, columns, 'colour'))?.trim(),
  };
}

/** MAXQDA writes a code's place as its path, with "\" (or ">" in some exports) between levels. */
function fromMaxqda(record: CsvRecord, columns: Columns): CodeCandidate {
  const segments = cell(record, columns, 'code')!
    .split(/[\\>]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const name = segments.at(-1) ?? '';
  return {
    where: `Row ${record.row}`,
    name,
    declaredPath: segments,
    parent: segments.length > 1 ? { kind: 'path', segments: segments.slice(0, -1) } : { kind: 'none' },
    // MAXQDA's code memo is where its users write the definition; its REFI-QDA export puts it in
    // <Description> too, so it lands in ours.
    description: cell(record, columns, 'memo')?.trim(),
    color: (cell(record, columns, 'color') ?? cell(record, columns, 'colour'))?.trim(),
  };
}
