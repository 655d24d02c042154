// Crosstabs: codes (rows) against cases, the values of one attribute, or sources (columns).
// A cell counts either codings or cases:
// - codings: the codings of the row's codes that fall in the column. A coding in two cases of one
//   column (two Kanto speakers) counts once there; in two columns, once in each.
// - cases: the cases in the column with at least one coding of the row's codes, each case once
//   however many codings and sources it has.
// Which cases a coding is in follows caseIndex.ts (sharing a character with a case segment, or a
// whole-source link). For sources, a coding is in its source's column.
// Totals and percentages:
// - rowTotals: codings of the row in any column (each once), or cases with the row in any column;
// - columnTotals: codings (of any row) in the column, or — counting cases — every case in the
//   column whether coded or not (a case column: 1; a value: the cases with it; a source: the
//   cases linked to it), so a column percentage reads "40 % of Kanto respondents mention it";
// - rowPercents = cell / rowTotal × 100, columnPercents = cell / columnTotal × 100; null where the
//   total is 0.
// To crosstab some cases only, pass CaseData with just those cases; to restrict the codings
// (coder, source…), pass the codings a filter kept (filter.ts).
import type { AttributeValue } from '../model/cases';
import { attributeAppliesTo } from '../model/caseTypes';
import { buildCaseIndex, formatAttributeValue, type CaseIndex } from './caseIndex';
import type { CaseData } from './caseData';
import { rowsOfCode, type CodeGroup } from './codeGroups';

export type CrosstabColumns = { kind: 'cases' } | { kind: 'attribute'; attributeId: string } | { kind: 'sources' };
export type CrosstabCount = 'codings' | 'cases';

export interface CrosstabCoding {
  sourceId: string;
  codeId: string;
  start: number;
  end: number;
}

export interface CrosstabInput<T extends CrosstabCoding = CrosstabCoding> {
  rows: readonly CodeGroup[];
  codings: readonly T[];
  cases: CaseData | CaseIndex;
  sources: ReadonlyArray<{ id: string; name: string; order: number }>;
  columns: CrosstabColumns;
  count: CrosstabCount;
}

export interface CrosstabColumn {
  /** A case id, a source id, or an attribute value's key (valueKey), NO_VALUE_COLUMN for missing. */
  key: string;
  label: string;
}

export interface Crosstab {
  rows: CodeGroup[];
  columns: CrosstabColumn[];
  count: CrosstabCount;
  /** counts[row][column] */
  counts: number[][];
  rowTotals: number[];
  columnTotals: number[];
  rowPercents: Array<Array<number | null>>;
  columnPercents: Array<Array<number | null>>;
}

export const NO_VALUE_COLUMN = '\u0000none';
export const NO_VALUE_LABEL = 'No value';

/** A value's column key: its JSON, so 1 and "1" stay apart. */
export function valueKey(value: Exclude<AttributeValue, null>): string {
  return JSON.stringify(value);
}

interface Layout {
  columns: CrosstabColumn[];
  /**
   * The columns (positions) a coding falls in, each with the case (position, or -1) that puts it
   * there: pushed pairwise onto `into` (column, case, column, case…) to spare an array per coding.
   */
  placesOf(coding: CrosstabCoding, into: number[]): void;
  /** Cases per column, counting every case in it (the base of a case count's column percentage). */
  casesPerColumn: number[];
}

function layoutFor(columns: CrosstabColumns, index: CaseIndex, sources: CrosstabInput['sources']): Layout {
  if (columns.kind === 'cases') {
    return {
      columns: index.cases.map((c) => ({ key: c.id, label: c.name })),
      placesOf(coding, into) {
        for (const c of index.casesOfSpan(coding.sourceId, coding.start, coding.end)) into.push(c, c);
      },
      casesPerColumn: index.cases.map(() => 1),
    };
  }
  if (columns.kind === 'sources') {
    const ordered = [...sources].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const columnOf = new Map(ordered.map((s, i) => [s.id, i]));
    const casesPerColumn = ordered.map(() => 0);
    index.cases.forEach((_, c) => {
      for (const sourceId of index.sourcesOfCase(c)) {
        const column = columnOf.get(sourceId);
        if (column !== undefined) casesPerColumn[column]!++;
      }
    });
    return {
      columns: ordered.map((s) => ({ key: s.id, label: s.name })),
      placesOf(coding, into) {
        const column = columnOf.get(coding.sourceId);
        if (column === undefined) return;
        const inCases = index.casesOfSpan(coding.sourceId, coding.start, coding.end);
        if (inCases.length === 0) into.push(column, -1);
        for (const c of inCases) into.push(column, c);
      },
      casesPerColumn,
    };
  }
  const attribute = index.attributes.find((a) => a.id === columns.attributeId);
  if (!attribute) throw new Error('That attribute no longer exists.');
  // A case of another type has no such attribute: it is in no column, not under "No value".
  const caseColumn = new Int32Array(index.cases.length).fill(-1);
  const keys = new Map<string, { value: Exclude<AttributeValue, null>; cases: number[] }>();
  const missing: number[] = [];
  index.cases.forEach((c, i) => {
    if (!attributeAppliesTo(attribute, c.type)) return;
    const value = index.valueOf(i, attribute.id);
    if (value === undefined) return void missing.push(i);
    const key = valueKey(value);
    const entry = keys.get(key);
    if (entry) entry.cases.push(i);
    else keys.set(key, { value, cases: [i] });
  });
  const categories = attribute.categories ?? [];
  const rank = (v: Exclude<AttributeValue, null>): number => {
    const k = typeof v === 'string' ? categories.indexOf(v) : -1;
    return k === -1 ? categories.length : k;
  };
  // Categories in their order, then other values: numbers by size, the rest as text.
  const ordered = [...keys.values()].sort(
    (a, b) =>
      rank(a.value) - rank(b.value) ||
      (typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : String(a.value).localeCompare(String(b.value))),
  );
  const out: CrosstabColumn[] = ordered.map((e) => ({ key: valueKey(e.value), label: formatAttributeValue(e.value) }));
  const casesPerColumn = ordered.map((e) => e.cases.length);
  ordered.forEach((e, column) => e.cases.forEach((c) => (caseColumn[c] = column)));
  if (missing.length > 0) {
    missing.forEach((c) => (caseColumn[c] = out.length));
    out.push({ key: NO_VALUE_COLUMN, label: NO_VALUE_LABEL });
    casesPerColumn.push(missing.length);
  }
  return {
    columns: out,
    placesOf(coding, into) {
      for (const c of index.casesOfSpan(coding.sourceId, coding.start, coding.end)) {
        if (caseColumn[c]! >= 0) into.push(caseColumn[c]!, c);
      }
    },
    casesPerColumn,
  };
}

