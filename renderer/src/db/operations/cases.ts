// Named operations on cases and their attributes: create, rename, merge and delete cases; add
// attributes; set a case's value for an attribute; link a case to a whole source. Each plans a
// change set and commits it through the one door (./commit.ts).
import type { AttributeDefinition, AttributeType, AttributeValue, Case } from '../../../../shared/model/cases';
import { ATTRIBUTE_TYPES } from '../../../../shared/model/cases';
import { toAttributeValue } from '../../../../shared/import/survey/attributeTypes';
import type { CaseValue } from '../../../../shared/model/entities';
import { ChangeSetBuilder } from '../../../../shared/model/changeSetBuilder';
import { getDb } from '../db';
import { caseValuesOfProject, linksOfProject, linksOfSource } from '../caseRepository';
import { commit } from './commit';
import { cleanName } from './names';
import { newId, nowIso } from './now';
import { nextOrder } from '../../../../shared/model/order';
import { caseTypeLabel, normaliseCaseType } from '../../../../shared/model/caseTypes';

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
  return commit(projectId, 'Create a case', async () => {
    if (!(await db.projects.get(projectId))) throw new Error('That project no longer exists.');
    await requireUniqueCaseName(projectId, name);
    const existing = await db.cases.where('projectId').equals(projectId).toArray();
    const created: Case = {
      id: newId(),
      projectId,
      name,
      order: nextOrder(existing),
      createdAt: nowIso(),
    };
    return { changes: new ChangeSetBuilder().add('cases', created).build(), result: created, label: `Create case ${name}` };
  });
}

