// Reads of a project's cases, attribute definitions, values and links, for the cases features
// (which never see how schemaV8 stores values and links).
import type { AttributeDefinition, AttributeValue, Case, CaseLink } from '../../../shared/model/cases';
import { getDb } from './db';
import { linksOfCase, linksOfProject, valuesOfProject } from './caseRepository';

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
