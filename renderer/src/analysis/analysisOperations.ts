// The analyses themselves, over the database: the same functions run in the analysis worker (the
// app) and on the main thread (jsdom tests, or when no worker can start). Storing a big survey
// import runs here too, for the same reason: 10,000 cases written from the page would hold it. They read codings by
// column (codingsRepository's lean reads) and never the quote selectors.
import { cooccurrenceMatrix, type CodedSpan, type CooccurrenceMatrix } from '../../../shared/analysis/cooccurrence';
import { sortInReadingOrder, sourceRanks, type SegmentRef } from '../../../shared/analysis/retrieval';
import { caseDataOfSnapshot, segmentsCsvOf } from '../../../shared/analysis/projectCsvExports';
import { findAll, type TextMatch } from '../../../shared/text/find';
import type { Coding } from '../../../shared/model/types';
import { getDb, type MarginaliaDb } from '../db/db';
import { sourceTextsOf } from './sourceTexts';
import { SegmentPacker, type PackedSegments } from './segmentPacking';
import { hiddenBySource, projectColumns, type ProjectColumns } from './columnsCache';
import { projectTables, readProject } from '../db/readProject';
import { codingAt, codingCount, idAt, type SourceCodings } from '../db/codingColumns';
import { visiblePositions } from '../db/codingsRepository';
import { readCaseRows } from '../db/caseQueries';
import { valuesFromColumns, type CaseData } from '../../../shared/analysis/caseData';
import { buildCaseIndex, type CaseIndex } from '../../../shared/analysis/caseIndex';
import { compileFilter, isEmptyFilter, type AnalysisFilter, type FilterableCoding } from '../../../shared/analysis/filter';
import { passageContext } from '../../../shared/analysis/passageContext';

/** Characters of context each side of a segment shown "with context". */
const SEGMENT_CONTEXT = 160;

export interface SegmentDetail {
  /** Names of the cases the segment is in, in case-list order. */
  cases: string[];
  before: string;
  after: string;
}

async function sourceOrder(projectId: string): Promise<Map<string, number>> {
  return sourceRanks(await getDb().sources.where('projectId').equals(projectId).toArray());
}

/** A project's cases as the shared analyses take them (values turned from columns to a list). */
export async function caseDataOf(projectId: string): Promise<CaseData> {
  const { cases, attributes, values, links } = await readCaseRows(projectId);
  return { cases, attributes, values: valuesFromColumns([...values].map(([attributeId, v]) => ({ attributeId, values: v }))), links };
}

/** The test a filter makes of each coding, or null when it keeps every coding (no case read then). */
async function keeperOf(projectId: string, filter: AnalysisFilter | undefined): Promise<((coding: FilterableCoding) => boolean) | null> {
  if (!filter || isEmptyFilter(filter)) return null;
  return compileFilter(filter, await caseDataOf(projectId));
}

/**
 * Opens the database connection the analyses will use and, given the open project, reads its
 * coding columns, so the first real request waits for neither. The read is started at once (it
 * opens the connection itself): a request arriving meanwhile then finds it under way and waits
 * for it, where awaiting the open first let that request start a second read beside it.
 */
export async function warmUp(projectId?: string): Promise<void> {
  if (projectId !== undefined) await projectColumns(projectId);
  else await getDb().open();
}

export async function retrieveSegments(projectId: string, codeIds: readonly string[], filter?: AnalysisFilter): Promise<SegmentRef[]> {
  const out: SegmentRef[] = [];
  await retrieveInto(projectId, codeIds, filter, {
    addColumns: (c, positions) => {
      for (const i of positions) out.push(refAt(c, i));
    },
    addRefs: (refs) => {
      for (const ref of refs) out.push(ref);
    },
  });
  return out;
}

/** retrieveSegments, answered as columns (what the worker sends back to the page), packed as found. */
export async function retrieveSegmentsPacked(projectId: string, codeIds: readonly string[], filter?: AnalysisFilter): Promise<PackedSegments> {
  const packer = new SegmentPacker();
  await retrieveInto(projectId, codeIds, filter, packer);
  return packer.pack();
}

