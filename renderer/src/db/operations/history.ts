// Undo and redo: a project's history steps replayed through the one door (./commit.ts), each
// in one transaction. Undo applies a step's inverse, redo its changes, both checked against the
// project as it is now: a step whose records moved under it is refused and changes nothing.
import { getDb, type HistoryEntry } from '../db';
import { invertChangeSet, type ChangeSet } from '../../../../shared/model/changeSet';
import { loadStepChanges } from '../historyCodings';
import { applyChecked, forgetStep, inProjectTransaction, recentStep, redoneSteps, rememberStep, stepRange } from './commit';

/** What a stored step changed (its codings unpacked). */
export function stepChanges(entry: HistoryEntry): ChangeSet {
  return loadStepChanges(entry);
}

/** What takes a stored step back: stored with it by older versions, derived since. */
export function stepInverse(entry: HistoryEntry): ChangeSet {
  return entry.inverse ?? invertChangeSet(loadStepChanges(entry));
}

/** The names of the steps undo and redo would take now. */
export interface UndoRedoState {
  undo?: string;
  redo?: string;
}

type StepKey = [string, 0 | 1, number, string];


/** The last step still done and the first undone one, from index keys only (no change set is read). */
async function nextSteps(projectId: string): Promise<{ undo?: StepKey; redo?: StepKey }> {
  const index = getDb().history.where('[projectId+undone+seq+label]');
  const [undo] = (await index.between(...stepRange(projectId, 0)).reverse().limit(1).keys()) as unknown as StepKey[];
  const [redo] = (await getDb().history.where('[projectId+undone+seq+label]').between(...stepRange(projectId, 1)).limit(1).keys()) as unknown as StepKey[];
  return { ...(undo ? { undo } : {}), ...(redo ? { redo } : {}) };
}

/** What "Undo" and "Redo" would do now, by name (for buttons and menus; reads no change set). */
export async function undoRedoState(projectId: string): Promise<UndoRedoState> {
  const { undo, redo } = await nextSteps(projectId);
  return { ...(undo ? { undo: undo[3] } : {}), ...(redo ? { redo: redo[3] } : {}) };
}

/**
 * What the next Undo (or Redo) will do, when this page made that step: a hint for painting its
 * effect before the transaction returns. Undefined when unknown.
 */
export function expectedEffect(projectId: string, which: 'undo' | 'redo'): ChangeSet | undefined {
  return which === 'undo' ? recentStep(projectId) : redoneSteps.get(projectId)?.at(-1);
}

async function replay(projectId: string, which: 'undo' | 'redo'): Promise<string | null> {
  const label = await replayInTransaction(projectId, which);
  if (label !== null) {
    // Keep the hints in step with the history (see commit.ts `recentSteps`).
    if (which === 'undo') {
      const step = recentStep(projectId);
      forgetStep(projectId);
      if (step) redoneSteps.set(projectId, [...(redoneSteps.get(projectId) ?? []), step]);
    } else {
      const step = redoneSteps.get(projectId)?.pop();
      if (step) rememberStep(projectId, step);
    }
  }
  return label;
}

function replayInTransaction(projectId: string, which: 'undo' | 'redo'): Promise<string | null> {
  return inProjectTransaction(async () => {
    const db = getDb();
    const key = (await nextSteps(projectId))[which];
    if (!key) return null;
    const entry = (await db.history.get([projectId, key[2]])) as HistoryEntry;
    // A put of the entry just read, not `update`: Dexie's update reads and deep-clones the whole
    // entry first (megabytes for a big step), and its clone turns typed arrays from another realm
    // (a source's original bytes, read back by fake-indexeddb in tests) into plain objects. Made
    // while the step is written (see applyChecked), after its check.
    await applyChecked(projectId, which === 'undo' ? stepInverse(entry) : stepChanges(entry), false, async () => {
      await db.history.put({ ...entry, undone: which === 'undo' ? 1 : 0 });
    });
    return entry.label;
  });
}

/** Takes back the project's last step. Returns its name, or null when there is nothing to undo. */
export function undo(projectId: string): Promise<string | null> {
  return replay(projectId, 'undo');
}

/** Does again the step last undone. Returns its name, or null when there is nothing to redo. */
export function redo(projectId: string): Promise<string | null> {
  return replay(projectId, 'redo');
}
