// Undo and redo as user actions: run the operation on the open project and say what happened.
// Shared by the keyboard shortcuts, the top bar's buttons and notices' Undo buttons, so a later
// command registry can call the same two functions.
import { redo, undo } from '../../db/operations/history';
import { useUiStore, reportError } from '../../stores/uiStore';

function run(which: 'undo' | 'redo'): Promise<void> {
  const projectId = useUiStore.getState().activeProjectId;
  if (!projectId) return Promise.resolve();
  return (which === 'undo' ? undo(projectId) : redo(projectId)).then((label) => {
    const notify = useUiStore.getState().notify;
    if (label === null) notify('info', which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
    else notify('info', `${which === 'undo' ? 'Undid' : 'Redid'}: ${label.charAt(0).toLowerCase()}${label.slice(1)}.`);
  }, reportError);
}

export const undoLastStep = (): Promise<void> => run('undo');
export const redoNextStep = (): Promise<void> => run('redo');
