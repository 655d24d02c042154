// A change set: what one step did to a project, per kind of record — added, updated (before and
// after) and removed — the one shape that commits, undo/redo, the history, merges and project
// files all speak (tldraw's RecordsDiff). Pure: no storage, no DOM.
import { ENTITY_KINDS, keyOf, type EntityKind, type EntityTypes } from './entities';
import { recordsEqual } from './recordsEqual';

export interface EntityChanges<T> {
  added: T[];
  /** `[before, after]`: the record as it was and as it becomes; both have the same key. */
  updated: Array<[T, T]>;
  removed: T[];
}

/** What one step changes. A kind with nothing changed may be absent. */
export type ChangeSet = { [K in EntityKind]?: EntityChanges<EntityTypes[K]> };

export function emptyChanges<T>(): EntityChanges<T> {
  return { added: [], updated: [], removed: [] };
}

/** The changes of one kind, empty when the set has none. */
export function changesOf<K extends EntityKind>(set: ChangeSet, kind: K): EntityChanges<EntityTypes[K]> {
  return (set[kind] as EntityChanges<EntityTypes[K]> | undefined) ?? emptyChanges();
}

export function isEmptyChangeSet(set: ChangeSet): boolean {
  return ENTITY_KINDS.every((kind) => {
    const c = set[kind];
    return !c || (c.added.length === 0 && c.updated.length === 0 && c.removed.length === 0);
  });
}

/** How many records a change set touches (added + updated + removed, every kind). */
export function changeCount(set: ChangeSet): number {
  let n = 0;
  for (const kind of ENTITY_KINDS) {
    const c = set[kind];
    if (c) n += c.added.length + c.updated.length + c.removed.length;
  }
  return n;
}

/** The set that undoes `set`: added ⇄ removed, each update turned round. */
export function invertChangeSet(set: ChangeSet): ChangeSet {
  const out: ChangeSet = {};
  for (const kind of ENTITY_KINDS) {
    const c = set[kind];
    if (!c) continue;
    (out as Record<EntityKind, EntityChanges<unknown>>)[kind] = {
      added: [...c.removed],
      updated: c.updated.map(([before, after]) => [after, before] as [unknown, unknown]),
      removed: [...c.added],
    };
  }
  return out;
}

type Net<T> = { kind: 'added'; after: T } | { kind: 'updated'; before: T; after: T } | { kind: 'removed'; before: T };

/**
 * One set with the effect of `first` then `second` (tldraw's squashRecordDiffs): a record added
 * and then removed vanishes, an update of an added record is an addition, two updates are one.
 */
export function composeChangeSets(first: ChangeSet, second: ChangeSet): ChangeSet {
  const out: ChangeSet = {};
  for (const kind of ENTITY_KINDS) {
    const a = first[kind];
    const b = second[kind];
    if (!a && !b) continue;
    const net = new Map<string, Net<EntityTypes[typeof kind]>>();
    const feed = (c: EntityChanges<EntityTypes[typeof kind]> | undefined): void => {
      if (!c) return;
      for (const r of c.removed) {
        const key = keyOf(kind, r);
        const prior = net.get(key);
        if (prior?.kind === 'added') net.delete(key);
        else net.set(key, { kind: 'removed', before: prior?.kind === 'updated' ? prior.before : r });
      }
      for (const [before, after] of c.updated) {
        const key = keyOf(kind, after);
        const prior = net.get(key);
        if (prior?.kind === 'added') net.set(key, { kind: 'added', after });
        else net.set(key, { kind: 'updated', before: prior?.kind === 'updated' ? prior.before : before, after });
      }
      for (const r of c.added) {
        const key = keyOf(kind, r);
        const prior = net.get(key);
        if (prior?.kind === 'removed') net.set(key, { kind: 'updated', before: prior.before, after: r });
        else net.set(key, { kind: 'added', after: r });
      }
    };
    feed(a as EntityChanges<EntityTypes[typeof kind]> | undefined);
    feed(b as EntityChanges<EntityTypes[typeof kind]> | undefined);
    const changes = emptyChanges<EntityTypes[typeof kind]>();
    for (const entry of net.values()) {
      if (entry.kind === 'added') changes.added.push(entry.after);
      else if (entry.kind === 'removed') changes.removed.push(entry.before);
      else if (!recordsEqual(entry.before, entry.after)) changes.updated.push([entry.before, entry.after]);
    }
    if (changes.added.length + changes.updated.length + changes.removed.length > 0) {
      (out as Record<EntityKind, unknown>)[kind] = changes;
    }
  }
  return out;
}

/** Reads the current record of a kind by key, wherever the state lives (memory, a transaction). */
export type RecordLookup = <K extends EntityKind>(kind: K, keys: readonly string[]) => Promise<Array<EntityTypes[K] | undefined>> | Array<EntityTypes[K] | undefined>;

/**
 * Says only whether a record of a kind is stored under each key. An added record needs no more
 * than that, and a store can answer it far more cheaply than reading the record (a coding's quotes
 * are three quarters of its size).
 */
export type PresenceLookup = (kind: EntityKind, keys: readonly string[]) => Promise<boolean[]> | boolean[];

/** Why a change set does not apply to a state; empty when it does. */
export interface Conflict {
  kind: EntityKind;
  key: string;
  reason: 'exists' | 'missing' | 'changed';
}

/**
 * Checks that `set` applies to the state `lookup` reads: every added record is absent, every
 * updated or removed record is there exactly as the set remembers it. A set whose state moved
 * under it (a later edit, another window) must be refused rather than applied half-right.
 * `present`, when given, answers for the added records (by default `lookup` does).
 */
export async function findConflicts(set: ChangeSet, lookup: RecordLookup, present?: PresenceLookup): Promise<Conflict[]> {
  const conflicts: Conflict[] = [];
  const isPresent: PresenceLookup = present ?? (async (kind, keys) => (await lookup(kind, keys)).map((r) => r !== undefined));
  for (const kind of ENTITY_KINDS) {
    const c = set[kind] as EntityChanges<EntityTypes[typeof kind]> | undefined;
    if (!c) continue;
    if (c.added.length > 0) {
      const keys = c.added.map((r) => keyOf(kind, r));
      const stored = await isPresent(kind, keys);
      keys.forEach((key, i) => {
        if (stored[i]) conflicts.push({ kind, key, reason: 'exists' });
      });
    }
    const expected: Array<{ key: string; record: unknown }> = [
      ...c.updated.map(([before]) => ({ key: keyOf(kind, before), record: before as unknown })),
      ...c.removed.map((r) => ({ key: keyOf(kind, r), record: r as unknown })),
    ];
    if (expected.length === 0) continue;
    const current = await lookup(kind, expected.map((e) => e.key));
    expected.forEach(({ key, record }, i) => {
      const now = current[i];
      if (now === undefined) conflicts.push({ kind, key, reason: 'missing' });
      else if (!recordsEqual(now, record)) conflicts.push({ kind, key, reason: 'changed' });
    });
  }
  return conflicts;
}

/** A sentence for a user about why a step cannot be applied. */
export function describeConflicts(conflicts: readonly Conflict[]): string {
  if (conflicts.length === 0) return '';
  const first = conflicts[0]!;
  const what = first.kind.replace(/s$/, '').replace(/([A-Z])/g, ' $1').toLowerCase();
  const why = first.reason === 'exists' ? 'already exists' : first.reason === 'missing' ? 'no longer exists' : 'has changed since';
  const more = conflicts.length > 1 ? ` (and ${conflicts.length - 1} more)` : '';
  return `The project has changed since this step: a ${what} ${why}${more}.`;
}
