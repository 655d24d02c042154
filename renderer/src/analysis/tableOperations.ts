// The tables and charts of the analysis views, computed in the analysis worker: crosstabs (and the
// codings behind one cell), code frequencies, word frequencies. Each takes the active analysis
// filter (shared/analysis/filter.ts) and applies it to the codings — and, for a crosstab's case
// columns, to the cases — before counting.
import { buildCrosstab, crosstabCellCodings, type Crosstab, type CrosstabColumns, type CrosstabCount, type CrosstabInput } from '../../../shared/analysis/crosstab';
import { buildCaseIndex } from '../../../shared/analysis/caseIndex';
import { codeFrequencies, type CodeFrequency } from '../../../shared/analysis/codeFrequencies';
import { codeGroups } from '../../../shared/analysis/codeGroups';
import { casesAdmittedBy, filterCodings, isEmptyFilter, type AnalysisFilter } from '../../../shared/analysis/filter';
import { sortInReadingOrder, sourceRanks, type SegmentRef } from '../../../shared/analysis/retrieval';
import { wordFrequencies, type StopWordList, type WordFrequencies } from '../../../shared/analysis/wordFrequencies';
import { textKeptBy } from '../../../shared/analysis/filteredText';
import { caseDataForAnalysis, codesForAnalysis, codingsForAnalysis, codingsOfColumns, sourcesForAnalysis, type AnalysedCoding } from './analysisData';
import { projectColumns } from './columnsCache';
import { segmentTexts, sourceTextsOf } from './sourceTexts';

export interface CrosstabRequest {
  /** The row codes, in row order. */
  codeIds: string[];
  /** Whether a row counts its subcodes' codings too. */
  includeSubcodes: boolean;
  columns: CrosstabColumns;
  count: CrosstabCount;
  filter: AnalysisFilter;
}

async function crosstabInput(projectId: string, request: CrosstabRequest, withIds = false): Promise<CrosstabInput<AnalysedCoding>> {
  // Every read at once: the codings' columns do not wait for the codes that say which are wanted.
  const [codes, sources, caseData, columns] = await Promise.all([codesForAnalysis(projectId), sourcesForAnalysis(projectId), caseDataForAnalysis(projectId), projectColumns(projectId)]);
  const rows = codeGroups(codes, request.codeIds, request.includeSubcodes);
  const wanted = new Set(rows.flatMap((r) => r.codeIds));
  const index = buildCaseIndex(caseData);
  const all = codingsOfColumns(columns, wanted, withIds);
  const codings = isEmptyFilter(request.filter) ? all : filterCodings(request.filter, all, index);
  // Case and attribute columns show only the cases the filter admits (sources stay: a filter by
  // source already keeps only their codings).
  const cases = isEmptyFilter(request.filter) || request.columns.kind === 'sources' ? index : buildCaseIndex(casesAdmittedBy(request.filter, caseData));
  return { rows, codings, cases, sources, columns: request.columns, count: request.count };
}

export async function crosstab(projectId: string, request: CrosstabRequest): Promise<Crosstab> {
  return buildCrosstab(await crosstabInput(projectId, request));
}

/** The codings behind one crosstab cell (row position, column key), in reading order. */
export async function crosstabCell(projectId: string, request: CrosstabRequest, row: number, columnKey: string): Promise<SegmentRef[]> {
  const input = await crosstabInput(projectId, request, true);
  const order = sourceRanks(input.sources);
  const refs = crosstabCellCodings(input, row, columnKey).map((c) => ({ codingId: c.id, sourceId: c.sourceId, codeId: c.codeId, start: c.start, end: c.end }));
  return sortInReadingOrder(refs, order);
}

/** Codings, cases and sources per code (with subcodes rolled up), under the filter. */
export async function codeFrequencyTable(projectId: string, filter: AnalysisFilter): Promise<CodeFrequency[]> {
  const [codes, caseData, all] = await Promise.all([codesForAnalysis(projectId), caseDataForAnalysis(projectId), codingsForAnalysis(projectId)]);
  const cases = buildCaseIndex(caseData);
  return codeFrequencies({ codes, codings: isEmptyFilter(filter) ? all : filterCodings(filter, all, cases), cases });
}

export type WordScope = { kind: 'sources'; sourceIds: string[] } | { kind: 'codes'; codeIds: string[] };

export interface WordFrequencyRequest {
  scope: WordScope;
  stopWords: StopWordList[];
  extraStopWords?: string[];
  limit: number;
  filter: AnalysisFilter;
}

/**
 * Words of whole sources, or of the segments of some codes, under the filter: of sources, only the
 * text the filter keeps (filteredText.ts: its sources, its cases' passages); of codes, only the
 * codings it keeps.
 */
export async function wordFrequencyTable(projectId: string, request: WordFrequencyRequest): Promise<WordFrequencies> {
  const options = { stopWords: request.stopWords, extraStopWords: request.extraStopWords, limit: request.limit };
  if (request.scope.kind === 'sources') {
    const { sourceIds } = request.scope;
    const texts = await sourceTextsOf(sourceIds);
    if (isEmptyFilter({ ...request.filter, coders: undefined })) return wordFrequencies(sourceIds.map((id) => texts.get(id) ?? ''), options);
    const index = buildCaseIndex(await caseDataForAnalysis(projectId));
    const spans = textKeptBy(request.filter, sourceIds.map((id) => ({ id, length: texts.get(id)?.length ?? 0 })), index);
    return wordFrequencies(spans.map((s) => texts.get(s.sourceId)!.slice(s.start, s.end)), options);
  }
  const [caseData, codings] = await Promise.all([caseDataForAnalysis(projectId), codingsForAnalysis(projectId, new Set(request.scope.codeIds), true)]);
  const kept = filterCodings(request.filter, codings, caseData);
  const refs = kept.map((c) => ({ codingId: c.id, sourceId: c.sourceId, codeId: c.codeId, start: c.start, end: c.end }));
  return wordFrequencies(await segmentTexts(refs), options);
}
