// Connects the app to the host's project-file events once, at startup: automatic backups, files
// opened from outside (double-click), and the "Save project as" offered when storage is full.
// Until the project-file actions can be built (they need the snapshot reader and the .qdpx
// writer), backup requests are answered at once, so quitting never waits for an answer.
import type { BackupInfo } from '../../../../shared/ipc/contract';
import type { Host } from '../../host/host';
import { registerSaveProjectAs } from '../storage/saveProjectAsPrompt';
import type { BoundProjectFileActions } from './projectFileActions';
import { fileProgress, type FileProgress, type ProjectFileDialog } from './openReportStore';

export interface ProjectFileUi {
  notify(kind: 'info' | 'error', text: string): void;
  reportError(error: unknown): void;
  openProject(projectId: string): void;
  activeProjectId(): string | null;
  /** Shows the dialog "Open project" shows: the report of an opened file, or why it was refused. */
  showReport(dialog: ProjectFileDialog): void;
  /** Shows (or, with null, hides) the progress bar "Open project" shows. */
  showProgress?(progress: FileProgress): void;
  /** A project was saved to a file (the status bar says so). */
  noteSaved?(projectId: string, fileName: string): void;
  /** The backups as listed now: the status bar shows each project's latest. */
  noteBackups?(backups: BackupInfo[]): void;
  /** Whether a backup round is being written now (the status bar says "Backing up…"). */
  noteBackingUp?(running: boolean): void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Returns a function that disconnects everything it connected. */
export function connectProjectFiles(
  host: Pick<Host, 'onBackupRequested' | 'completeBackupRequest'>,
  actions: BoundProjectFileActions | undefined,
  ui: ProjectFileUi,
  { backupListDelayMs = 2000 }: { backupListDelayMs?: number } = {},
): () => void {
  if (!actions) {
    return host.onBackupRequested((request) => {
      void host.completeBackupRequest({ requestId: request.requestId }).catch(() => undefined);
    });
  }
  let connected = true;
  const readBackupTimes = (): void => {
    if (!ui.noteBackups || !connected) return;
    actions.listBackups().then((backups) => connected && ui.noteBackups?.(backups), () => undefined);
  };
  // Not during startup: listing the backups can wait until the open source is painted.
  const firstRead = setTimeout(readBackupTimes, backupListDelayMs);
  // Rounds can overlap (a quit's round while a timed one is paced): "Backing up…" until the last ends.
  let roundsRunning = 0;
  const stopBackups = actions.startAutomaticBackups(
    (failed) => {
      const reason = failed[0]?.error instanceof Error ? failed[0].error.message : String(failed[0]?.error);
      ui.notify('error', `The automatic backup failed for ${failed.length === 1 ? 'a project' : `${failed.length} projects`}: ${reason}`);
    },
    () => {
      roundsRunning = Math.max(0, roundsRunning - 1);
      if (connected && roundsRunning === 0) ui.noteBackingUp?.(false);
      readBackupTimes();
    },
    () => {
      roundsRunning += 1;
      if (connected && roundsRunning === 1) ui.noteBackingUp?.(true);
    },
  );
  // A file opened from outside (double-click, argv, open-file) reports as "Open project" does.
  const stopFiles = actions.listenForOpenedFiles(
    (outcome) => {
      ui.showProgress?.(null);
      if (outcome.status !== 'opened') return;
      ui.openProject(outcome.projectId);
      ui.showReport({ kind: 'opened', from: `“${outcome.fileName}”`, imported: outcome });
    },
    (error) => {
      ui.showProgress?.(null);
      ui.showReport({ kind: 'refused', message: messageOf(error) });
    },
    (stage, fraction) => ui.showProgress?.(fileProgress(stage, fraction)),
  );
  const unregister = registerSaveProjectAs(() => {
    const projectId = ui.activeProjectId();
    if (!projectId) return;
    actions.saveProjectAs(projectId).then((result) => {
      if (!result.saved) return;
      ui.noteSaved?.(projectId, result.fileName);
      ui.notify('info', `Saved the project to ${result.fileName}.`);
    }, ui.reportError);
  });
  return () => {
    connected = false;
    clearTimeout(firstRead);
    stopBackups();
    stopFiles();
    unregister();
  };
}
