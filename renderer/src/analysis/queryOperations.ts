// Coding queries and the unit × code matrix, in the analysis worker (or inline where no worker
// runs): the codings are read from the cached coding columns (ids, spans, codes, coders: never the
// quote selectors), the analysis filter is applied to them here and nowhere else, and the pure
// logic of shared/analysis does the rest.
import { checkQuery, runQuery, type Query } from '../../../shared/analysis/queries';
import { buildCaseIndex } from '../../../shared/analysis/caseIndex';
import { compileFilter, isEmptyFilter, type AnalysisFilter } from '../../../shared/analysis/filter';
import { sourceRanks } from '../../../shared/analysis/retrieval';
import { unitMatrixCsvOf, type UnitMatrixOptions } from '../../../shared/analysis/unitMatrixExport';
import { getDb } from '../db/db';
import { paragraphsOf, readParagraphsAhead } from './paragraphCache';
import { readProject } from '../db/readProject';
import { caseDataForAnalysis, codingsOfColumns } from './analysisData';
import { projectColumns } from './columnsCache';
import { packHits, type PackedHits, type QueryHit } from './hitPacking';

export type { QueryHit };

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
  // Every read at once: the codings' columns do not wait for the codes that say which are wanted.
  const [codes, sources, cases, columns] = await Promise.all([
    db.codes.where('projectId').equals(projectId).toArray(),
    db.sources.where('projectId').equals(projectId).toArray(),
    needsCases ? caseDataForAnalysis(projectId).then(buildCaseIndex) : undefined,
    projectColumns(projectId),
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
  let codings = codingsOfColumns(columns, wanted, true);
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

/**
 * Gets a project's paragraph queries ready while the user builds one: reads every source's
 * paragraph starts in the background (the first paragraph query of a session would otherwise read
 * 20 MB of text before answering). Answers at once.
 */
export async function prepareQueries(projectId: string): Promise<void> {
  const sources = await getDb().sources.where('projectId').equals(projectId).primaryKeys();
  readParagraphsAhead(sources);
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
