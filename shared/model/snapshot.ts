// A whole project as plain data, read at one moment: what a .qdpx file, a backup, an export and
// a merge start from. Also the pure operations on it that need no storage: applying a change
// set, and the change set that turns one snapshot into another (the basis of merging).
import { emptyChanges, type ChangeSet, type EntityChanges } from './changeSet';
import { ENTITY_KINDS, keyOf, type EntityKind, type EntityTypes } from './entities';
import { recordsEqual } from './recordsEqual';

/**
 * Every record of one project. `project` is the one project record; every other list holds
 * records of that project only. Lists are in no guaranteed order except where a field orders
 * them (`order` on sources, codes and cases).
 */
export interface ProjectSnapshot {
  project: EntityTypes['projects'];
  coders: Array<EntityTypes['coders']>;
  sources: Array<EntityTypes['sources']>;
  sourceTexts: Array<EntityTypes['sourceTexts']>;
  /**
   * The sources' original files, where they have one. Absent when the reader left them out:
   * views, exports, analyses and merges read projects without them (they can be hundreds of
   * megabytes); saving a project file and backups read them.
   */
  sourceOriginals?: Array<EntityTypes['sourceOriginals']>;
  codes: Array<EntityTypes['codes']>;
  codeSets: Array<EntityTypes['codeSets']>;
  cases: Array<EntityTypes['cases']>;
  attributes: Array<EntityTypes['attributes']>;
  caseValues: Array<EntityTypes['caseValues']>;
  caseLinks: Array<EntityTypes['caseLinks']>;
  codings: Array<EntityTypes['codings']>;
  memos: Array<EntityTypes['memos']>;
  savedQueries: Array<EntityTypes['savedQueries']>;
}

/** The records of a snapshot by kind and key, for lookups and applying changes. */
export type ProjectState = { [K in EntityKind]: Map<string, EntityTypes[K]> };

export function recordsOf<K extends EntityKind>(snapshot: ProjectSnapshot, kind: K): Array<EntityTypes[K]> {
  if (kind === 'projects') return [snapshot.project] as Array<EntityTypes[K]>;
  return (snapshot[kind as Exclude<EntityKind, 'projects'>] ?? []) as Array<EntityTypes[K]>;
}

export function stateOf(snapshot: ProjectSnapshot): ProjectState {
  const state = {} as Record<EntityKind, Map<string, unknown>>;
  for (const kind of ENTITY_KINDS) {
    state[kind] = new Map(recordsOf(snapshot, kind).map((r) => [keyOf(kind, r), r]));
  }
  return state as ProjectState;
}

export function snapshotOf(state: ProjectState): ProjectSnapshot {
  const projects = [...state.projects.values()];
  if (projects.length !== 1) throw new Error(`A project snapshot holds exactly one project, not ${projects.length}.`);
  const out = { project: projects[0]! } as ProjectSnapshot;
  for (const kind of ENTITY_KINDS) {
    if (kind === 'projects') continue;
    // Optional, so absent when there are none: a project without originals reads as it always did.
    if (kind === 'sourceOriginals' && state[kind].size === 0) continue;
    (out as unknown as Record<string, unknown[]>)[kind] = [...state[kind].values()];
  }
  return out;
}

/**
 * Applies a change set to an in-memory state, in place. The caller checks conflicts first
 * (`findConflicts` with `lookupIn(state)`); this only writes.
 */
export function applyToState(state: ProjectState, set: ChangeSet): void {
  for (const kind of ENTITY_KINDS) {
    const c = set[kind];
    if (!c) continue;
    const map = state[kind] as Map<string, unknown>;
    for (const r of c.removed) map.delete(keyOf(kind, r as never));
    for (const [, after] of c.updated) map.set(keyOf(kind, after as never), after);
    for (const r of c.added) map.set(keyOf(kind, r as never), r);
  }
}

/** A lookup over an in-memory state, for `findConflicts`. */
export function lookupIn(state: ProjectState) {
  return <K extends EntityKind>(kind: K, keys: readonly string[]): Array<EntityTypes[K] | undefined> =>
    keys.map((key) => state[kind].get(key) as EntityTypes[K] | undefined);
}

/** The change set that turns `from` into `to`: records only in `to` are added, only in `from` removed. */
export function diffSnapshots(from: ProjectSnapshot, to: ProjectSnapshot): ChangeSet {
  const out: ChangeSet = {};
  for (const kind of ENTITY_KINDS) {
    const before = new Map(recordsOf(from, kind).map((r) => [keyOf(kind, r), r]));
    const changes: EntityChanges<EntityTypes[typeof kind]> = emptyChanges();
    for (const r of recordsOf(to, kind)) {
      const key = keyOf(kind, r);
      const old = before.get(key);
      if (old === undefined) changes.added.push(r);
      else {
        before.delete(key);
        if (!recordsEqual(old, r)) changes.updated.push([old, r]);
      }
    }
    changes.removed.push(...before.values());
    if (changes.added.length + changes.updated.length + changes.removed.length > 0) {
      (out as Record<EntityKind, unknown>)[kind] = changes;
    }
  }
  return out;
}

/** An empty project's snapshot, for building projects in tests and imports. */
export function emptySnapshot(project: EntityTypes['projects']): ProjectSnapshot {
  return {
    project,
    coders: [],
    sources: [],
    sourceTexts: [],
    codes: [],
    codeSets: [],
    cases: [],
    attributes: [],
    caseValues: [],
    caseLinks: [],
    codings: [],
    memos: [],
    savedQueries: [],
  };
}
