// Case links and attribute values flattened back to one object each, whatever rows hold them
// (schemaV8 keeps a row per source and per attribute), so tests can say what is stored plainly.
import type { AttributeValue, CaseLink } from '../../../shared/model/cases';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { addLinks } from '../../../renderer/src/db/caseRepository';

export async function storedLinks(db: MarginaliaDb): Promise<CaseLink[]> {
  return (await db.caseLinkBlocks.toArray()).flatMap((b) => b.links);
}

export interface StoredValue {
  caseId: string;
  attributeId: string;
  value: AttributeValue;
}

export async function storedValues(db: MarginaliaDb): Promise<StoredValue[]> {
  return (await db.attributeValues.toArray()).flatMap((row) => Object.entries(row.values).map(([caseId, value]) => ({ caseId, attributeId: row.attributeId, value })));
}

/** Stores a link as an operation would (for segment links, which only a split or an import makes). */
export async function storeLink(link: CaseLink): Promise<void> {
  await addLinks([link]);
}
