// The unit × code matrix of a whole project as CSV bytes' text: the one builder behind the app's
// "Export unit × code matrix (CSV)" (run in the analysis worker) and `marginalia export --matrix`,
// so a script gets the same bytes as a click. Every code is a column of its own (no subcode
// roll-up: a parent's column counts the parent's own codings), in codebook order.
import type { ProjectSnapshot } from '../model/snapshot';
import { flattenTree, codePath } from '../codebook/tree';
import type { CaseData } from './caseData';
import { casesAdmittedBy, filterCodings, isEmptyFilter, type AnalysisFilter } from './filter';
import { codeGroups } from './codeGroups';
import { buildUnitMatrix, MATRIX_UNITS, type MatrixUnit } from './unitMatrix';
import { buildUnitMatrixCsv } from './unitMatrixCsv';

export interface UnitMatrixOptions {
  unit: MatrixUnit;
  /** Numbers of codings instead of 0/1. */
  counts?: boolean;
  /** The active analysis filter: only the codings it keeps count; case and segment rows only of the cases it admits. */
  filter?: AnalysisFilter;
}

export function isMatrixUnit(value: unknown): value is MatrixUnit {
  return typeof value === 'string' && (MATRIX_UNITS as readonly string[]).includes(value);
}

export function unitMatrixCsvOf(snapshot: Pick<ProjectSnapshot, 'codes' | 'codings' | 'sources' | 'sourceTexts' | 'cases' | 'attributes' | 'caseValues' | 'caseLinks'>, options: UnitMatrixOptions): string {
  const all: CaseData = { cases: snapshot.cases, attributes: snapshot.attributes, values: snapshot.caseValues, links: snapshot.caseLinks };
  const filtered = options.filter && !isEmptyFilter(options.filter);
  const codings = filtered ? filterCodings(options.filter!, snapshot.codings, all) : snapshot.codings;
  const cases = filtered && (options.unit === 'case' || options.unit === 'segment') ? casesAdmittedBy(options.filter!, all) : all;
  const codesById = new Map(snapshot.codes.map((c) => [c.id, c]));
  const ordered = flattenTree(snapshot.codes).map((e) => e.code.id);
  const matrix = buildUnitMatrix({
    unit: options.unit,
    groups: codeGroups(snapshot.codes, ordered, false),
    codings,
    cases,
    sources: snapshot.sources,
    texts: options.unit === 'paragraph' ? new Map(snapshot.sourceTexts.map((t) => [t.sourceId, t.text])) : undefined,
    counts: options.counts === true,
    labelOf: (id) => codePath(codesById, id),
  });
  return buildUnitMatrixCsv(matrix);
}
