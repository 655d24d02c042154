// Named operations on cases and their attributes: create, rename, merge and delete cases; add
// attributes; set a case's value for an attribute; link a case to a whole source. Each is one
// Dexie transaction.
import type { AttributeDefinition, AttributeType, AttributeValue, Case } from '../../../../shared/model/cases';
import { ATTRIBUTE_TYPES } from '../../../../shared/model/cases';
import { toAttributeValue } from '../../../../shared/import/survey/attributeTypes';
import { getDb } from '../db';
import {
  caseDataTables,
  deleteLinks,
  deleteLinksOfCases,
  deleteValuesOfAttribute,
  deleteValuesOfCases,
  linksOfSource,
  mergeLinksOfCases,
  mergeValuesOfCases,
  putValues,
  addLinks,
} from '../caseRepository';
import { cleanName } from './names';
import { newId, nowIso } from './now';

async function caseOrThrow(caseId: string): Promise<Case> {
  const found = await getDb().cases.get(caseId);
  if (!found) throw new Error('That case no longer exists.');
  return found;
}

async function requireUniqueCaseName(projectId: string, name: string, except?: string): Promise<void> {
  const clash = await getDb()
    .cases.where('projectId')
    .equals(projectId)
    .filter((c) => c.id !== except && c.name === name)
    .first();
  if (clash) throw new Error(`There is already a case named “${name}”.`);
}

export async function createCase(projectId: string, rawName: string): Promise<Case> {
  const name = cleanName(rawName, 'case');
  const db = getDb();
  return db.transaction('rw', [db.projects, db.cases], async () => {
    if (!(await db.projects.get(projectId))) throw new Error('That project no longer exists.');
    await requireUniqueCaseName(projectId, name);
    const existing = await db.cases.where('projectId').equals(projectId).toArray();
    const created: Case = {
      id: newId(),
      projectId,
      name,
      order: existing.reduce((max, c) => Math.max(max, c.order), 0) + 1,
      createdAt: nowIso(),
    };
    await db.cases.add(created);
    return created;
  });
}

export async function renameCase(caseId: string, rawName: string): Promise<void> {
  const name = cleanName(rawName, 'case');
  const db = getDb();
  await db.transaction('rw', [db.cases], async () => {
    const found = await caseOrThrow(caseId);
    if (found.name === name) return;
    await requireUniqueCaseName(found.projectId, name, caseId);
    await db.cases.update(caseId, { name });
  });
}

/**
 * Merges cases into one (`keepId`): the others' links move to it (a link it already has is not
 * duplicated), their attribute values fill the kept case's blanks (its own values win), memos
 * on them move to it, and the others are deleted.
 */
export async function mergeCases(keepId: string, mergedIds: readonly string[]): Promise<void> {
  const others = [...new Set(mergedIds)].filter((id) => id !== keepId);
  if (others.length === 0) return;
  const db = getDb();
  await db.transaction('rw', [db.cases, ...caseDataTables(), db.memos], async () => {
    const kept = await caseOrThrow(keepId);
    for (const id of others) {
      const other = await caseOrThrow(id);
      if (other.projectId !== kept.projectId) throw new Error('Cases of different projects cannot be merged.');
    }
    await mergeLinksOfCases(kept.projectId, keepId, others);
    // In the order the user listed the cases: the first merged case with a value wins.
    await mergeValuesOfCases(kept.projectId, keepId, others);
    await db.memos.where('targetId').anyOf(others).modify({ targetId: keepId });
    await db.cases.bulkDelete(others);
  });
}

/** Deletes cases with their links, attribute values and memos. The sources stay. */
export async function deleteCases(caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const db = getDb();
  await db.transaction('rw', [db.cases, ...caseDataTables(), db.memos], async () => {
    const ids = [...caseIds];
    const projectIds = new Set((await db.cases.bulkGet(ids)).flatMap((c) => (c ? [c.projectId] : [])));
    for (const projectId of projectIds) {
      await deleteLinksOfCases(projectId, ids);
      await deleteValuesOfCases(projectId, ids);
    }
    await db.memos.where('targetId').anyOf(ids).delete();
    await db.cases.bulkDelete(ids);
  });
}

