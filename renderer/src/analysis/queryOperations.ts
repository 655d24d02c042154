// Coding queries and the unit × code matrix, in the analysis worker (or inline where no worker
// runs): the codings are read from the cached coding columns (ids, spans, codes, coders: never the
// quote selectors), the analysis filter is applied to them here and nowhere else, and the pure
// logic of shared/analysis does the rest.
import { checkQuery, runQuery, type Query, type QueryCoding } from '../../../shared/analysis/queries';
import { valuesFromColumns, type CaseData } from '../../../shared/analysis/caseData';
import { buildCaseIndex } from '../../../shared/analysis/caseIndex';
import { compileFilter, isEmptyFilter, type AnalysisFilter } from '../../../shared/analysis/filter';
import { sourceRanks } from '../../../shared/analysis/retrieval';
import { unitMatrixCsvOf, type UnitMatrixOptions } from '../../../shared/analysis/unitMatrixExport';
import { getDb, type MarginaliaDb } from '../db/db';
import { paragraphStarts } from '../../../shared/analysis/paragraphUnits';
import { idAt } from '../db/codingColumns';
import { hiddenByRows, visiblePositions } from '../db/codingsRepository';
import { linksOfProject, valuesOfProject } from '../db/caseRepository';
import { readProject } from '../db/readProject';
import { projectColumns } from './columnsCache';
import { packHits, type PackedHits, type QueryHit } from './hitPacking';

export type { QueryHit };

/**
 * Each source's paragraph starts, kept between queries: paragraph queries would otherwise read
 * every source's text (20 MB in a big project) each time. A text never changes after import, so
 * an entry is never stale; the cache is emptied when the database is swapped (tests).
 */
const paragraphCache = new Map<string, readonly number[]>();
let paragraphsFrom: MarginaliaDb | undefined;

async function paragraphsOf(sourceIds: readonly string[]): Promise<Map<string, readonly number[]>> {
  const db = getDb();
  if (db !== paragraphsFrom) {
    paragraphsFrom = db;
    paragraphCache.clear();
  }
  const missing = sourceIds.filter((id) => !paragraphCache.has(id));
  // A few sources at a time: never all 20 MB of text in memory at once.
  for (let i = 0; i < missing.length; i += 50) {
    const ids = missing.slice(i, i + 50);
    const rows = await db.sourceTexts.bulkGet(ids);
    ids.forEach((id, j) => paragraphCache.set(id, paragraphStarts(rows[j]?.text ?? '')));
  }
  return new Map(sourceIds.map((id) => [id, paragraphCache.get(id)!]));
}

interface LeanCoding extends QueryCoding {
  coder: string;
}

/** Every visible coding of the project (folded and recent rows), optionally of some codes only. */
async function leanCodings(projectId: string, codeIds?: ReadonlySet<string>): Promise<LeanCoding[]> {
  const { columns, rows } = await projectColumns(projectId);
  const hidden = hiddenByRows(rows);
  const out: LeanCoding[] = [];
  for (const c of columns) {
    for (const i of visiblePositions(c, codeIds, hidden)) {
      out.push({ id: idAt(c, i), sourceId: c.sourceId, codeId: c.codeIds[c.code[i]!]!, start: c.starts[i]!, end: c.ends[i]!, coder: c.coders[c.coder[i]!] ?? '' });
    }
  }
  for (const r of rows) if (!codeIds || codeIds.has(r.codeId)) out.push({ id: r.id, sourceId: r.sourceId, codeId: r.codeId, start: r.start, end: r.end, coder: r.coder });
  return out;
}

async function caseDataOf(projectId: string): Promise<CaseData> {
  const db = getDb();
  const [cases, attributes, values, links] = await Promise.all([
    db.cases.where('projectId').equals(projectId).toArray(),
    db.attributeDefinitions.where('projectId').equals(projectId).toArray(),
    valuesOfProject(projectId),
    linksOfProject(projectId),
  ]);
  return { cases, attributes, values: valuesFromColumns([...values].map(([attributeId, v]) => ({ attributeId, values: v }))), links };
}

function needsTexts(query: Query): boolean {
  return (query.kind === 'same' && query.unit === 'paragraph') || ((query.kind === 'near' || query.kind === 'followedBy') && query.unit === 'paragraphs');
}

/**
 * Runs a coding query over the project's codings that pass `filter`: the passages it finds, in
 * reading order. Throws a sentence for the user when it cannot run (a code was deleted).
 */
export async function runCodingQuery(projectId: string, query: Query, filter?: AnalysisFilter): Promise<QueryHit[]> {
  const db = getDb();
  const filtered = filter !== undefined && !isEmptyFilter(filter);
  const needsCases = filtered || (query.kind === 'same' && query.unit !== 'paragraph');
  const [codes, sources, cases] = await Promise.all([
    db.codes.where('projectId').equals(projectId).toArray(),
    db.sources.where('projectId').equals(projectId).toArray(),
    needsCases ? caseDataOf(projectId).then(buildCaseIndex) : undefined,
  ]);
  const problem = checkQuery(query, { codes, cases, paragraphs: needsTexts(query) ? new Map() : undefined });
  if (problem) throw new Error(problem);
  // Only the codings of the operands' codes (and their subcodes) are read out of the columns.
  const wanted = new Set<string>();
  const byParent = new Map<string | null, string[]>();
  for (const c of codes) byParent.set(c.parentId, [...(byParent.get(c.parentId) ?? []), c.id]);
  for (const operand of [query.a, query.b]) {
    const stack = [operand.codeId];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (wanted.has(id)) continue;
      wanted.add(id);
      if (operand.includeSubcodes) stack.push(...(byParent.get(id) ?? []));
    }
  }
  let codings = await leanCodings(projectId, wanted);
  if (filtered) {
    const keep = compileFilter(filter, cases!);
    codings = codings.filter(keep);
  }
  const sourceIds = new Set(sources.map((s) => s.id));
  codings = codings.filter((c) => sourceIds.has(c.sourceId));
  const paragraphs = needsTexts(query) ? await paragraphsOf([...new Set(codings.map((c) => c.sourceId))]) : undefined;
  const results = runQuery(query, { codes, codings, cases, paragraphs, sourceOrder: sourceRanks(sources) });
  const codeOf = new Map(codings.map((c) => [c.id, c.codeId]));
  return results.map((r) => ({
    sourceId: r.sourceId,
    start: r.start,
    end: r.end,
    codeIds: r.codingIds.length === 1 ? [codeOf.get(r.codingIds[0]!)!] : [...new Set(r.codingIds.map((id) => codeOf.get(id)!))],
  }));
}

/** runCodingQuery, answered as columns (what the worker sends back to the page). */
export async function runCodingQueryPacked(projectId: string, query: Query, filter?: AnalysisFilter): Promise<PackedHits> {
  return packHits(await runCodingQuery(projectId, query, filter));
}

/** The unit × code matrix CSV of a project (shared/analysis/unitMatrixExport.ts), from one snapshot. */
export async function unitMatrixCsv(projectId: string, options: UnitMatrixOptions): Promise<{ projectName: string; csv: string }> {
  const snapshot = await readProject(projectId);
  return { projectName: snapshot.project.name, csv: unitMatrixCsvOf(snapshot, options) };
}
