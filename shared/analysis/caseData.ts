// The cases of a project as the analyses take them: plain arrays, as a worker reads them or a
// snapshot holds them (no storage, no Dexie). Built once per analysis into a CaseIndex.
import type { AttributeDefinition, AttributeValue, Case, CaseLink } from '../model/cases';

export interface CaseData {
  cases: ReadonlyArray<Pick<Case, 'id' | 'name' | 'order'> & { type?: string }>;
  attributes: ReadonlyArray<Pick<AttributeDefinition, 'id' | 'name' | 'type'> & Partial<Pick<AttributeDefinition, 'order' | 'categories' | 'caseType'>>>;
  /** One entry per case and attribute with a value; a `null` value counts as missing. */
  values: ReadonlyArray<{ caseId: string; attributeId: string; value: AttributeValue }>;
  /** Whole-source links (no start/end) and segment links (UTF-16 start/end, end exclusive). */
  links: ReadonlyArray<Pick<CaseLink, 'caseId' | 'sourceId'> & Partial<Pick<CaseLink, 'id' | 'start' | 'end' | 'order'>>>;
}

export const NO_CASES: CaseData = { cases: [], attributes: [], values: [], links: [] };

/**
 * Each case's values by attribute. The renderer stores values per attribute (`{attributeId,
 * values: {caseId: value}}`): this turns that shape into CaseData's list.
 */
export function valuesFromColumns(columns: Iterable<{ attributeId: string; values: Readonly<Record<string, AttributeValue>> }>): CaseData['values'] {
  const out: Array<{ caseId: string; attributeId: string; value: AttributeValue }> = [];
  for (const { attributeId, values } of columns) {
    for (const caseId of Object.keys(values)) out.push({ caseId, attributeId, value: values[caseId]! });
  }
  return out;
}