export async function renameCase(caseId: string, rawName: string): Promise<void> {
  const name = cleanName(rawName, 'case');
  const owner = await caseOrThrow(caseId);
  await commit(owner.projectId, 'Rename a case', async () => {
    const found = await caseOrThrow(caseId);
    if (found.name !== name) await requireUniqueCaseName(found.projectId, name, caseId);
    return { changes: new ChangeSetBuilder().update('cases', found, { ...found, name }).build(), result: undefined, label: `Rename case ${found.name} to ${name}` };
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
  const owner = await caseOrThrow(keepId);
  await commit(owner.projectId, 'Merge cases', async () => {
    const kept = await caseOrThrow(keepId);
    const merged: Case[] = [];
    for (const id of others) {
      const other = await caseOrThrow(id);
      if (other.projectId !== kept.projectId) throw new Error('Cases of different projects cannot be merged.');
      merged.push(other);
    }
    const changes = new ChangeSetBuilder();
    const mergedIds = new Set(others);
    // Links: a link the kept case already has (same source and span) is dropped, not duplicated.
    const linkKey = (l: { sourceId: string; start?: number; end?: number }) => `${l.sourceId}|${l.start ?? ''}|${l.end ?? ''}`;
    const links = await linksOfProject(kept.projectId);
    const keptKeys = new Set(links.filter((l) => l.caseId === keepId).map(linkKey));
    for (const link of links) {
      if (!mergedIds.has(link.caseId)) continue;
      const key = linkKey(link);
      if (keptKeys.has(key)) changes.remove('caseLinks', link);
      else {
        keptKeys.add(key);
        changes.update('caseLinks', link, { ...link, caseId: keepId });
      }
    }
    // Values: in the order the user listed the cases, the first merged case with a value wins;
    // the kept case's own values always win.
    const values = await caseValuesOfProject(kept.projectId);
    const byKey = new Map(values.map((v) => [`${v.caseId}|${v.attributeId}`, v]));
    const filled = new Set(values.filter((v) => v.caseId === keepId).map((v) => v.attributeId));
    for (const id of others) {
      for (const v of values) {
        if (v.caseId !== id) continue;
        changes.remove('caseValues', v);
        if (!filled.has(v.attributeId) && !byKey.has(`${keepId}|${v.attributeId}`)) {
          filled.add(v.attributeId);
          changes.add('caseValues', { ...v, caseId: keepId });
        }
      }
    }
    for (const memo of await db.memos.where('targetId').anyOf(others).toArray()) changes.update('memos', memo, { ...memo, targetId: keepId });
    changes.remove('cases', ...merged);
    return { changes: changes.build(), result: undefined, label: `Merge ${merged.map((c) => c.name).join(', ')} into ${kept.name}` };
  });
}

/** Deletes cases with their links, attribute values and memos. The sources stay. */
export async function deleteCases(caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const db = getDb();
  const first = (await db.cases.bulkGet([...caseIds])).find((c) => c !== undefined);
  if (!first) return;
  await commit(first.projectId, 'Delete cases', async () => {
    const found = (await db.cases.bulkGet([...caseIds])).filter((c): c is Case => c !== undefined && c.projectId === first.projectId);
    const ids = new Set(found.map((c) => c.id));
    const changes = new ChangeSetBuilder()
      .remove('caseLinks', ...(await linksOfProject(first.projectId)).filter((l) => ids.has(l.caseId)))
      .remove('caseValues', ...(await caseValuesOfProject(first.projectId)).filter((v) => ids.has(v.caseId)))
      .remove('memos', ...(await db.memos.where('targetId').anyOf([...ids]).toArray()))
      .remove('cases', ...found);
    return { changes: changes.build(), result: undefined, label: found.length === 1 ? `Delete case ${found[0]!.name}` : `Delete ${found.length} cases` };
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
  return commit(input.projectId, 'Add an attribute', async () => {
    if (!(await db.projects.get(input.projectId))) throw new Error('That project no longer exists.');
    const clash = await db.attributeDefinitions
      .where('projectId')
      .equals(input.projectId)
      .filter((a) => a.name === name)
      .first();
    if (clash) throw new Error(`There is already an attribute named “${name}”.`);
    const all = await db.attributeDefinitions.where('projectId').equals(input.projectId).toArray();
    const order = nextOrder(all);
    const definition: AttributeDefinition = { id: newId(), projectId: input.projectId, name, type: input.type, order };
    if (input.type === 'category') {
      definition.categories = [...new Set((input.categories ?? []).map((c) => c.trim()).filter((c) => c !== ''))];
    }
    return { changes: new ChangeSetBuilder().add('attributes', definition).build(), result: definition, label: `Add attribute ${name}` };
  });
}

/** Deletes an attribute and every case's value for it. */
export async function deleteAttribute(attributeId: string): Promise<void> {
  const db = getDb();
  const found = await db.attributeDefinitions.get(attributeId);
  if (!found) return;
  await commit(found.projectId, 'Delete an attribute', async () => {
    const definition = await db.attributeDefinitions.get(attributeId);
    if (!definition) return { changes: {}, result: undefined };
    const values = (await caseValuesOfProject(definition.projectId)).filter((v) => v.attributeId === attributeId);
    return { changes: new ChangeSetBuilder().remove('caseValues', ...values).remove('attributes', definition).build(), result: undefined, label: `Delete attribute ${definition.name}` };
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
  const found = await caseOrThrow(caseId);
  return commit(found.projectId, 'Set a value', async () => {
    const owner = await caseOrThrow(caseId);
    const definition = await db.attributeDefinitions.get(attributeId);
    if (!definition || definition.projectId !== owner.projectId) throw new Error('That attribute no longer exists.');
    const converted = toAttributeValue(typed, definition.type);
    if (!converted.ok) throw new Error(`“${typed.trim()}” is not a value for “${definition.name}”: enter ${TYPE_WORDS[definition.type]}.`);
    const value = converted.value;
    const changes = new ChangeSetBuilder();
    if (definition.type === 'category' && typeof value === 'string' && !(definition.categories ?? []).includes(value)) {
      changes.update('attributes', definition, { ...definition, categories: [...(definition.categories ?? []), value] });
    }
    const row = (await db.attributeValues.get(attributeId))?.values;
    const old = row && Object.hasOwn(row, caseId) ? row[caseId] : null;
    const before: CaseValue | undefined = old === null || old === undefined ? undefined : { projectId: owner.projectId, caseId, attributeId, value: old };
    const after: CaseValue | undefined = value === null ? undefined : { projectId: owner.projectId, caseId, attributeId, value };
    if (before && after) changes.update('caseValues', before, after);
    else if (before) changes.remove('caseValues', before);
    else if (after) changes.add('caseValues', after);
    return { changes: changes.build(), result: value, label: `Set ${definition.name} of ${owner.name}` };
  });
}

/** Says that a case covers a whole source (an interview with one respondent, say). */
export async function linkCaseToSource(caseId: string, sourceId: string): Promise<void> {
  const db = getDb();
  const found = await caseOrThrow(caseId);
  await commit(found.projectId, 'Link a case', async () => {
    const owner = await caseOrThrow(caseId);
    const source = await db.sources.get(sourceId);
    if (!source || source.projectId !== owner.projectId) throw new Error('That source no longer exists.');
    if ((await linksOfSource(sourceId)).some((l) => l.caseId === caseId && l.start === undefined)) return { changes: {}, result: undefined };
    return {
      changes: new ChangeSetBuilder().add('caseLinks', { id: newId(), projectId: owner.projectId, caseId, sourceId }).build(),
      result: undefined,
      label: `Link case ${owner.name} to ${source.name}`,
    };
  });
}

/** Removes one link (a whole source or a segment of `sourceId`) from its case. */
export async function unlinkCase(sourceId: string, linkId: string): Promise<void> {
  const link = (await linksOfSource(sourceId)).find((l) => l.id === linkId);
  if (!link) return;
  await commit(link.projectId, 'Unlink a case', async () => {
    const current = (await linksOfSource(sourceId)).find((l) => l.id === linkId);
    const owner = current ? await getDb().cases.get(current.caseId) : undefined;
    return { changes: current ? new ChangeSetBuilder().remove('caseLinks', current).build() : {}, result: undefined, label: `Unlink case ${owner?.name ?? ''}`.trim() };
  });
}

/**
 * Sets the type of some cases ("commenter", "respondent", or the user's own; blank: untyped), as
 * one step. Types are normalised (caseTypes.ts) so "Respondent" typed by hand is the built-in one.
 */
export async function setCaseType(caseIds: readonly string[], rawType: string): Promise<void> {
  if (caseIds.length === 0) return;
  const type = normaliseCaseType(rawType);
  const first = await caseOrThrow(caseIds[0]!);
  await commit(first.projectId, 'Set case type', async () => {
    const found = (await getDb().cases.bulkGet([...caseIds])).filter((c): c is Case => c !== undefined);
    if (found.length === 0) throw new Error('Those cases no longer exist.');
    const changes = new ChangeSetBuilder();
    for (const c of found) {
      if (c.type === type) continue;
      const { type: _old, ...rest } = c;
      changes.update('cases', c, type === undefined ? rest : { ...rest, type });
    }
    const what = found.length === 1 ? `case ${found[0]!.name}` : `${found.length} cases`;
    return { changes: changes.build(), result: undefined, label: `Set the type of ${what} to ${caseTypeLabel(type)}` };
  });
}

/** Says which case type an attribute describes (blank: every type), so tables and filters of one type show it alone. */
export async function setAttributeCaseType(attributeId: string, rawType: string): Promise<void> {
  const type = normaliseCaseType(rawType);
  const found = await getDb().attributeDefinitions.get(attributeId);
  if (!found) throw new Error('That attribute no longer exists.');
  await commit(found.projectId, 'Set attribute case type', async () => {
    const current = await getDb().attributeDefinitions.get(attributeId);
    if (!current) throw new Error('That attribute no longer exists.');
    const { caseType: _old, ...rest } = current;
    const next: AttributeDefinition = type === undefined ? rest : { ...rest, caseType: type };
    return {
      changes: new ChangeSetBuilder().update('attributes', current, next).build(),
      result: undefined,
      label: `Attribute ${current.name} describes ${type === undefined ? 'every case type' : caseTypeLabel(type)}`,
    };
  });
}
