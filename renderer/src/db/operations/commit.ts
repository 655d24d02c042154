// The one door: every change to a project's data is a change set written here, in one
// read-write transaction that checks it still applies, writes it through the repositories,
// stamps the project's `updatedAt` and appends the step to the project's history (its codings
// packed, ../historyCodings.ts; its inverse derived when undone). A refused or failed commit
// leaves neither the change nor a history step.
// `undo`/`redo` (./history.ts) replay steps through the same transaction.
import { describeConflicts, isEmptyChangeSet, type ChangeSet } from '../../../../shared/model/changeSet';
import { getDb, type HistoryEntry } from '../db';
import { conflictsWithStore, projectTables, writeChangeSet } from '../changeStore';
import { newCodingReads } from '../codingsRepository';
import { storeStepChanges } from '../historyCodings';
import { stepCoderId, withCoderRecord } from './currentCoder';
import { nowIso } from './now';
import { withStrictDurability } from '../durability';

/** Steps kept per project; older ones are compacted away (dropped) as new ones arrive. */
export const HISTORY_LIMIT = 500;

/** What a plan hands back: the changes, a value for the caller, and optionally a better name. */
export interface Planned<T> {
  changes: ChangeSet;
  result: T;
  /** Replaces the commit's label when the plan knows better ("Apply X to 3 passages"). */
  label?: string;
}

export interface CommitOptions {
  /**
   * False for a change that must not become an undoable step (creating a project: there is
   * nothing to go back to). Excalidraw's CaptureUpdateAction.NEVER.
   */
  history?: boolean;
  /**
   * The build has itself proved, inside this transaction, that no record the set adds is stored
   * and that it updates or removes nothing (opening a file as a new project checks every id in
   * one pass, `storedIdsAmong`): the per-record check, a lookup per id, is then skipped, and
   * its kinds are written concurrently (each to tables of its own).
   */
  addsOnlyNewRecords?: boolean;
  /** 'strict' for a write that must be on disk when the commit resolves (see ../durability.ts). */
  durability?: 'strict';
}

/**
 * The steps this page committed, newest last, per project (at most a few): lets Undo show its
 * effect on codings the moment the key is pressed, before its transaction has come back (the
 * way a new coding is painted provisionally). Only a hint: another window may have moved the
 * history, and the stored state always wins when it arrives.
 */
const recentSteps = new Map<string, ChangeSet[]>();
/** Steps undone by this page, newest last: what Redo would take. */
export const redoneSteps = new Map<string, ChangeSet[]>();
const RECENT_KEPT = 20;

export function rememberStep(projectId: string, changes: ChangeSet): void {
  const list = recentSteps.get(projectId) ?? [];
  // Without original files: the hint is about codings, and twenty imports of large PDFs kept
  // here would hold their bytes in memory for nothing.
  const { sourceOriginals: _originals, ...hint } = changes;
  list.push(hint);
  if (list.length > RECENT_KEPT) list.shift();
  recentSteps.set(projectId, list);
}

/** The step Undo would take, if this page made it (see `recentSteps`). */
export function recentStep(projectId: string): ChangeSet | undefined {
  return recentSteps.get(projectId)?.at(-1);
}

export function forgetStep(projectId: string): void {
  recentSteps.get(projectId)?.pop();
}

/** Thrown when a change set no longer applies; nothing was written. */
export class ConflictError extends Error {}

function addsOnly(set: ChangeSet): boolean {
  return Object.values(set).every((changes) => !changes || (changes.updated.length === 0 && changes.removed.length === 0));
}

function isPlanned<T>(value: ChangeSet | Planned<T>): value is Planned<T> {
  return 'changes' in value;
}

/**
 * Runs `work` in the one read-write transaction over the project's data. Only this module opens
 * it (a test checks that nothing outside the repositories opens another).
 */
export function inProjectTransaction<T>(work: () => Promise<T>): Promise<T> {
  return getDb().transaction('rw', projectTables(), work);
}

/**
 * Checks and writes a set, then stamps the project. Inside `inProjectTransaction`. `alongside`
 * runs once the check has passed, while the set is being written (the step's history entry): its
 * requests queue behind the set's in the same transaction, and preparing them (packing a big
 * step's codings, cloning the entry) overlaps the database writing the set. A failure of either
 * fails the transaction, so neither is kept.
 */
