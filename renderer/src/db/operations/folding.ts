// Folds a source's recent coding rows into its columns once enough have gathered, in the
// background after a commit. Folding changes no project data (readers see the same codings),
// so a failure loses nothing; but if it keeps failing (a full disk), rows pile up and reads slow
// down, so the user is told rather than the error swallowed.
import { countRecentCodings, FOLD_THRESHOLD, foldRecentCodings } from '../codingsRepository';

/** Failures in a row before the user hears of it. */
const TELL_AFTER = 3;

type Listener = (message: string) => void;
const listeners = new Set<Listener>();
let failures = 0;

/** Subscribes to "folding keeps failing" reports (the app shows them as notices). */
export function onFoldingFailure(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function foldIfDue(sourceId: string): Promise<void> {
  if ((await countRecentCodings(sourceId)) >= FOLD_THRESHOLD) await foldRecentCodings(sourceId);
}

/** Starts a fold when due; never throws, never delays the caller. */
export function foldWhenDue(sourceId: string): void {
  foldIfDue(sourceId).then(
    () => {
      failures = 0;
    },
    (error: unknown) => {
      failures++;
      if (failures === TELL_AFTER) {
        const reason = error instanceof Error ? error.message : String(error);
        const message = `Marginalia could not tidy the stored codings (${reason}). Your codings are saved, but the project may slow down: check that the disk has free space.`;
        for (const listener of listeners) listener(message);
      }
    },
  );
}
