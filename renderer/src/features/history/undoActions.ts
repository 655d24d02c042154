// Undo and redo as user actions: run the operation on the open project and say what happened.
// Shared by the keyboard shortcuts, the top bar's buttons and notices' Undo buttons, so a later
// command registry can call the same two functions. A step this page made on a few codings is
// painted at once (hidden or shown provisionally), like a new coding, before its transaction
// comes back.
import { changesOf, invertChangeSet, type ChangeSet } from '../../../../shared/model/changeSet';
import { expectedEffect, redo, undo } from '../../db/operations/history';
import { useUiStore, reportError, type ProvisionalEdit } from '../../stores/uiStore';

/** More than this many codings is not a step a frame can show anyway. */
const PROVISIONAL_AT_MOST = 50;
/** A provisional edit the stored codings never confirmed is dropped after this long. */
const PROVISIONAL_MS = 5_000;

function provisionalOf(effect: ChangeSet | undefined): ProvisionalEdit | null {
  if (!effect) return null;
  const c = changesOf(effect, 'codings');
  if (c.added.length + c.updated.length + c.removed.length === 0 || c.added.length + c.updated.length + c.removed.length > PROVISIONAL_AT_MOST) return null;
  const span = ({ id, sourceId, codeId, start, end, coder }: (typeof c.added)[number]) => ({ id, sourceId, codeId, start, end, coder });
  return {
    hide: [...c.removed, ...c.updated.map(([before]) => before)].map((r) => r.id),
    show: [...c.added, ...c.updated.map(([, after]) => after)].map(span),
  };
}

function run(which: 'undo' | 'redo'): Promise<void> {
  const ui = useUiStore.getState();
  const projectId = ui.activeProjectId;
  if (!projectId) return Promise.resolve();
  const effect = expectedEffect(projectId, which);
  const edit = provisionalOf(which === 'undo' && effect ? invertChangeSet(effect) : effect);
  ui.setProvisionalEdit(edit);
  if (edit) setTimeout(() => useUiStore.getState().provisionalEdit === edit && useUiStore.getState().setProvisionalEdit(null), PROVISIONAL_MS);
  return (which === 'undo' ? undo(projectId) : redo(projectId)).then(
    (label) => {
      const notify = useUiStore.getState().notify;
      if (label === null) notify('info', which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      else notify('info', `${which === 'undo' ? 'Undid' : 'Redid'}: ${label.charAt(0).toLowerCase()}${label.slice(1)}.`);
    },
    (error: unknown) => {
      // Refused or failed: nothing changed, so nothing may look changed.
      useUiStore.getState().setProvisionalEdit(null);
      reportError(error);
    },
  );
}

export const undoLastStep = (): Promise<void> => run('undo');
export const redoNextStep = (): Promise<void> => run('redo');
