// The state one merge plan is built in: both snapshots, the change set growing, the report, the
// id maps (their id → our id) each kind's rules fill in and later kinds read, and fresh ids for
// records whose id is already taken here by something else.
import { emptyChanges, type ChangeSet, type EntityChanges } from '../model/changeSet';
import { keyOf, type EntityKind, type EntityTypes } from '../model/entities';
import type { ProjectSnapshot } from '../model/snapshot';
import { emptyReport, MERGE_KINDS, type MergeKind, type MergeReport } from './mergeReport';

export interface MergeOptions {
  /**
   * Makes a fresh id (a UUID in the app: `crypto.randomUUID`, which shared/ cannot call). Used
   * only when one of their records must be added but its id is taken here by another record.
   */
  newId: () => string;
  /**
   * Called after each kind of record with the share of the plan done (0–1) and what was just
   * merged, so a worker can drive a progress bar (the plan itself is synchronous).
   */
  onProgress?: (fraction: number, step: string) => void;
}

export interface MergeContext {
  ours: ProjectSnapshot;
  theirs: ProjectSnapshot;
  projectId: string;
  changes: ChangeSet;
  report: MergeReport;
  /** Their key → our key, per kind, for matched and added records alike. */
  ids: Record<MergeKind, Map<string, string>>;
  /** Keys in use here per kind (ours plus those added so far). */
  taken: Record<EntityKind, Set<string>>;
  newId: () => string;
}

export function createContext(ours: ProjectSnapshot, theirs: ProjectSnapshot, options: MergeOptions): MergeContext {
  const taken = {} as Record<EntityKind, Set<string>>;
  for (const kind of ['coders', 'sources', 'sourceTexts', 'codes', 'codeSets', 'cases', 'attributes', 'caseValues', 'caseLinks', 'codings', 'memos', 'savedQueries', 'projects'] as const) {
    const records = kind === 'projects' ? [ours.project] : (ours[kind] as Array<EntityTypes[typeof kind]>);
    taken[kind] = new Set(records.map((r) => keyOf(kind, r as never)));
  }
  const ids = {} as Record<MergeKind, Map<string, string>>;
  for (const kind of MERGE_KINDS) ids[kind] = new Map();
  return { ours, theirs, projectId: ours.project.id, changes: {}, report: emptyReport(), ids, taken, newId: options.newId };
}

export function changes<K extends EntityKind>(ctx: MergeContext, kind: K): EntityChanges<EntityTypes[K]> {
  let c = ctx.changes[kind] as EntityChanges<EntityTypes[K]> | undefined;
  if (!c) {
    c = emptyChanges<EntityTypes[K]>();
    (ctx.changes as Record<EntityKind, unknown>)[kind] = c;
  }
  return c;
}

/** Their id when it is free here, else a fresh one; the id is marked taken. */
export function claimId(ctx: MergeContext, kind: EntityKind, theirId: string): string {
  let id = theirId;
  for (let tries = 0; ctx.taken[kind].has(id); tries++) {
    if (tries > 100) throw new Error('The id generator keeps returning ids already in use.');
    id = ctx.newId();
  }
  ctx.taken[kind].add(id);
  return id;
}

/** Adds a record (its key already claimed) to the change set. */
export function addRecord<K extends EntityKind>(ctx: MergeContext, kind: K, record: EntityTypes[K]): void {
  ctx.taken[kind].add(keyOf(kind, record));
  changes(ctx, kind).added.push(record);
}

/** A GUID compared the way REFI-QDA files write them: case-insensitive, braces ignored. */
export function guidKey(id: string): string {
  return id.trim().replace(/^\{|\}$/g, '').toLowerCase();
}

/** Names compared for matching: whitespace runs as one space, ends trimmed, case kept. */
export function nameKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** The fields of two records that differ, named for the preview ("name, colour"). */
export function differingFields<T extends object>(ours: T, theirs: T, fields: ReadonlyArray<[keyof T, string]>): string | undefined {
  const names = fields.filter(([f]) => JSON.stringify(ours[f] ?? null) !== JSON.stringify(theirs[f] ?? null)).map(([, label]) => label);
  return names.length > 0 ? names.join(', ') : undefined;
}