/** Where retrieval puts what it finds, source by source in reading order. */
interface SegmentSink {
  /** These positions of a source's columns (already in reading order: no recent row among them). */
  addColumns(columns: SourceCodings, positions: readonly number[]): void;
  /** A source's segments where recent rows had to be sorted in. */
  addRefs(refs: readonly SegmentRef[]): void;
}

function refAt(c: SourceCodings, i: number): SegmentRef {
  return { codingId: idAt(c, i), sourceId: c.sourceId, codeId: c.codeIds[c.code[i]!]!, start: c.starts[i]!, end: c.ends[i]! };
}

/** Every segment of these codes across the project, in reading order (source order, start, end), into `sink`. */
async function retrieveInto(projectId: string, codeIds: readonly string[], filter: AnalysisFilter | undefined, sink: SegmentSink): Promise<void> {
  if (codeIds.length === 0) return;
  const [{ columns, rows: allRows }, order, keep] = await Promise.all([projectColumns(projectId), sourceOrder(projectId), keeperOf(projectId, filter)]);
  const wanted = new Set(codeIds);
  const hidden = hiddenBySource(allRows);
  const rows = allRows.filter((r) => wanted.has(r.codeId));
  const rowsBySource = new Map<string, Coding[]>();
  for (const row of rows) rowsBySource.set(row.sourceId, [...(rowsBySource.get(row.sourceId) ?? []), row]);
  const columnsBySource = new Map(columns.map((c) => [c.sourceId, c]));
  const sourceIds = [...new Set([...columnsBySource.keys(), ...rowsBySource.keys()])].filter((id) => order.has(id));
  sourceIds.sort((a, b) => order.get(a)! - order.get(b)!);
  for (const sourceId of sourceIds) {
    const c = columnsBySource.get(sourceId);
    const recent = rowsBySource.get(sourceId);
    let positions = c ? visiblePositions(c, wanted, hidden(sourceId)) : [];
    if (c && keep) positions = positions.filter((i) => keep({ sourceId, start: c.starts[i]!, end: c.ends[i]!, coder: c.coders[c.coder[i]!]! }));
    // Columns are stored in reading order already; only a source with recent rows needs sorting.
    if (!recent) {
      if (c) sink.addColumns(c, positions);
      continue;
    }
    const refs = c ? positions.map((i) => refAt(c, i)) : [];
    for (const r of recent) if (!keep || keep(r)) refs.push({ codingId: r.id, sourceId, codeId: r.codeId, start: r.start, end: r.end });
    sink.addRefs(sortInReadingOrder(refs, order));
  }
}

/** Every match of a literal query in a source's text (case-insensitive, capped: shared/text/find.ts). */
export async function findInSource(sourceId: string, query: string): Promise<TextMatch[]> {
  if (query === '') return [];
  const text = (await sourceTextsOf([sourceId])).get(sourceId) ?? '';
  return findAll(text, query);
}

export async function cooccurrence(projectId: string, codeIds: readonly string[], filter?: AnalysisFilter): Promise<CooccurrenceMatrix> {
  const [{ columns, rows: allRows }, keep] = await Promise.all([projectColumns(projectId), keeperOf(projectId, filter)]);
  const wanted = new Set(codeIds);
  const hidden = hiddenBySource(allRows);
  const rows = allRows.filter((r) => wanted.has(r.codeId) && (!keep || keep(r)));
  function* spans(): Generator<CodedSpan> {
    for (const c of columns) {
      for (const i of visiblePositions(c, wanted, hidden(c.sourceId))) {
        if (keep && !keep({ sourceId: c.sourceId, start: c.starts[i]!, end: c.ends[i]!, coder: c.coders[c.coder[i]!]! })) continue;
        yield { sourceId: c.sourceId, codeId: c.codeIds[c.code[i]!]!, start: c.starts[i]!, end: c.ends[i]! };
      }
    }
    yield* rows;
  }
  return cooccurrenceMatrix(codeIds, spans());
}

