// Live reads for the analysis filter bar: what a filter can name (cases, their types, attributes,
// sources, coders), read in one query so the bar renders once per change.
import { useLiveQuery } from 'dexie-react-hooks';
import type { AttributeDefinition, Case } from '../../../shared/model/cases';
import type { Source } from '../../../shared/model/types';
import type { Coder } from '../../../shared/model/coder';
import { getDb } from './db';

export interface FilterChoices {
  cases: Case[];
  attributes: AttributeDefinition[];
  sources: Source[];
  coders: Coder[];
}

/** What a filter can name in a project, each list in the order the filter bar shows it. */
export async function readFilterChoices(projectId: string): Promise<FilterChoices> {
  const db = getDb();
  const [cases, attributes, sources, coders] = await Promise.all([
    db.cases.where('projectId').equals(projectId).toArray(),
    db.attributeDefinitions.where('projectId').equals(projectId).toArray(),
    db.sources.where('projectId').equals(projectId).toArray(),
    db.coders.where('projectId').equals(projectId).toArray(),
  ]);
  cases.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  attributes.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.name.localeCompare(b.name));
  sources.sort((a, b) => a.order - b.order);
  coders.sort((a, b) => a.name.localeCompare(b.name));
  return { cases, attributes, sources, coders };
}

export function useFilterChoices(projectId: string): FilterChoices | undefined {
  return useLiveQuery(() => readFilterChoices(projectId), [projectId]);
}
