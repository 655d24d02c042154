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
import { getDb } from '../db/db';
import { idAt } from '../db/codingColumns';
import { hiddenByRows, visiblePositions } from '../db/codingsRepository';
import { linksOfProject, valuesOfProject } from '../db/caseRepository';
import { readProject } from '../db/readProject';
import { projectColumns } from './columnsCache';

/** One passage a query found, with the codes of the codings behind it (for the list's colours). */
export interface QueryHit {
  sourceId: string;
  start: number;
  end: number;
  codingIds: string[];
  codeIds: string[];
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
  const problem = checkQuery(query, { codes, cases, texts: needsTexts(query) ? new Map() : undefined });
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
  let texts: Map<string, string> | undefined;
  if (needsTexts(query)) {
    const ids = [...new Set(codings.map((c) => c.sourceId))];
    const rows = await db.sourceTexts.bulkGet(ids);
    texts = new Map(ids.map((id, i) => [id, rows[i]?.text ?? '']));
  }
  const results = runQuery(query, { codes, codings, cases, texts, sourceOrder: sourceRanks(sources) });
  const codeOf = new Map(codings.map((c) => [c.id, c.codeId]));
  return results.map((r) => ({ ...r, codeIds: [...new Set(r.codingIds.map((id) => codeOf.get(id)!).filter((id) => id !== undefined))] }));
}

/** The unit × code matrix CSV of a project (shared/analysis/unitMatrixExport.ts), from one snapshot. */
export async function unitMatrixCsv(projectId: string, options: UnitMatrixOptions): Promise<{ projectName: string; csv: string }> {
  const snapshot = await readProject(projectId);
  return { projectName: snapshot.project.name, csv: unitMatrixCsvOf(snapshot, options) };
}
