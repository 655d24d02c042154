// Filtering sources by a case attribute: a source matches when some case linked to it (to the
// whole source or to a segment) has the chosen value. Values are compared through a string key
// so a select element can hold them; a missing value is a value too ("No value").
import type { AttributeDefinition, AttributeValue } from '../../../../shared/model/cases';
import { valueIn } from '../../db/caseQueries';
import type { CaseBook } from './useCaseBook';

export const NO_VALUE_KEY = 'null';

export function valueKey(value: AttributeValue | undefined): string {
  return value === undefined || value === null ? NO_VALUE_KEY : JSON.stringify(value);
}

/** A value as the table shows it: "Yes"/"No" for booleans, "" for missing. */
export function displayValue(value: AttributeValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/** Each case's value for one attribute, by case id (missing values absent). */
function valuesOf(book: CaseBook, attributeId: string): Readonly<Record<string, AttributeValue>> {
  return book.values.get(attributeId) ?? {};
}

export interface FilterOption {
  key: string;
  label: string;
  /** Cases with this value. */
  cases: number;
}

/** The values the filter offers for an attribute: those some case has (categories in their order), then "No value". */
export function filterOptions(book: CaseBook, attribute: AttributeDefinition): FilterOption[] {
  const values = valuesOf(book, attribute.id);
  const counts = new Map<string, { value: AttributeValue; cases: number }>();
  let present = 0;
  // Over the cases rather than the stored values: only a listed case's value counts.
  for (const c of book.cases) {
    const value = valueIn(values, c.id);
    if (value === undefined || value === null) continue;
    present++;
    const key = valueKey(value);
    const entry = counts.get(key);
    if (entry) entry.cases++;
    else counts.set(key, { value, cases: 1 });
  }
  const order = attribute.categories ?? [];
  const options = [...counts.entries()]
    .map(([key, { value, cases }]) => ({ key, label: displayValue(value), cases, value }))
    .sort((a, b) => {
      const ia = typeof a.value === 'string' ? order.indexOf(a.value) : -1;
      const ib = typeof b.value === 'string' ? order.indexOf(b.value) : -1;
      if (ia !== -1 || ib !== -1) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
      if (typeof a.value === 'number' && typeof b.value === 'number') return a.value - b.value;
      return a.label.localeCompare(b.label, 'en', { numeric: true });
    })
    .map(({ key, label, cases }) => ({ key, label, cases }));
  const missing = book.cases.length - present;
  if (missing > 0) options.push({ key: NO_VALUE_KEY, label: 'No value', cases: missing });
  return options;
}

/** The ids of the sources linked to a case whose value for the attribute has this key. */
export function sourcesMatching(book: CaseBook, attributeId: string, key: string): Set<string> {
  const values = valuesOf(book, attributeId);
  const sources = new Set<string>();
  for (const c of book.cases) {
    if (valueKey(valueIn(values, c.id)) !== key) continue;
    for (const link of book.linksByCase.get(c.id) ?? []) sources.add(link.sourceId);
  }
  return sources;
}