export async function applyChecked(projectId: string, set: ChangeSet, checked = false, alongside?: (time: string) => Promise<void>): Promise<string> {
  // What the check reads (each source's codings, which ids are rows) the write reuses.
  const reads = newCodingReads();
  const conflicts = checked ? [] : await conflictsWithStore(set, reads);
  if (conflicts.length > 0) throw new ConflictError(`${describeConflicts(conflicts)} Nothing was changed.`);
  const now = nowIso();
  const write = async (): Promise<void> => {
    await writeChangeSet(projectId, set, reads, { concurrently: checked });
    // A project created by this very set carries its own times.
    if (!set.projects?.added.some((p) => p.id === projectId)) await getDb().projects.update(projectId, { updatedAt: now });
  };
  await Promise.all([write(), alongside?.(now)]);
  return now;
}

/** Every step of a project with `undone` as given, in sequence order, on the label index. */
export function stepRange(projectId: string, undone: 0 | 1): [unknown[], unknown[]] {
  return [
    [projectId, undone, -Infinity, ''],
    [projectId, undone, Infinity, []],
  ];
}

const projectRange = (projectId: string): [unknown[], unknown[]] => [
  [projectId, -Infinity],
  [projectId, Infinity],
];

async function appendStep(projectId: string, label: string, changes: ChangeSet, time: string): Promise<void> {
  const db = getDb();
  // A new step discards the redo branch.
  const redoable = await db.history
    .where('[projectId+undone+seq+label]')
    .between(...stepRange(projectId, 1))
    .primaryKeys();
  await db.history.bulkDelete(redoable);
  const [from, to] = projectRange(projectId);
  const last = await db.history.where('[projectId+seq]').between(from, to).reverse().limit(1).primaryKeys();
  const seq = last.length > 0 ? last[0]![1] + 1 : 1;
  const coder = stepCoderId(projectId);
  // The inverse is not stored: undo derives it (invertChangeSet is mechanical), and storing it
  // doubled what a big step clones into IndexedDB.
  const entry: HistoryEntry = { projectId, seq, label, coder, time, ...storeStepChanges(changes), undone: 0 };
  await db.history.add(entry);
  const count = await db.history.where('projectId').equals(projectId).count();
  if (count > HISTORY_LIMIT) {
    const oldest = await db.history.where('[projectId+seq]').between(from, to).limit(count - HISTORY_LIMIT).primaryKeys();
    await db.history.bulkDelete(oldest);
  }
}

/**
 * Commits one step. `build` runs inside the transaction (it reads through the repositories and
 * queries, which join it) and returns the change set, or `{changes, result, label}`. An empty
 * set writes nothing and records no step. Throws, changing nothing, when the set no longer
 * applies or any write fails.
 */
export async function commit<T = void>(
  projectId: string,
  label: string,
  build: () => Promise<ChangeSet | Planned<T>> | ChangeSet | Planned<T>,
  options: CommitOptions = {},
): Promise<T> {
  let recorded: ChangeSet | undefined;
  const transaction = options.durability === 'strict' ? (work: () => Promise<T>) => withStrictDurability(() => inProjectTransaction(work)) : inProjectTransaction<T>;
  const result = await transaction(async () => {
    const built = await build();
    const planned: Planned<T> = isPlanned(built) ? built : { changes: built, result: undefined as T };
    if (isEmptyChangeSet(planned.changes)) return planned.result;
    planned.changes = await withCoderRecord(projectId, planned.changes);
    if (options.addsOnlyNewRecords && !addsOnly(planned.changes)) throw new Error('A commit marked as adding only new records updates or removes some.');
    const changes = planned.changes;
    const history = options.history !== false;
    await applyChecked(projectId, changes, options.addsOnlyNewRecords === true, history ? (time) => appendStep(projectId, planned.label ?? label, changes, time) : undefined);
    if (history) recorded = changes;
    return planned.result;
  });
  if (recorded) {
    // A new step discards the redo branch, here as in the history.
    redoneSteps.delete(projectId);
    rememberStep(projectId, recorded);
  }
  return result;
}
