// The project-file commands of the File menu: "Open project" (Ctrl/Cmd+O), "Save project"
// (Ctrl/Cmd+S; Save as the first time), "Save project as" (Ctrl/Cmd+Shift+S) and "Restore from
// backup", bound to the catalogue (so they are in the menu bar, the native menu and the palette),
// with a progress bar in the top bar while a file is written or opened, the report of what an
// opened file held, and a clear message when a file cannot be opened (nothing is created then).
// Files opened from outside (double-click) show the same dialogs (see ./openReportStore.ts).
import { useCallback, useRef } from 'react';
import { useCommand } from '../../commands/registry';
import { reportError, useUiStore } from '../../stores/uiStore';
import { useFileStatusStore } from '../../stores/fileStatusStore';
import { CloseFooter, Modal } from '../common/Modal';
import { getProjectFileActions } from './appProjectFileActions';
import { fileProgress, selectFileProgress, selectProjectFileDialog, useOpenReport } from './openReportStore';
import type { FileStage, ImportedProject } from './projectFileActions';
import { RestoreBackupDialog, describeCounts } from './RestoreBackupDialog';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function ProjectFileCommands({ projectId }: { projectId: string | null }) {
  const openProject = useUiStore((s) => s.openProject);
  const notify = useUiStore((s) => s.notify);
  const progress = useOpenReport(selectFileProgress);
  const setProgress = useOpenReport((s) => s.showProgress);
  const dialog = useOpenReport(selectProjectFileDialog);
  const showDialog = useOpenReport((s) => s.show);
  const closeDialog = useOpenReport((s) => s.close);
  const busy = useRef(false);
  const onStage = useCallback((stage: FileStage, fraction?: number) => setProgress(fileProgress(stage, fraction)), [setProgress]);
  const listBackups = useCallback(() => getProjectFileActions().listBackups(), []);

  /** One file operation at a time: a second Ctrl+S while one is written does nothing. */
  const exclusively = useCallback(async (work: () => Promise<void>): Promise<void> => {
    if (busy.current) return;
    busy.current = true;
    try {
      await work();
    } finally {
      busy.current = false;
      setProgress(null);
    }
  }, [setProgress]);

  const save = (saveAs: boolean): void => {
    if (!projectId) return;
    void exclusively(async () => {
      const actions = getProjectFileActions();
      const result = await (saveAs ? actions.saveProjectAs(projectId, onStage) : actions.saveProject(projectId, onStage));
      if (!result.saved) return;
      useFileStatusStore.getState().noteSaved(projectId, result.fileName);
      notify('info', `Saved the project to ${result.fileName}.`);
    }).catch(reportError);
  };

  const showOpened = (from: string, imported: ImportedProject): void => {
    openProject(imported.projectId);
    showDialog({ kind: 'opened', from, imported });
  };

  // The file picker must open within the user's click or key (browsers refuse it later), so
  // nothing is awaited before the host is asked for a file.
  const open = (): void => {
    void exclusively(async () => {
      try {
        const outcome = await getProjectFileActions().openProject(undefined, onStage);
        if (outcome.status === 'opened') showOpened(`“${outcome.fileName}”`, outcome);
      } catch (error) {
        showDialog({ kind: 'refused', message: messageOf(error) });
      }
    });
  };

  const restore = async (backupId: string): Promise<void> => {
    let imported: ImportedProject | undefined;
    await exclusively(async () => {
      onStage('opening');
      imported = await getProjectFileActions().restoreBackup(backupId, onStage);
    });
    if (imported) showOpened('the backup', imported);
  };

  useCommand('project.open', open, true);
  useCommand('project.save', () => save(false), !!projectId);
  useCommand('project.saveAs', () => save(true), !!projectId);
  useCommand('project.restoreBackup', () => showDialog({ kind: 'restore' }), true);

  return (
    <>
      {progress && (
        <span className="file-progress">
          <span
            role="progressbar"
            aria-label={progress.label}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress.value}
            aria-valuetext={progress.label}
            className="file-progress-bar"
          >
            <span className="file-progress-fill scaled" style={{ transform: `scaleX(${progress.value / 100})` }} />
          </span>
          <span className="file-progress-label">{progress.label}</span>
        </span>
      )}

      {dialog?.kind === 'opened' && (
        <Modal title="Project opened" onClose={() => closeDialog(dialog.kind)}>
          <p>
            Opened {dialog.from} as a new project
            {dialog.imported.counts ? `: ${describeCounts(dialog.imported.counts)}.` : '.'} The project you had open is unchanged.
          </p>
          {dialog.imported.notRead.length === 0 ? (
            <p>Everything in the file was read.</p>
          ) : (
            <>
              <p>Not everything in the file could be read as it was:</p>
              <ul aria-label="Not read or repaired" className="open-report">
                {dialog.imported.notRead.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </>
          )}
          <CloseFooter onClose={() => closeDialog(dialog.kind)} />
        </Modal>
      )}
      {dialog?.kind === 'refused' && (
        <Modal title="The project could not be opened" onClose={() => closeDialog(dialog.kind)}>
          <p role="alert">{dialog.message}</p>
          <p>No project was created; your projects are unchanged.</p>
          <CloseFooter onClose={() => closeDialog(dialog.kind)} />
        </Modal>
      )}
      {dialog?.kind === 'restore' && (
        <RestoreBackupDialog listBackups={listBackups} onRestore={restore} onClose={() => closeDialog('restore')} />
      )}
    </>
  );
}
