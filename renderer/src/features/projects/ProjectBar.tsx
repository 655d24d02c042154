// The top bar: which project is open, and undo and redo. The project actions, the codebook import
// and the exports are commands (File menu, palette); their dialogs live here.
import { useRef, useState } from 'react';
import { useProjects } from '../../db/queries';
import { createProject, deleteProject, describeProject, renameProject } from '../../db/operations/projects';
import { selectActiveProjectId, useUiStore, reportError } from '../../stores/uiStore';
import { NameDialog } from '../common/NameDialog';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { exportCodebookCsv, exportSegmentsCsv } from '../export/exportCsv';
import { activeFilterNow, exportedMessage } from '../analysis/filter/filterNote';
import type { SaveFileResult } from '../../../../shared/ipc/contract';
import type { ImportPlan } from '../../../../shared/codebook/importPlan';
import { exportCodebookQdc } from '../codebook/codebookExports';
import { CODEBOOK_FILE_ACCEPT, readPickedCodebook } from '../codebook/codebookFile';
import { ImportCodebookDialog } from '../codebook/ImportCodebookDialog';
import { previewCodebookImport, type CodebookFile } from '../../db/operations/codebook';
import { ExportsDialog } from './ExportsDialog';
import { UnitMatrixCommand } from '../export/UnitMatrixDialog';
import { undoTitle, useUndoRedo } from '../../db/historyQueries';
import { redoNextStep, undoLastStep } from '../history/undoActions';
import { ProjectFileCommands } from '../projectFiles/ProjectFileCommands';
import { useCommand } from '../../commands/registry';
import { MenuBar } from '../../commands/MenuBar';
import { getHost } from '../../host';
import { plural } from '../../../../shared/text/plural';

type Dialog =
  | { kind: 'new' }
  | { kind: 'rename' }
  | { kind: 'delete'; message: string }
  | { kind: 'import'; fileName: string; description: string; file: CodebookFile; plan: ImportPlan }
  | { kind: 'exports' }
  | null;

