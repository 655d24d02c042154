// Live reads of a project's cases, attribute definitions, values and links, in one query so the
// panel renders once per change rather than once per table. The book is indexed once per change
// (values by attribute, links by case), so nothing that renders it walks every case or link.
import { useLiveQuery } from 'dexie-react-hooks';
import type { AttributeDefinition, AttributeValue, Case, CaseLink } from '../../../../shared/model/cases';
import { readCaseRows, valueIn } from '../../db/caseQueries';

export interface CaseBook {
  /** In list order. */
  cases: Case[];
  /** In column order: as imported, then by name. */
  attributes: AttributeDefinition[];
  /** Attribute id → (case id → value); a missing value is absent. */
  values: ReadonlyMap<string, Readonly<Record<string, AttributeValue>>>;
  links: CaseLink[];
  /** Each case's links, by case id (a case without links is absent). */
  linksByCase: ReadonlyMap<string, CaseLink[]>;
}

/** A case's value for an attribute, or undefined when it has none. */
export function caseValue(book: CaseBook, caseId: string, attributeId: string): AttributeValue | undefined {
  return valueIn(book.values.get(attributeId), caseId);
}

export async function loadCaseBook(projectId: string): Promise<CaseBook> {
  const { cases, attributes, values, links } = await readCaseRows(projectId);
  cases.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  attributes.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.name.localeCompare(b.name));
  const linksByCase = new Map<string, CaseLink[]>();
  for (const link of links) {
    const list = linksByCase.get(link.caseId);
    if (list) list.push(link);
    else linksByCase.set(link.caseId, [link]);
  }
  return { cases, attributes, values, links, linksByCase };
}

export function useCaseBook(projectId: string): CaseBook | undefined {
  return useLiveQuery(() => loadCaseBook(projectId), [projectId]);
}
