// What the tables, charts and auto-coding read of a project in the analysis worker: its codings
// as lean spans with their coder (from the cached coding columns), its codes, its sources and its
// cases as CaseData. Never the quote selectors, never a whole snapshot.
import type { CaseData } from '../../../shared/analysis/caseData';
import { valuesFromColumns } from '../../../shared/analysis/caseData';
import type { Code, Source } from '../../../shared/model/types';
import { getDb } from '../db/db';
import { idAt } from '../db/codingColumns';
import { visiblePositions } from '../db/codingsRepository';
import { linksOfProject, valuesOfProject } from '../db/caseRepository';
import { hiddenBySource, projectColumns, type ProjectColumns } from './columnsCache';

/** A coding as the analyses count it. */
export interface AnalysedCoding {
  /** Empty unless asked for (see codingsForAnalysis). */
  id: string;
  sourceId: string;
  codeId: string;
  start: number;
  end: number;
  coder: string;
}

/**
 * Every coding of the project (folded and recent), optionally of some codes only. Ids are cut from
 * the columns only when asked for (`withIds`): counting 100,000 codings does not need them.
 */
export async function codingsForAnalysis(projectId: string, codeIds?: ReadonlySet<string>, withIds = false): Promise<AnalysedCoding[]> {
  return codingsOfColumns(await projectColumns(projectId), codeIds, withIds);
}

/**
 * codingsForAnalysis over columns already read: an analysis reads them alongside its other reads
 * (codes, sources, cases) rather than after them, when it needs the codes to know which codings.
 */
export function codingsOfColumns({ columns, rows }: ProjectColumns, codeIds?: ReadonlySet<string>, withIds = false): AnalysedCoding[] {
  const hidden = hiddenBySource(rows);
  const out: AnalysedCoding[] = [];
  for (const c of columns) {
    for (const i of visiblePositions(c, codeIds, hidden(c.sourceId))) {
      out.push({ id: withIds ? idAt(c, i) : '', sourceId: c.sourceId, codeId: c.codeIds[c.code[i]!]!, start: c.starts[i]!, end: c.ends[i]!, coder: c.coders[c.coder[i]!] ?? '' });
    }
  }
  for (const r of rows) {
    if (!codeIds || codeIds.has(r.codeId)) out.push({ id: r.id, sourceId: r.sourceId, codeId: r.codeId, start: r.start, end: r.end, coder: r.coder });
  }
  return out;
}

export async function codesForAnalysis(projectId: string): Promise<Code[]> {
  return getDb().codes.where('projectId').equals(projectId).toArray();
}

export async function sourcesForAnalysis(projectId: string): Promise<Source[]> {
  return getDb().sources.where('projectId').equals(projectId).toArray();
}

/** The project's cases, attributes, values and links, as the shared analyses take them. */
export async function caseDataForAnalysis(projectId: string): Promise<CaseData> {
  const db = getDb();
  const [cases, attributes, values, links] = await Promise.all([
    db.cases.where('projectId').equals(projectId).toArray(),
    db.attributeDefinitions.where('projectId').equals(projectId).toArray(),
    valuesOfProject(projectId),
    linksOfProject(projectId),
  ]);
  return { cases, attributes, values: valuesFromColumns([...values].map(([attributeId, v]) => ({ attributeId, values: v }))), links };
}