/** The coded segments CSV of a project, or of some of its codes (shared/analysis/segmentsCsv.ts). */
export async function segmentsCsv(projectId: string, codeIds?: readonly string[], filter?: AnalysisFilter): Promise<{ projectName: string; csv: string }> {
  // One snapshot, like every export (db/readProject.ts), built exactly as the command line builds
  // it, in one transaction; its codings are this worker's cached columns (read again only where a
  // source's stamp moved), the passages being cut from the source texts rather than quoted.
  const db = getDb();
  // One after the other: a project gone fails the first with its own message, not the transaction's.
  const [snapshot, stored] = await db.transaction('r', projectTables(), async () => [await readProject(projectId, { codings: 'none' }), await projectColumns(projectId)] as const);
  const data = { ...snapshot, codings: codingsOfColumns(stored) };
  const wanted = codeIds ? new Set(codeIds) : null;
  const cases = buildCaseIndex(caseDataOfSnapshot(data));
  const keep = filter && !isEmptyFilter(filter) ? compileFilter(filter, cases) : null;
  const codings = data.codings.filter((c) => (!wanted || wanted.has(c.codeId)) && (!keep || keep(c)));
  return { projectName: data.project.name, csv: segmentsCsvOf({ ...data, codings }, cases) };
}

/**
 * A project's codings from its columns and recent rows, without quotes, in the order
 * `codingsOfProject` reads them (sources by id, each in column order, then the rows not hidden):
 * the segments CSV sorts stably, so ties come out as from a full read.
 */
function codingsOfColumns({ columns, rows }: ProjectColumns): Coding[] {
  const hidden = new Set(rows.map((r) => r.id));
  const bySourceId = [...columns].sort((a, b) => (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0));
  const out: Coding[] = [];
  for (const c of bySourceId) {
    for (let i = 0; i < codingCount(c); i++) if (hidden.size === 0 || !hidden.has(idAt(c, i))) out.push(codingAt(c, undefined, i));
  }
  for (const row of rows) out.push(row);
  return out;
}

/**
 * A list scrolls through many screenfuls: the case index is built once per revision of the cases
 * (useCaseDataRevision, sent by the page) rather than read again for every screenful.
 */
let cachedIndex: { projectId: string; revision: number; db: MarginaliaDb; index: CaseIndex } | undefined;

async function caseIndexOf(projectId: string, revision: number | undefined): Promise<CaseIndex> {
  const db = getDb();
  if (revision !== undefined && cachedIndex?.projectId === projectId && cachedIndex.revision === revision && cachedIndex.db === db) return cachedIndex.index;
  const index = buildCaseIndex(await caseDataOf(projectId));
  if (revision !== undefined) cachedIndex = { projectId, revision, db, index };
  return index;
}

/** For the rows a segments list shows: the cases each is in (names joined by "; ") and the text around it. */
export async function segmentDetails(projectId: string, refs: readonly SegmentRef[], caseRevision?: number): Promise<SegmentDetail[]> {
  const [texts, index] = await Promise.all([sourceTextsOf(refs.map((r) => r.sourceId)), caseIndexOf(projectId, caseRevision)]);
  return refs.map((r) => {
    const { before, after } = passageContext(texts.get(r.sourceId) ?? '', r.start, r.end, SEGMENT_CONTEXT);
    const inCases = index.casesOfSpan(r.sourceId, r.start, r.end).map((i) => index.cases[i]!.name);
    return { cases: inCases, before, after };
  });
}

export { segmentTexts } from './sourceTexts';
export { crosstab, crosstabCell, codeFrequencyTable, wordFrequencyTable } from './tableOperations';
export { previewAutoCode, commitAutoCode } from './autoCodeOperations';

/** Stores a mapped survey in one transaction (db/operations/imports.ts), off the page thread. */
export { importSurvey as storeSurvey } from '../db/operations/imports';

/** Project files (.qdpx) written and opened off the page thread (./projectFileOperations.ts). */
export { writeProjectFile, writeProjectBackup, openProjectFile } from './lazyProjectFileOperations';

/** Coding queries and the unit × code matrix (./queryOperations.ts). */
export { runCodingQuery, runCodingQueryPacked, prepareQueries, unitMatrixCsv } from './queryOperations';
/** The Agreement view's coders and table with its disagreements (./agreementOperations.ts). */
export { agreementChoices, agreementFigures, agreementReport } from './agreementOperations';