export interface NewAttribute {
  projectId: string;
  name: string;
  type: AttributeType;
  /** For 'category': the allowed values in display order. */
  categories?: string[];
}

export async function createAttribute(input: NewAttribute): Promise<AttributeDefinition> {
  const name = cleanName(input.name, 'attribute');
  if (!ATTRIBUTE_TYPES.includes(input.type)) throw new Error(`“${String(input.type)}” is not an attribute type.`);
  const db = getDb();
  return db.transaction('rw', [db.projects, db.attributeDefinitions], async () => {
    if (!(await db.projects.get(input.projectId))) throw new Error('That project no longer exists.');
    const clash = await db.attributeDefinitions
      .where('projectId')
      .equals(input.projectId)
      .filter((a) => a.name === name)
      .first();
    if (clash) throw new Error(`There is already an attribute named “${name}”.`);
    const all = await db.attributeDefinitions.where('projectId').equals(input.projectId).toArray();
    const order = all.reduce((max, a) => Math.max(max, a.order ?? 0), 0) + 1;
    const definition: AttributeDefinition = { id: newId(), projectId: input.projectId, name, type: input.type, order };
    if (input.type === 'category') {
      definition.categories = [...new Set((input.categories ?? []).map((c) => c.trim()).filter((c) => c !== ''))];
    }
    await db.attributeDefinitions.add(definition);
    return definition;
  });
}

/** Deletes an attribute and every case's value for it. */
export async function deleteAttribute(attributeId: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [db.attributeDefinitions, ...caseDataTables()], async () => {
    await deleteValuesOfAttribute(attributeId);
    await db.attributeDefinitions.delete(attributeId);
  });
}

const TYPE_WORDS: Readonly<Record<AttributeType, string>> = {
  text: 'text',
  number: 'a number, such as 42 or 3.5',
  date: 'a date written as YYYY-MM-DD',
  boolean: 'yes or no',
  category: 'one of the categories',
};

/**
 * Sets a case's value for an attribute from what the user typed. Blank clears it (missing). The
 * text must fit the attribute's type; a new category value is added to the attribute's list.
 */
export async function setAttributeValue(caseId: string, attributeId: string, typed: string): Promise<AttributeValue> {
  const db = getDb();
  return db.transaction('rw', [db.cases, db.attributeDefinitions, ...caseDataTables()], async () => {
    const owner = await caseOrThrow(caseId);
    const definition = await db.attributeDefinitions.get(attributeId);
    if (!definition || definition.projectId !== owner.projectId) throw new Error('That attribute no longer exists.');
    const converted = toAttributeValue(typed, definition.type);
    if (!converted.ok) throw new Error(`“${typed.trim()}” is not a value for “${definition.name}”: enter ${TYPE_WORDS[definition.type]}.`);
    const value = converted.value;
    if (definition.type === 'category' && typeof value === 'string' && !(definition.categories ?? []).includes(value)) {
      await db.attributeDefinitions.update(attributeId, { categories: [...(definition.categories ?? []), value] });
    }
    await putValues(owner.projectId, [{ caseId, attributeId, value }]);
    return value;
  });
}

/** Says that a case covers a whole source (an interview with one respondent, say). */
export async function linkCaseToSource(caseId: string, sourceId: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [db.cases, db.sources, ...caseDataTables()], async () => {
    const owner = await caseOrThrow(caseId);
    const source = await db.sources.get(sourceId);
    if (!source || source.projectId !== owner.projectId) throw new Error('That source no longer exists.');
    if ((await linksOfSource(sourceId)).some((l) => l.caseId === caseId && l.start === undefined)) return;
    await addLinks([{ id: newId(), projectId: owner.projectId, caseId, sourceId }]);
  });
}

/** Removes one link (a whole source or a segment of `sourceId`) from its case. */
export async function unlinkCase(sourceId: string, linkId: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', caseDataTables(), () => deleteLinks(sourceId, [linkId]));
}
