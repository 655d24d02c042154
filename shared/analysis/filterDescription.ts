// The active filter in words, for the line above an analysis and a saved filter's tooltip:
// "Cases: region = Kanto, age 20–30; coder: Aiko". Kinds are apart by "; ", alternatives of one
// kind joined by "or", conditions on one case by ", " (see filter.ts for what each means).
import { caseTypeLabel } from '../model/caseTypes';
import type { AnalysisFilter, AttributeCondition } from './filter';
import { isEmptyFilter } from './filter';

export interface FilterVocabulary {
  cases: ReadonlyArray<{ id: string; name: string }>;
  attributes: ReadonlyArray<{ id: string; name: string }>;
  sources: ReadonlyArray<{ id: string; name: string }>;
  coders: ReadonlyArray<{ id: string; name: string }>;
}

const or = (items: readonly string[]): string => items.join(' or ');

function nameIn(list: ReadonlyArray<{ id: string; name: string }>): (id: string) => string {
  const byId = new Map(list.map((x) => [x.id, x.name]));
  // An id that no longer names anything (a deleted case) still shows, marked, rather than vanishing.
  return (id) => byId.get(id) ?? `(deleted ${id.slice(0, 8)})`;
}

function describeCondition(condition: AttributeCondition, attribute: string): string {
  const shown = (v: string | number | boolean): string => (typeof v === 'boolean' ? (v ? 'Yes' : 'No') : String(v));
  switch (condition.op) {
    case 'equals':
      return `${attribute} = ${shown(condition.value)}`;
    case 'in':
      return `${attribute} = ${or(condition.values.map(shown))}`;
    case 'range':
      if (condition.min !== undefined && condition.max !== undefined) return `${attribute} ${condition.min}–${condition.max}`;
      if (condition.min !== undefined) return `${attribute} ≥ ${condition.min}`;
      if (condition.max !== undefined) return `${attribute} ≤ ${condition.max}`;
      return `${attribute} any number`;
    case 'date': {
      const parts = [condition.after !== undefined ? `after ${condition.after}` : '', condition.before !== undefined ? `before ${condition.before}` : ''].filter(Boolean);
      return `${attribute} ${parts.length ? parts.join(' and ') : 'any date'}`;
    }
  }
}

export function describeFilter(filter: AnalysisFilter, names: FilterVocabulary): string {
  if (isEmptyFilter(filter)) return 'All codings';
  const parts: string[] = [];
  const casePart: string[] = [];
  if (filter.caseIds?.length) casePart.push(or(filter.caseIds.map(nameIn(names.cases))));
  if (filter.caseTypes?.length) casePart.push(`type ${or(filter.caseTypes.map(caseTypeLabel))}`);
  const attribute = nameIn(names.attributes);
  for (const condition of filter.attributes ?? []) casePart.push(describeCondition(condition, attribute(condition.attributeId)));
  if (casePart.length) parts.push(`Cases: ${casePart.join(', ')}`);
  if (filter.sourceIds?.length) parts.push(`source: ${or(filter.sourceIds.map(nameIn(names.sources)))}`);
  for (const set of filter.sourceSets ?? []) parts.push(`source set: ${set.name}`);
  if (filter.coders?.length) parts.push(`coder: ${or(filter.coders.map(nameIn(names.coders)))}`);
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
