// The unit × code matrix for R, Python and SPSS (QualCoder issue #954): one row per unit of
// analysis, one column per code (1 when a coding of the code — or of a subcode, when rolled up —
// is in the unit, else 0; or the number of such codings), then the unit's case attributes.
// No offsets: units are named, numbered from 1.
//
// Units and their first columns:
// - case: `case`, `case_type` — a coding is in a case by caseIndex.ts's rule (shares a character
//   with one of its segments, or the case is linked to the whole source);
// - segment: `source`, `segment` (the split segment's number in its source: its `order` where the
//   split kept one, else its position), `case` — the case segments, in reading order; a coding is
//   in every segment it shares a character with;
// - paragraph: `source`, `paragraph` (counting non-blank lines from 1; blank lines are no units);
// - source: `source`.
// Attribute columns: the unit's case's value (case and segment units). A paragraph or a source can
// hold several cases: their values joined by "; ", in case-list order (choose unit case or segment
// for one value per row). Numbers stay numbers, booleans are 1/0 (SPSS has no boolean), dates ISO.
// Column names are made safe by variableNames.ts; `labels` keeps the full name (code path) of each.
import type { AttributeValue } from '../model/cases';
import { buildCaseIndex, type CaseIndex } from './caseIndex';
import type { CaseData } from './caseData';
import { rowsOfCode, type CodeGroup } from './codeGroups';
import { paragraphsOfSpan, paragraphStarts } from './paragraphUnits';
import { safeVariableNames } from './variableNames';

export type MatrixUnit = 'case' | 'segment' | 'paragraph' | 'source';
export const MATRIX_UNITS: readonly MatrixUnit[] = ['case', 'segment', 'paragraph', 'source'];

export interface UnitMatrixInput {
  unit: MatrixUnit;
  /** The code columns (codeGroups.ts: with or without subcodes). */
  groups: readonly CodeGroup[];
  codings: ReadonlyArray<{ sourceId: string; codeId: string; start: number; end: number }>;
  cases: CaseData | CaseIndex;
  sources: ReadonlyArray<{ id: string; name: string; order: number }>;
  /** Source texts: needed for the paragraph unit (only line breaks are read). */
  texts?: ReadonlyMap<string, string>;
  /** Counts instead of 0/1. */
  counts?: boolean;
  /** A code's full name for the labels (its path). */
  labelOf: (codeId: string) => string;
}

export interface UnitMatrix {
  /** Safe column names, in order. */
  header: string[];
  /** What each column is: its full name (a code's path, an attribute's name, or the id column's meaning). */
  labels: string[];
  rows: Array<Array<string | number>>;
}

const ID_COLUMNS: Record<MatrixUnit, Array<[string, string]>> = {
  case: [['case', 'case'], ['case_type', 'case type']],
  segment: [['source', 'source'], ['segment', 'segment number in its source'], ['case', 'case']],
  paragraph: [['source', 'source'], ['paragraph', 'paragraph number in its source']],
  source: [['source', 'source']],
};

