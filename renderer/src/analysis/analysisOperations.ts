// The analyses themselves, over the database: the same functions run in the analysis worker (the
// app) and on the main thread (jsdom tests, or when no worker can start). Storing a big survey
// import runs here too, for the same reason: 10,000 cases written from the page would hold it. They read codings by
// column (codingsRepository's lean reads) and never the quote selectors.
import { cooccurrenceMatrix, type CodedSpan, type CooccurrenceMatrix } from '../../../shared/analysis/cooccurrence';
import { sortInReadingOrder, sourceRanks, type SegmentRef } from '../../../shared/analysis/retrieval';
import { buildSegmentsCsv } from '../../../shared/analysis/segmentsCsv';
import { codingMemoTexts } from '../../../shared/analysis/codingMemoTexts';
import { findAll, type TextMatch } from '../../../shared/text/find';
import type { Coding } from '../../../shared/model/types';
import { getDb } from '../db/db';
import { sourceTextsOf } from './sourceTexts';
import { packSegments, type PackedSegments } from './segmentPacking';
import { projectColumns } from './columnsCache';
import { readProject } from '../db/readProject';
import { idAt } from '../db/codingColumns';
import { hiddenByRows, visiblePositions } from '../db/codingsRepository';

async function sourceOrder(projectId: string): Promise<Map<string, number>> {
  return sourceRanks(await getDb().sources.where('projectId').equals(projectId).toArray());
}

/**
 * Opens the database connection the analyses will use and, given the open project, reads its
 * coding columns, so the first real request waits for neither.
 */
export async function warmUp(projectId?: string): Promise<void> {
  await getDb().open();
  if (projectId !== undefined) await projectColumns(projectId);
}

export async function retrieveSegments(projectId: string, codeIds: readonly string[]): Promise<SegmentRef[]> {
  if (codeIds.length === 0) return [];
  const [{ columns, rows: allRows }, order] = await Promise.all([projectColumns(projectId), sourceOrder(projectId)]);
  const wanted = new Set(codeIds);
  const hidden = hiddenByRows(allRows);
  const rows = allRows.filter((r) => wanted.has(r.codeId));
  const rowsBySource = new Map<string, Coding[]>();
  for (const row of rows) rowsBySource.set(row.sourceId, [...(rowsBySource.get(row.sourceId) ?? []), row]);
  const columnsBySource = new Map(columns.map((c) => [c.sourceId, c]));
  const sourceIds = [...new Set([...columnsBySource.keys(), ...rowsBySource.keys()])].filter((id) => order.has(id));
  sourceIds.sort((a, b) => order.get(a)! - order.get(b)!);
  const out: SegmentRef[] = [];
  for (const sourceId of sourceIds) {
    const c = columnsBySource.get(sourceId);
    const recent = rowsBySource.get(sourceId);
    const from = out.length;
    // Columns are stored in reading order already; only a source with recent rows needs sorting.
    if (c) {
      for (const i of visiblePositions(c, wanted, hidden)) {
        out.push({ codingId: idAt(c, i), sourceId, codeId: c.codeIds[c.code[i]!]!, start: c.starts[i]!, end: c.ends[i]! });
      }
    }
    if (recent) {
      for (const r of recent) out.push({ codingId: r.id, sourceId, codeId: r.codeId, start: r.start, end: r.end });
      const sorted = sortInReadingOrder(out.slice(from), order);
      out.splice(from, sorted.length, ...sorted);
    }
  }
  return out;
}

/** retrieveSegments, answered as columns (what the worker sends back to the page). */
export async function retrieveSegmentsPacked(projectId: string, codeIds: readonly string[]): Promise<PackedSegments> {
  return packSegments(await retrieveSegments(projectId, codeIds));
}

/** Every match of a literal query in a source's text (case-insensitive, capped: shared/text/find.ts). */
export async function findInSource(sourceId: string, query: string): Promise<TextMatch[]> {
  if (query === '') return [];
  const text = (await sourceTextsOf([sourceId])).get(sourceId) ?? '';
  return findAll(text, query);
}

export async function cooccurrence(projectId: string, codeIds: readonly string[]): Promise<CooccurrenceMatrix> {
  const { columns, rows: allRows } = await projectColumns(projectId);
  const wanted = new Set(codeIds);
  const hidden = hiddenByRows(allRows);
  const rows = allRows.filter((r) => wanted.has(r.codeId));
  function* spans(): Generator<CodedSpan> {
    for (const c of columns) {
      for (const i of visiblePositions(c, wanted, hidden)) {
        yield { sourceId: c.sourceId, codeId: c.codeIds[c.code[i]!]!, start: c.starts[i]!, end: c.ends[i]! };
      }
    }
    yield* rows;
  }
  return cooccurrenceMatrix(codeIds, spans());
}

/** The coded segments CSV of a project, or of some of its codes (shared/analysis/segmentsCsv.ts). */
export async function segmentsCsv(projectId: string, codeIds?: readonly string[]): Promise<{ projectName: string; csv: string }> {
  // One snapshot, like every export (db/readProject.ts).
  const data = await readProject(projectId);
  const wanted = codeIds ? new Set(codeIds) : null;
  const codings = data.codings.filter((c) => !wanted || wanted.has(c.codeId));
  const csv = buildSegmentsCsv({
    sources: data.sources,
    texts: new Map(data.sourceTexts.map((t) => [t.sourceId, t.text])),
    codes: data.codes,
    codings,
    codingMemos: codingMemoTexts(data.memos),
    coders: data.coders,
  });
  return { projectName: data.project.name, csv };
}

export { segmentTexts } from './sourceTexts';
export { crosstab, crosstabCell, codeFrequencyTable, wordFrequencyTable } from './tableOperations';
export { previewAutoCode, commitAutoCode } from './autoCodeOperations';

/** Stores a mapped survey in one transaction (db/operations/imports.ts), off the page thread. */
export { importSurvey as storeSurvey } from '../db/operations/imports';

/** Project files (.qdpx) written and opened off the page thread (./projectFileOperations.ts). */
export { writeProjectFile, openProjectFile } from './projectFileOperations';

/** The Agreement view's coders and table with its disagreements (./agreementOperations.ts). */
export { agreementChoices, agreementFigures, agreementReport } from './agreementOperations';
