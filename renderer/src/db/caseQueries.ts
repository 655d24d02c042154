// Reads of a project's cases, attribute definitions, values and links, for the cases features
// (which never see how schemaV8 stores values and links).
import type { AttributeDefinition, AttributeValue, Case, CaseLink } from '../../../shared/model/cases';
import { getDb } from './db';
import { useLiveQuery } from 'dexie-react-hooks';
import { linksOfCase, linksOfProject, linksOfSource, valuesOfProject } from './caseRepository';

export { valueIn } from './caseRepository';

export interface CaseRows {
  cases: Case[];
  attributes: AttributeDefinition[];
  values: Map<string, Record<string, AttributeValue>>;
  links: CaseLink[];
}

export async function readCaseRows(projectId: string): Promise<CaseRows> {
  const db = getDb();
  const [cases, attributes, values, links] = await Promise.all([
    db.cases.where('projectId').equals(projectId).toArray(),
    db.attributeDefinitions.where('projectId').equals(projectId).toArray(),
    valuesOfProject(projectId),
    linksOfProject(projectId),
  ]);
  return { cases, attributes, values, links };
}

/** A case and its links, or undefined when the case no longer exists. */
export async function readCaseWithLinks(caseId: string): Promise<{ found: Case; links: CaseLink[] } | undefined> {
  const found = await getDb().cases.get(caseId);
  return found ? { found, links: await linksOfCase(found.projectId, caseId) } : undefined;
}

/** A source's case segments with their case's name, live (the document's case headers). */
export interface CaseSegmentOfSource {
  linkId: string;
  caseId: string;
  caseName: string;
  caseType?: string;
  start: number;
  end: number;
  order?: number;
  timestamp?: string;
}

export function useCaseSegmentsOfSource(sourceId: string | null): CaseSegmentOfSource[] | undefined {
  return useLiveQuery(async () => {
    if (!sourceId) return [];
    const links = (await linksOfSource(sourceId)).filter((l) => l.start !== undefined && l.end !== undefined);
    if (links.length === 0) return [];
    const cases = await getDb().cases.bulkGet([...new Set(links.map((l) => l.caseId))]);
    const byId = new Map(cases.filter((c) => c !== undefined).map((c) => [c.id, c]));
    return links
      .filter((l) => byId.has(l.caseId))
      .map((l) => {
        const owner = byId.get(l.caseId)!;
        return {
          linkId: l.id,
          caseId: owner.id,
          caseName: owner.name,
          ...(owner.type !== undefined ? { caseType: owner.type } : {}),
          start: l.start!,
          end: l.end!,
          ...(l.order !== undefined ? { order: l.order } : {}),
          ...(l.timestamp !== undefined ? { timestamp: l.timestamp } : {}),
        };
      })
      .sort((a, b) => a.start - b.start || a.end - b.end);
  }, [sourceId]);
}

let caseDataRevision = 0;

/**
 * A number that changes whenever a project's cases, attributes, values or links change (a split,
 * a type set, a value typed): the analyses run in a worker that live queries cannot watch, so a
 * filtered analysis puts this in its key and runs again. Reads keys only, never the rows' contents.
 */
export function useCaseDataRevision(projectId: string): number | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    await Promise.all([
      db.cases.where('projectId').equals(projectId).primaryKeys(),
      db.attributeDefinitions.where('projectId').equals(projectId).primaryKeys(),
      db.attributeValues.where('projectId').equals(projectId).primaryKeys(),
      db.caseLinkBlocks.where('projectId').equals(projectId).primaryKeys(),
    ]);
    return ++caseDataRevision;
  }, [projectId]);
}