function cellValue(value: Exclude<AttributeValue, null> | undefined): string | number {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

interface Units {
  ids: Array<Array<string | number>>;
  /** The cases of each unit (positions), for its attribute columns. */
  casesOf: number[][];
  /** The units (row positions) a coding is in. */
  unitsOf(coding: { sourceId: string; start: number; end: number }): number[];
}

function unitsFor(input: UnitMatrixInput, index: CaseIndex): Units {
  const sources = [...input.sources].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const sourceRow = new Map(sources.map((s, i) => [s.id, i]));
  switch (input.unit) {
    case 'case':
      return {
        ids: index.cases.map((c) => [c.name, c.type ?? '']),
        casesOf: index.cases.map((_, i) => [i]),
        unitsOf: (c) => index.casesOfSpan(c.sourceId, c.start, c.end),
      };
    case 'source':
      return {
        ids: sources.map((s) => [s.name]),
        casesOf: sources.map((s) => index.cases.map((_, i) => i).filter((i) => index.sourcesOfCase(i).has(s.id))),
        unitsOf: (c) => {
          const row = sourceRow.get(c.sourceId);
          return row === undefined ? [] : [row];
        },
      };
    case 'segment': {
      const ids: Units['ids'] = [];
      const casesOf: number[][] = [];
      const rowOf = new Map<string, number>();
      for (const s of sources) {
        (index.segments.get(s.id) ?? []).forEach((segment, k) => {
          rowOf.set(segment.key, ids.length);
          ids.push([s.name, segment.order ?? k + 1, index.cases[segment.caseIndex]!.name]);
          casesOf.push([segment.caseIndex]);
        });
      }
      return { ids, casesOf, unitsOf: (c) => index.segmentsOfSpan(c.sourceId, c.start, c.end).map((s) => rowOf.get(s.key)!).filter((r) => r !== undefined) };
    }
    case 'paragraph': {
      if (!input.texts) throw new Error('The paragraph unit needs the source texts.');
      const ids: Units['ids'] = [];
      const casesOf: number[][] = [];
      // Per source: its line starts and the row of each line (-1 for a blank line).
      const lines = new Map<string, { starts: number[]; rows: Int32Array }>();
      for (const s of sources) {
        const text = input.texts.get(s.id) ?? '';
        const starts = paragraphStarts(text);
        const rows = new Int32Array(starts.length).fill(-1);
        let number = 0;
        starts.forEach((start, i) => {
          const end = i + 1 < starts.length ? starts[i + 1]! - 1 : text.length;
          if (text.slice(start, end).trim() === '') return;
          rows[i] = ids.length;
          ids.push([s.name, ++number]);
          casesOf.push(index.casesOfSpan(s.id, start, end));
        });
        lines.set(s.id, { starts, rows });
      }
      return {
        ids,
        casesOf,
        unitsOf: (c) => {
          const entry = lines.get(c.sourceId);
          if (!entry || c.end <= c.start) return [];
          const [first, last] = paragraphsOfSpan(entry.starts, c.start, c.end);
          const out: number[] = [];
          for (let p = first; p <= last; p++) if (entry.rows[p]! >= 0) out.push(entry.rows[p]!);
          return out;
        },
      };
    }
  }
}

export function buildUnitMatrix(input: UnitMatrixInput): UnitMatrix {
  const index = 'casesOfSpan' in input.cases ? input.cases : buildCaseIndex(input.cases);
  const units = unitsFor(input, index);
  const idColumns = ID_COLUMNS[input.unit];
  const codeNames = input.groups.map((g) => input.labelOf(g.codeId));
  const attributeNames = index.attributes.map((a) => a.name);
  const safe = safeVariableNames([...codeNames, ...attributeNames], idColumns.map(([name]) => name));
  const nCodes = input.groups.length;
  // One flat table of counts (units × codes): 222,500 paragraphs × 50 codes is 11 M numbers.
  const cells = new Int32Array(units.ids.length * nCodes);
  const rowsOf = rowsOfCode(input.groups);
  for (const coding of input.codings) {
    const columns = rowsOf.get(coding.codeId);
    if (!columns) continue;
    for (const unit of units.unitsOf(coding)) for (const column of columns) cells[unit * nCodes + column]!++;
  }
  const attributes = index.attributes;
  const rows = units.ids.map((ids, u) => {
    const row = new Array<string | number>(ids.length + nCodes + attributes.length);
    let k = 0;
    for (const id of ids) row[k++] = id;
    for (let c = 0, at = u * nCodes; c < nCodes; c++, at++) row[k++] = input.counts ? cells[at]! : cells[at]! > 0 ? 1 : 0;
    const cases = units.casesOf[u]!;
    for (const a of attributes) {
      if (cases.length === 1) {
        row[k++] = cellValue(index.valueOf(cases[0]!, a.id));
        continue;
      }
      const values = cases.map((c) => cellValue(index.valueOf(c, a.id)));
      row[k++] = values.every((v) => v === '') ? '' : values.join('; ');
    }
    return row;
  });
  return {
    header: [...idColumns.map(([name]) => name), ...safe],
    labels: [...idColumns.map(([, label]) => label), ...codeNames, ...attributeNames],
    rows,
  };
}
