// A change set against the stored project, through the repositories: reading the records it
// expects (for conflict checks) and writing it. Knows which repository keeps which kind; knows
// nothing of history or transactions (db/operations/commit.ts owns those).
import type { Table } from 'dexie';
import { changesOf, findConflicts, type ChangeSet, type Conflict, type EntityChanges, type PresenceLookup, type RecordLookup } from '../../../shared/model/changeSet';
import { ENTITY_KINDS, type EntityKind, type EntityTypes } from '../../../shared/model/entities';
import { recordsEqual } from '../../../shared/model/recordsEqual';
import type { Coding, Project } from '../../../shared/model/types';
import type { CaseLink } from '../../../shared/model/cases';
import { getDb } from './db';
import { applyCodingChanges, codingsByIdInSources, codingTables, newCodingReads, storedCodingIds, type CodingReads } from './codingsRepository';
import { applyCaseLinkChanges, applyCaseValueChanges, caseDataTables, caseValuesByKey, linksById } from './caseRepository';
import { applyRowChanges, isRowKind, rowKeysStored, rowsByKey, rowTables } from './recordsRepository';

/** Every table that holds project data, plus the history: what a commit's transaction spans. */
export function projectTables(): Table[] {
  const db = getDb();
  return [...rowTables(), ...codingTables(), ...caseDataTables(), db.history, db.settings];
}

/** Ids of records of a kind that live in sources (codings, links), by source. */
function bySourceOf<T extends { id: string; sourceId: string }>(records: Iterable<T>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of records) {
    const list = out.get(r.sourceId);
    if (list) list.push(r.id);
    else out.set(r.sourceId, [r.id]);
  }
  return out;
}

/** The records a kind's changes expect to find stored: what updates and removals start from. */
function expectedOf<T>(changes: EntityChanges<T>): T[] {
  return [...changes.updated.map(([before]) => before), ...changes.removed];
}

const splitValueKey = (k: string) => {
  const [caseId, attributeId] = k.split('\u0000') as [string, string];
  return { caseId, attributeId };
};

/**
 * Why `set` does not apply to the stored project; empty when it does. The project record's
 * `updatedAt` is left out of the comparison: every commit stamps it, so a step remembers the
 * project as it was apart from that stamp. Added records are only looked for, never read
 * (a coding's id, not its quotes; a source text's key, not its text).
 */
export async function conflictsWithStore(set: ChangeSet, reads: CodingReads = newCodingReads()): Promise<Conflict[]> {
  const { projects, ...rest } = set;
  const codings = changesOf(set, 'codings');
  const links = changesOf(set, 'caseLinks');
  // Codings: the stored copies of those updated or removed, and which added ids are stored, each
  // read once for the whole set.
  const expectedCodings = expectedOf(codings);
  const codingsFound = await codingsByIdInSources(bySourceOf(expectedCodings), reads, new Map(expectedCodings.map((c) => [c.id, c])));
  const codingsPresent = await storedCodingIds(bySourceOf(codings.added), reads);
  const lookup: RecordLookup = async <K extends EntityKind>(kind: K, keys: readonly string[]): Promise<Array<EntityTypes[K] | undefined>> => {
    if (kind === 'codings') return keys.map((k) => codingsFound.get(k)) as Array<EntityTypes[K] | undefined>;
    if (kind === 'caseLinks') {
      const found = await linksById(bySourceOf(expectedOf(links)));
      return keys.map((k) => found.get(k)) as Array<EntityTypes[K] | undefined>;
    }
    if (kind === 'caseValues') return (await caseValuesByKey(keys.map(splitValueKey))) as Array<EntityTypes[K] | undefined>;
    if (isRowKind(kind)) return rowsByKey(kind, keys) as Promise<Array<EntityTypes[K] | undefined>>;
    throw new Error(`No store for ${kind}.`);
  };
  const present: PresenceLookup = async (kind, keys) => {
    if (kind === 'codings') return keys.map((k) => codingsPresent.has(k));
    if (kind === 'caseLinks') {
      const found = await linksById(bySourceOf(links.added));
      return keys.map((k) => found.has(k));
    }
    if (kind === 'caseValues') return (await caseValuesByKey(keys.map(splitValueKey))).map((v) => v !== undefined);
    if (isRowKind(kind)) {
      const stored = await rowKeysStored(kind, keys);
      return keys.map((k) => stored.has(k));
    }
    throw new Error(`No store for ${kind}.`);
  };
  const conflicts = await findConflicts(rest, lookup, present);
  if (projects) {
    const unstamped = (p: Project | undefined) => (p ? { ...p, updatedAt: '' } : undefined);
    const expected = [
      ...projects.added.map((p) => ({ key: p.id, record: undefined })),
      ...projects.updated.map(([before]) => ({ key: before.id, record: before })),
      ...projects.removed.map((p) => ({ key: p.id, record: p })),
    ];
    const current = await rowsByKey('projects', expected.map((e) => e.key));
    expected.forEach(({ key, record }, i) => {
      const now = current[i];
      if (record === undefined) {
        if (now) conflicts.unshift({ kind: 'projects', key, reason: 'exists' });
      } else if (!now) conflicts.unshift({ kind: 'projects', key, reason: 'missing' });
      else if (!recordsEqual(unstamped(now), unstamped(record))) conflicts.unshift({ kind: 'projects', key, reason: 'changed' });
    });
  }
  return conflicts;
}

/**
 * Writes `set` through the repositories. The caller has checked conflicts, in the same
 * transaction, with the same `reads` (so each source's codings are read once, not twice).
 * `concurrently`: the set only adds records, each proven new by the caller (see below).
 */
export async function writeChangeSet(projectId: string, set: ChangeSet, reads: CodingReads = newCodingReads(), { concurrently = false } = {}): Promise<void> {
  // Sources this set creates (the conflict check, or the caller's own, proved them absent).
  const newSources = new Set(set.sources?.added.map((s) => s.id));
  const apply = async (kind: EntityKind): Promise<void> => {
    const changes = set[kind];
    if (!changes) return;
    if (kind === 'codings') await applyCodingChanges(changes as EntityChanges<Coding>, reads, newSources, { addOnly: concurrently });
    else if (kind === 'caseLinks') await applyCaseLinkChanges(changes as EntityChanges<CaseLink>);
    else if (kind === 'caseValues') await applyCaseValueChanges(projectId, changesOf(set, 'caseValues'));
    else if (isRowKind(kind)) await applyRowChanges(kind, changes as EntityChanges<EntityTypes[typeof kind]>, { addOnly: concurrently });
  };
  // Each kind is written to tables of its own. A set that only adds records proven new (a project
  // file opened as a new project) writes them all at once: the database stores the texts while
  // this thread packs the codings, instead of each kind waiting for the one before. Its records
  // are added, not put: a key already stored fails the commit rather than being overwritten.
  if (concurrently) await Promise.all(ENTITY_KINDS.map(apply));
  else for (const kind of ENTITY_KINDS) await apply(kind);
}
