// The kinds of project record stored one row per record, keyed as change sets key them: reading
// them by key (for conflict checks) and writing a kind's changes. Codings, case values and case
// links are stored otherwise and have their own repositories.
import type { Table } from 'dexie';
import type { EntityChanges } from '../../../shared/model/changeSet';
import { keyOf, type EntityKind, type EntityTypes } from '../../../shared/model/entities';
import { getDb, type MarginaliaDb } from './db';

export type RowKind = Exclude<EntityKind, 'codings' | 'caseValues' | 'caseLinks'>;

const TABLE_OF: Readonly<Record<RowKind, keyof MarginaliaDb>> = {
  projects: 'projects',
  coders: 'coders',
  sources: 'sources',
  sourceTexts: 'sourceTexts',
  sourceOriginals: 'sourceOriginals',
  codes: 'codes',
  codeSets: 'codeSets',
  cases: 'cases',
  attributes: 'attributeDefinitions',
  memos: 'memos',
  savedQueries: 'savedQueries',
};

export function isRowKind(kind: EntityKind): kind is RowKind {
  return kind in TABLE_OF;
}

export function tableOf<K extends RowKind>(kind: K): Table<EntityTypes[K], string> {
  return getDb()[TABLE_OF[kind]] as unknown as Table<EntityTypes[K], string>;
}

/** The tables of every row kind. */
export function rowTables(): Table[] {
  return (Object.keys(TABLE_OF) as RowKind[]).map((kind) => tableOf(kind) as unknown as Table);
}

export async function rowsByKey<K extends RowKind>(kind: K, keys: readonly string[]): Promise<Array<EntityTypes[K] | undefined>> {
  return tableOf(kind).bulkGet([...keys]);
}

/**
 * Which of these keys are stored, from the keys alone: asking whether a source's text exists
 * must not read its text. One walk of a key cursor over the keys' range, not a get per key.
 */
export async function rowKeysStored(kind: RowKind, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  return new Set((await tableOf(kind).where(':id').anyOf([...keys]).primaryKeys()) as string[]);
}

/** Writes one kind's changes: removals first, then updates and additions. */
/**
 * `addOnly`: the changes only add records, each proven new by the caller; they are then added,
 * not put, so that a stored key (a check gone wrong) fails the transaction instead of being
 * overwritten.
 */
export async function applyRowChanges<K extends RowKind>(kind: K, changes: EntityChanges<EntityTypes[K]>, { addOnly = false } = {}): Promise<void> {
  const table = tableOf(kind);
  if (addOnly) {
    if (changes.updated.length + changes.removed.length > 0) throw new Error(`Changes to ${kind} marked as adding only update or remove some.`);
    if (changes.added.length > 0) await table.bulkAdd(changes.added);
    return;
  }
  if (changes.removed.length > 0) await table.bulkDelete(changes.removed.map((r) => keyOf(kind, r)));
  const put = [...changes.updated.map(([, after]) => after), ...changes.added];
  if (put.length > 0) await table.bulkPut(put);
}

/** Every record of a kind in one project. */
export async function rowsOfProject<K extends RowKind>(kind: K, projectId: string): Promise<Array<EntityTypes[K]>> {
  if (kind === 'projects') {
    const project = await tableOf(kind).get(projectId);
    return project ? [project] : [];
  }
  return tableOf(kind).where('projectId').equals(projectId).toArray();
}