export function ProjectBar() {
  const projects = useProjects() ?? [];
  const projectId = useUiStore(selectActiveProjectId);
  const openProject = useUiStore((s) => s.openProject);
  const notify = useUiStore((s) => s.notify);
  const [dialog, setDialog] = useState<Dialog>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const project = projects.find((p) => p.id === projectId);
  const steps = useUndoRedo(projectId);

  /**
   * Reads the picked codebook file and shows what importing it would do, or, in the same
   * preview, why it cannot be imported (nothing can be imported from it then).
   */
  const previewImport = async (picked: File): Promise<void> => {
    if (!projectId) return;
    const read = await readPickedCodebook(picked);
    if (!read.ok) {
      const plan: ImportPlan = { rows: [], codeSets: [], messages: [{ severity: 'error', text: read.reason }], summary: { create: 0, match: 0, skip: 0 } };
      setDialog({ kind: 'import', fileName: picked.name, description: 'could not be read', file: { kind: 'csv', text: '' }, plan });
      return;
    }
    const { file, description, warnings } = read;
    const planned = await previewCodebookImport(projectId, file);
    // How the file was read (an encoding guessed) comes first: it bears on every row below.
    const plan: ImportPlan = { ...planned, messages: [...warnings.map((text) => ({ severity: 'warning' as const, text })), ...planned.messages] };
    setDialog({ kind: 'import', fileName: picked.name, description, file, plan });
  };

  const askDelete = async (): Promise<void> => {
    if (!project) return;
    const c = await describeProject(project.id);
    setDialog({
      kind: 'delete',
      message: `Delete the project “${project.name}”? This removes ${plural(c.sources, 'source')}, ${plural(c.codes, 'code')}, ${plural(c.codings, 'coding')} and ${plural(c.memos, 'memo')}. It cannot be undone.`,
    });
  };

  const runExport = (run: (id: string) => Promise<SaveFileResult>, what: string) => () => {
    if (!projectId) return;
    run(projectId).then((result) => {
      if (result.saved) notify('info', `Exported ${what} to ${result.fileName}.`);
    }, reportError);
  };

  const undoLabel = steps.undo ? undoTitle('Undo', steps.undo) : 'Undo';
  const redoLabel = steps.redo ? undoTitle('Redo', steps.redo) : 'Redo';
  useCommand('edit.undo', () => void undoLastStep(), !!steps.undo, undoLabel);
  useCommand('edit.redo', () => void redoNextStep(), !!steps.redo, redoLabel);
  useCommand('project.new', () => setDialog({ kind: 'new' }), true);
  useCommand('project.rename', () => setDialog({ kind: 'rename' }), !!project);
  useCommand('project.delete', () => void askDelete().catch(reportError), !!project);
  useCommand('codebook.import', () => fileInput.current?.click(), !!project);
  useCommand('export.codebookCsv', runExport(exportCodebookCsv, 'the codebook'), !!project);
  useCommand('export.codebookQdc', runExport(exportCodebookQdc, 'the codebook'), !!project);
  // Like every analysis export, the coded segments follow the active analysis filter (and say so).
  const exportSegments = (): void => {
    if (!projectId) return;
    const filter = activeFilterNow();
    exportSegmentsCsv(projectId, filter ? { filter } : undefined)
      .then(async (result) => {
        if (result.saved) notify('info', await exportedMessage(projectId, 'the coded segments', result.fileName, filter));
      })
      .catch(reportError);
  };
  useCommand('export.segmentsCsv', exportSegments, !!project);
  useCommand('export.more', () => setDialog({ kind: 'exports' }), !!project);

  return (
    <header className="project-bar">
      <span className="brand">Marginalia</span>
      {/* Electron shows the same commands in its native menu. */}
      {getHost().kind === 'browser' && <MenuBar />}
      <label className="project-picker">
        <span className="visually-hidden">Project</span>
        <select
          aria-label="Project"
          value={projectId ?? ''}
          onChange={(e) => openProject(e.target.value || null)}
          disabled={projects.length === 0}
        >
          {projects.length === 0 && <option value="">No projects yet</option>}
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="undo-button" onClick={() => void undoLastStep()} disabled={!steps.undo} title={undoTitle('Undo', steps.undo)}>
        {steps.undo ? undoTitle('Undo', steps.undo) : 'Undo'}
      </button>
      <button type="button" className="undo-button" onClick={() => void redoNextStep()} disabled={!steps.redo} title={undoTitle('Redo', steps.redo)}>
        {steps.redo ? undoTitle('Redo', steps.redo) : 'Redo'}
      </button>
      <ProjectFileCommands projectId={project ? project.id : null} />
      <UnitMatrixCommand projectId={project ? project.id : null} />
      {/* A file input rather than a host dialog: it works the same in Electron and in a browser. */}
      <input
        ref={fileInput}
        type="file"
        accept={CODEBOOK_FILE_ACCEPT}
        aria-label="Codebook file"
        hidden
        onChange={(e) => {
          const picked = e.target.files?.[0];
          e.target.value = '';
          if (picked) previewImport(picked).catch(reportError);
        }}
      />
      {dialog?.kind === 'new' && (
        <NameDialog
          title="New project"
          label="Project name"
          initial=""
          submitLabel="Create project"
          onSubmit={async (name) => openProject((await createProject(name)).id)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'rename' && project && (
        <NameDialog
          title="Rename project"
          label="Project name"
          initial={project.name}
          submitLabel="Rename"
          onSubmit={(name) => renameProject(project.id, name)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'import' && project && (
        <ImportCodebookDialog
          projectId={project.id}
          fileName={dialog.fileName}
          description={dialog.description}
          file={dialog.file}
          plan={dialog.plan}
          onDone={(outcome) => {
            setDialog(null);
            if (!outcome) return;
            const parts = [`${plural(outcome.created, 'code')} created`];
            if (outcome.updated > 0) parts.push(`${outcome.updated} updated`);
            if (outcome.skipped > 0) parts.push(`${outcome.skipped} skipped`);
            if (outcome.sets > 0) parts.push(plural(outcome.sets, 'code set'));
            notify('info', `Imported the codebook: ${parts.join(', ')}.`, { undoable: true });
          }}
        />
      )}
      {dialog?.kind === 'exports' && project && <ExportsDialog projectId={project.id} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && project && (
        <ConfirmDialog
          title="Delete project"
          message={dialog.message}
          confirmLabel="Delete project"
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            const remaining = projects.filter((p) => p.id !== project.id);
            deleteProject(project.id).then(() => {
              openProject(remaining[0]?.id ?? null);
              notify('info', `Deleted the project “${project.name}”.`);
            }, reportError);
          }}
        />
      )}
    </header>
  );
}