const percent = (part: number, whole: number): number | null => (whole === 0 ? null : (part / whole) * 100);

export function buildCrosstab<T extends CrosstabCoding>(input: CrosstabInput<T>): Crosstab {
  const index = 'casesOfSpan' in input.cases ? input.cases : buildCaseIndex(input.cases);
  const layout = layoutFor(input.columns, index, input.sources);
  const nRows = input.rows.length;
  const nCols = layout.columns.length;
  const nCases = Math.max(1, index.cases.length);
  const counts = Array.from({ length: nRows }, () => new Array<number>(nCols).fill(0));
  const rowTotals = new Array<number>(nRows).fill(0);
  const columnTotals = input.count === 'cases' ? [...layout.casesPerColumn] : new Array<number>(nCols).fill(0);
  const rowsOf = rowsOfCode(input.rows);
  const places: number[] = [];
  // Counting cases: each (row, column, case) and each (row, case) once. A bitmap when it fits in
  // 16 MB (50 codes × 500 columns × 500 cases is 12.5 M), else a set.
  const cellCount = nRows * nCols * nCases;
  const seenBits = input.count === 'cases' && cellCount <= 1 << 24 ? new Uint8Array(cellCount) : null;
  const seenCell = new Set<number>();
  const firstSight = (cell: number): boolean => {
    if (seenBits) {
      if (seenBits[cell]) return false;
      seenBits[cell] = 1;
      return true;
    }
    if (seenCell.has(cell)) return false;
    seenCell.add(cell);
    return true;
  };
  const seenRow = new Uint8Array(nRows * nCases);
  const columnSeen = new Int32Array(nCols).fill(-1);
  input.codings.forEach((coding, n) => {
    const rows = rowsOf.get(coding.codeId);
    if (!rows) return;
    places.length = 0;
    layout.placesOf(coding, places);
    if (places.length === 0) return;
    if (input.count === 'codings') {
      for (let k = 0; k < places.length; k += 2) {
        const column = places[k]!;
        if (columnSeen[column] === n) continue;
        columnSeen[column] = n;
        columnTotals[column]!++;
        for (const row of rows) counts[row]![column]!++;
      }
      for (const row of rows) rowTotals[row]!++;
      return;
    }
    for (let k = 0; k < places.length; k += 2) {
      const column = places[k]!;
      const c = places[k + 1]!;
      if (c < 0) continue;
      for (const row of rows) {
        if (firstSight((row * nCols + column) * nCases + c)) counts[row]![column]!++;
        if (!seenRow[row * nCases + c]) {
          seenRow[row * nCases + c] = 1;
          rowTotals[row]!++;
        }
      }
    }
  });
  return {
    rows: input.rows.map((r) => ({ codeId: r.codeId, codeIds: [...r.codeIds] })),
    columns: layout.columns,
    count: input.count,
    counts,
    rowTotals,
    columnTotals,
    rowPercents: counts.map((row, i) => row.map((n) => percent(n, rowTotals[i]!))),
    columnPercents: counts.map((row) => row.map((n, j) => percent(n, columnTotals[j]!))),
  };
}

/**
 * The codings behind one cell (row position, column key), in the order given: what clicking the
 * cell lists. Counting cases, these are the codings that make those cases count.
 */
export function crosstabCellCodings<T extends CrosstabCoding>(input: CrosstabInput<T>, row: number, columnKey: string): T[] {
  const index = 'casesOfSpan' in input.cases ? input.cases : buildCaseIndex(input.cases);
  const layout = layoutFor(input.columns, index, input.sources);
  const column = layout.columns.findIndex((c) => c.key === columnKey);
  const group = input.rows[row];
  if (column === -1 || !group) return [];
  const codes = new Set(group.codeIds);
  const places: number[] = [];
  return input.codings.filter((coding) => {
    if (!codes.has(coding.codeId)) return false;
    places.length = 0;
    layout.placesOf(coding, places);
    for (let k = 0; k < places.length; k += 2) if (places[k] === column && (input.count === 'codings' || places[k + 1]! >= 0)) return true;
    return false;
  });
}
