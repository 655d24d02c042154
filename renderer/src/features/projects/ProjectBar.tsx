// The top bar: which project is open, project actions, and the exports.
import { useState } from 'react';
import { useProjects } from '../../db/queries';
import { createProject, deleteProject, describeProject, renameProject } from '../../db/operations/projects';
import { selectActiveProjectId, useUiStore, reportError } from '../../stores/uiStore';
import { NameDialog } from '../common/NameDialog';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { exportCodebookCsv, exportSegmentsCsv } from '../export/exportCsv';
import type { SaveFileResult } from '../../../../shared/ipc/contract';

type Dialog = { kind: 'new' } | { kind: 'rename' } | { kind: 'delete'; message: string } | null;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function ProjectBar() {
  const projects = useProjects() ?? [];
  const projectId = useUiStore(selectActiveProjectId);
  const openProject = useUiStore((s) => s.openProject);
  const notify = useUiStore((s) => s.notify);
  const [dialog, setDialog] = useState<Dialog>(null);
  const project = projects.find((p) => p.id === projectId);

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

  return (
    <header className="project-bar">
      <span className="brand">Marginalia</span>
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
      <button type="button" onClick={() => setDialog({ kind: 'new' })}>
        New project
      </button>
      <button type="button" onClick={() => setDialog({ kind: 'rename' })} disabled={!project}>
        Rename project
      </button>
      <button type="button" onClick={() => void askDelete().catch(reportError)} disabled={!project}>
        Delete project
      </button>
      <span className="spacer" />
      <button type="button" onClick={runExport(exportCodebookCsv, 'the codebook')} disabled={!project}>
        Export codebook (CSV)
      </button>
      <button type="button" onClick={runExport(exportSegmentsCsv, 'the coded segments')} disabled={!project}>
        Export coded segments (CSV)
      </button>

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
