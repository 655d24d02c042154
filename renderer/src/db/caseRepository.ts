// Case attribute values and case links as schemaV8 stores them (a row per attribute holding every
// case's value, a row per source holding every link into it), behind named reads and writes so
// operations and hooks never depend on how many rows hold them. The writes run in the caller's
// transaction, which must include caseDataTables().
import type { AttributeValue, CaseAttributeValue, CaseLink } from '../../../shared/model/cases';
import type { EntityChanges } from '../../../shared/model/changeSet';
import type { CaseValue } from '../../../shared/model/entities';
import { getDb, type AttributeValues, type CaseLinkBlock } from './db';

export function caseDataTables() {
  const db = getDb();
  return [db.attributeValues, db.caseLinkBlocks];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The value a case has for an attribute in a row's map, or undefined (also for inherited keys). */
export function valueIn(values: Readonly<Record<string, AttributeValue>> | undefined, caseId: string): AttributeValue | undefined {
  return values && Object.hasOwn(values, caseId) ? values[caseId] : undefined;
}

/** Every attribute's values in the project: attribute id → (case id → value). Missing values are absent. */
export async function valuesOfProject(projectId: string): Promise<Map<string, Record<string, AttributeValue>>> {
  const rows = await getDb().attributeValues.where('projectId').equals(projectId).toArray();
  return new Map(rows.map((r) => [r.attributeId, r.values]));
}

/**
 * Sets values (a null one clears the case's value): each attribute's row is read once and
 * written once, however many cases change.
 */
export async function putValues(projectId: string, values: readonly Pick<CaseAttributeValue, 'caseId' | 'attributeId' | 'value'>[]): Promise<void> {
  if (values.length === 0) return;
  const db = getDb();
  const byAttribute = groupBy(values, (v) => v.attributeId);
  const ids = [...byAttribute.keys()];
  const rows = await db.attributeValues.bulkGet(ids);
  const next: AttributeValues[] = ids.map((attributeId, i) => {
    const row = rows[i] ?? { attributeId, projectId, values: {} };
    for (const v of byAttribute.get(attributeId)!) {
      if (v.value === null) delete row.values[v.caseId];
      else row.values[v.caseId] = v.value;
    }
    return row;
  });
  await db.attributeValues.bulkPut(next);
}

/** Every case link of the project, source by source, each source's links in the order they were made. */
export async function linksOfProject(projectId: string): Promise<CaseLink[]> {
  const blocks = await getDb().caseLinkBlocks.where('projectId').equals(projectId).toArray();
  return blocks.flatMap((b) => b.links);
}

export async function linksOfCase(projectId: string, caseId: string): Promise<CaseLink[]> {
  return (await linksOfProject(projectId)).filter((l) => l.caseId === caseId);
}

export async function linksOfSource(sourceId: string): Promise<CaseLink[]> {
  return (await getDb().caseLinkBlocks.get(sourceId))?.links ?? [];
}

/** Appends links: each source's row is read once and written once. */
export async function addLinks(links: readonly CaseLink[]): Promise<void> {
  if (links.length === 0) return;
  const db = getDb();
  const bySource = groupBy(links, (l) => l.sourceId);
  const ids = [...bySource.keys()];
  const blocks = await db.caseLinkBlocks.bulkGet(ids);
  await db.caseLinkBlocks.bulkPut(
    ids.map((sourceId, i) => {
      const added = bySource.get(sourceId)!;
      const block = blocks[i] ?? { sourceId, projectId: added[0]!.projectId, links: [] };
      block.links.push(...added);
      return block;
    }),
  );
}

export async function deleteCaseDataOfProject(projectId: string): Promise<void> {
  const db = getDb();
  await db.attributeValues.where('projectId').equals(projectId).delete();
  await db.caseLinkBlocks.where('projectId').equals(projectId).delete();
}

// --- Change sets (db/operations/commit.ts): case values and links as one record each. ---

/** Every case value of the project as change sets carry them (one record per case and attribute). */
export async function caseValuesOfProject(projectId: string): Promise<CaseValue[]> {
  const rows = await getDb().attributeValues.where('projectId').equals(projectId).toArray();
  return rows.flatMap((row) => Object.entries(row.values).flatMap(([caseId, value]) => (value === null ? [] : [{ projectId: row.projectId, caseId, attributeId: row.attributeId, value }])));
}

/** Case values by change-set key (case and attribute). */
export async function caseValuesByKey(keys: readonly { caseId: string; attributeId: string }[]): Promise<Array<CaseValue | undefined>> {
  const attributeIds = [...new Set(keys.map((k) => k.attributeId))];
  const rows = await getDb().attributeValues.bulkGet(attributeIds);
  const byId = new Map(rows.flatMap((r) => (r ? [[r.attributeId, r] as const] : [])));
  return keys.map(({ caseId, attributeId }) => {
    const row = byId.get(attributeId);
    const value = valueIn(row?.values, caseId);
    return row && value !== undefined && value !== null ? { projectId: row.projectId, caseId, attributeId, value } : undefined;
  });
}

export async function applyCaseValueChanges(projectId: string, changes: EntityChanges<CaseValue>): Promise<void> {
  await putValues(projectId, [
    ...changes.removed.map((v) => ({ caseId: v.caseId, attributeId: v.attributeId, value: null })),
    ...changes.updated.map(([, v]) => v),
    ...changes.added,
  ]);
}

/** Case links by id, looked for only in the given sources' rows. */
export async function linksById(bySource: ReadonlyMap<string, readonly string[]>): Promise<Map<string, CaseLink>> {
  const blocks = await getDb().caseLinkBlocks.bulkGet([...bySource.keys()]);
  const out = new Map<string, CaseLink>();
  blocks.forEach((block) => {
    if (!block) return;
    const wanted = new Set(bySource.get(block.sourceId));
    for (const link of block.links) if (wanted.has(link.id)) out.set(link.id, link);
  });
  return out;
}

/** Writes link changes: an updated link keeps its place in its source's row, an added one goes last. */
export async function applyCaseLinkChanges(changes: EntityChanges<CaseLink>): Promise<void> {
  const db = getDb();
  const touched = new Set([...changes.added, ...changes.removed, ...changes.updated.flatMap(([b, a]) => [b, a])].map((l) => l.sourceId));
  if (touched.size === 0) return;
  const ids = [...touched];
  const blocks = await db.caseLinkBlocks.bulkGet(ids);
  const removed = new Set(changes.removed.map((l) => l.id));
  const moved = new Map<string, CaseLink>();
  for (const [before, after] of changes.updated) {
    if (before.sourceId === after.sourceId) moved.set(after.id, after);
    else removed.add(before.id);
  }
  const put: CaseLinkBlock[] = [];
  const emptied: string[] = [];
  ids.forEach((sourceId, i) => {
    const block = blocks[i];
    const links = (block?.links ?? []).filter((l) => !removed.has(l.id)).map((l) => moved.get(l.id) ?? l);
    for (const [before, after] of changes.updated) if (before.sourceId !== after.sourceId && after.sourceId === sourceId) links.push(after);
    for (const link of changes.added) if (link.sourceId === sourceId) links.push(link);
    if (links.length === 0) {
      if (block) emptied.push(sourceId);
    } else put.push({ sourceId, projectId: block?.projectId ?? links[0]!.projectId, links });
  });
  await db.caseLinkBlocks.bulkPut(put);
  await db.caseLinkBlocks.bulkDelete(emptied);
}
