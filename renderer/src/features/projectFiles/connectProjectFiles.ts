// Connects the app to the host's project-file events once, at startup: automatic backups, files
// opened from outside (double-click), and the "Save project as" offered when storage is full.
// Until the project-file actions can be built (they need the snapshot reader and the .qdpx
// writer), backup requests are answered at once, so quitting never waits for an answer.
import type { Host } from '../../host/host';
import { registerSaveProjectAs } from '../storage/saveProjectAsPrompt';
import type { BoundProjectFileActions, OpenOutcome } from './projectFileActions';

export interface ProjectFileUi {
  notify(kind: 'info' | 'error', text: string): void;
  reportError(error: unknown): void;
  openProject(projectId: string): void;
  activeProjectId(): string | null;
}

export function describeOpened(outcome: Extract<OpenOutcome, { status: 'opened' }>): string {
  const opened = `Opened “${outcome.fileName}” as a new project.`;
  return outcome.notRead.length === 0 ? opened : `${opened} Not read: ${outcome.notRead.join('; ')}.`;
}

/** Returns a function that disconnects everything it connected. */
export function connectProjectFiles(
  host: Pick<Host, 'onBackupRequested' | 'completeBackupRequest'>,
  actions: BoundProjectFileActions | undefined,
  ui: ProjectFileUi,
): () => void {
  if (!actions) {
    return host.onBackupRequested((request) => {
      void host.completeBackupRequest({ requestId: request.requestId }).catch(() => undefined);
    });
  }
  const stopBackups = actions.startAutomaticBackups((failed) => {
    const reason = failed[0]?.error instanceof Error ? failed[0].error.message : String(failed[0]?.error);
    ui.notify('error', `The automatic backup failed for ${failed.length === 1 ? 'a project' : `${failed.length} projects`}: ${reason}`);
  });
  const stopFiles = actions.listenForOpenedFiles((outcome) => {
    if (outcome.status !== 'opened') return;
    ui.openProject(outcome.projectId);
    ui.notify(outcome.notRead.length === 0 ? 'info' : 'error', describeOpened(outcome));
  }, ui.reportError);
  const unregister = registerSaveProjectAs(() => {
    const projectId = ui.activeProjectId();
    if (!projectId) return;
    actions.saveProjectAs(projectId).then((result) => {
      if (result.saved) ui.notify('info', `Saved the project to ${result.fileName}.`);
    }, ui.reportError);
  });
  return () => {
    stopBackups();
    stopFiles();
    unregister();
  };
}
