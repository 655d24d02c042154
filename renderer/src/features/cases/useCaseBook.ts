// Live reads of a project's cases, attribute definitions, values and links, in one query so the
// panel renders once per change rather than once per table.
import { useLiveQuery } from 'dexie-react-hooks';
import type { AttributeDefinition, Case, CaseAttributeValue, CaseLink } from '../../../../shared/model/cases';
import { getDb } from '../../db/db';

export interface CaseBook {
  /** In list order. */
  cases: Case[];
  /** In column order: as imported, then by name. */
  attributes: AttributeDefinition[];
  values: CaseAttributeValue[];
  links: CaseLink[];
}

export function useCaseBook(projectId: string): CaseBook | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [cases, attributes, values, links] = await Promise.all([
      db.cases.where('projectId').equals(projectId).toArray(),
      db.attributeDefinitions.where('projectId').equals(projectId).toArray(),
      db.caseAttributeValues.where('projectId').equals(projectId).toArray(),
      db.caseLinks.where('projectId').equals(projectId).toArray(),
    ]);
    cases.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
    attributes.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.name.localeCompare(b.name));
    return { cases, attributes, values, links };
  }, [projectId]);
}
