// What "Save project", "Save project as", "Open project", "Restore from backup" and the automatic
// backups do in the renderer, written against the functions they need rather than the database:
// the snapshot reader (db layer), the .qdpx writer and reader (shared/refi) and the host. The UI
// binds these once (see bindProjectFileActions) and calls them from its commands.
import type {
  BackupInfo,
  BackupRequest,
  OpenProjectFileResult,
  ProjectCounts,
  SaveProjectFileResult,
} from '../../../../shared/ipc/contract';
import type { ProjectSnapshot } from '../../../../shared/model/snapshot';
import type { Host } from '../../host/host';

/** What opening a `.qdpx` into a new project produced. */
export interface ImportedProject {
  projectId: string;
  /** What could not be read (audio, images, PDF selections…), in words; empty when nothing was left out. */
  notRead: string[];
  /** What the new project holds, when the reader says. */
  counts?: ProjectCounts;
}

/** A project written as a `.qdpx`, with what a backup lists about it. */
export interface ProjectFile {
  bytes: Uint8Array;
  projectName: string;
  counts: ProjectCounts;
  /** The change stamp of the state written (see `changeStampOf`). */
  changeStamp?: string;
}

/** The project's file through whichever writer the dependencies provide. */
export async function projectFileOf(deps: ProjectFileActionDeps, projectId: string, onProgress?: (fraction: number) => void): Promise<ProjectFile> {
  if (deps.writeProjectFile) return deps.writeProjectFile(projectId, onProgress);
  if (!deps.readProject || !deps.writeQdpx) throw new Error('Project files cannot be written here.');
  const snapshot = await deps.readProject(projectId);
  return { bytes: await deps.writeQdpx(snapshot), projectName: snapshot.project.name, counts: countsOf(snapshot) };
}

export interface ProjectFileActionDeps {
  host: Pick<
    Host,
    'saveProjectFile' | 'openProjectFile' | 'linkProjectFile' | 'writeBackup' | 'listBackups' | 'readBackup' | 'completeBackupRequest'
  >;
  /**
   * The project as a `.qdpx` in one call, where reading and writing happen elsewhere (the app's
   * project-file worker reads the database itself, so the snapshot never crosses to the page).
   * When absent, `readProject` and `writeQdpx` are used.
   */
  writeProjectFile?: (projectId: string, onProgress?: (fraction: number) => void) => Promise<ProjectFile>;
  /**
   * The same for an automatic backup taken while the researcher may be coding: written in turns
   * with rest, so a key press meanwhile keeps its frame. When absent, `writeProjectFile` is used.
   */
  writeProjectBackup?: (projectId: string) => Promise<ProjectFile>;
  /** The whole project, read in one transaction (db layer's `readProject`). */
  readProject?: (projectId: string) => Promise<ProjectSnapshot>;
  /** The `.qdpx` bytes of a snapshot (shared/refi's writer, possibly in a worker). */
  writeQdpx?: (snapshot: ProjectSnapshot) => Uint8Array | Promise<Uint8Array>;
  /** Reads a `.qdpx` into a new project; never touches an existing one. `onProgress` hears how far it is (0–1). */
  importQdpx: (fileName: string, bytes: Uint8Array, onProgress?: (fraction: number) => void) => Promise<ImportedProject>;
  /** Every project in the database, for backups. */
  listProjects: () => Promise<ReadonlyArray<{ id: string; name: string }>>;
  /** Changes whenever the project changes: the history's last seq, or the project's updatedAt. */
  changeStampOf: (projectId: string) => Promise<string>;
}

/** A `.qdpx` name from a project name, safe for every file system and for main's validator. */
export function projectFileName(projectName: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we replace
  const base = projectName.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '').trim().slice(0, 150);
  return `${base || 'Project'}.qdpx`;
}

export function countsOf(snapshot: ProjectSnapshot): ProjectCounts {
  return {
    sources: snapshot.sources.length,
    codes: snapshot.codes.length,
    codings: snapshot.codings.length,
    memos: snapshot.memos.length,
    cases: snapshot.cases.length,
  };
}

/** "Save project" (`saveAs: false`: to the project's file, asking only the first time) and "Save project as". */
export async function saveProject(
  deps: ProjectFileActionDeps,
  projectId: string,
  { saveAs, onStage }: { saveAs: boolean; onStage?: StageListener },
): Promise<SaveProjectFileResult> {
  onStage?.('writing', 0);
  const file = await projectFileOf(deps, projectId, onStage && ((fraction) => onStage('writing', fraction)));
  onStage?.('saving');
  return deps.host.saveProjectFile({ projectId, bytes: file.bytes, saveAs, suggestedName: projectFileName(file.projectName) });
}

/** Where a save or an open is, for a progress bar. */
export type FileStage = 'writing' | 'saving' | 'opening';

/** Hears the stage, and how far through it the work is (0–1) where the worker says. */
export type StageListener = (stage: FileStage, fraction?: number) => void;

export type OpenOutcome = { status: 'canceled' } | ({ status: 'opened'; fileName: string } & ImportedProject);

/**
 * Opens a `.qdpx` the user chose (or double-clicked: pass the event's file as `file`) into a new
 * project. "Save project" then writes back to that file, but only when everything in it was
 * read: saving over another tool's file would otherwise drop what Marginalia could not read.
 * A refused file throws its message.
 */
export async function openProject(deps: ProjectFileActionDeps, file?: OpenProjectFileResult, onStage?: StageListener): Promise<OpenOutcome> {
  const chosen = file ?? (await deps.host.openProjectFile());
  if (chosen.status === 'canceled') return { status: 'canceled' };
  if (chosen.status === 'refused') throw new Error(chosen.error);
  onStage?.('opening', 0);
  const imported = await deps.importQdpx(chosen.name, chosen.bytes, onStage && ((fraction) => onStage('opening', fraction)));
  if (imported.notRead.length === 0) await deps.host.linkProjectFile({ projectId: imported.projectId, fileToken: chosen.fileToken });
  return { status: 'opened', fileName: chosen.name, ...imported };
}

/** "Restore from backup": the backup becomes a new project; the project it came from is untouched. */
export async function restoreBackup(deps: ProjectFileActionDeps, backupId: string, onStage?: StageListener): Promise<ImportedProject> {
  const backup = await deps.host.readBackup({ id: backupId });
  return deps.importQdpx(backup.name, backup.bytes, onStage && ((fraction) => onStage('opening', fraction)));
}

export interface BackupRoundResult {
  written: string[];
  unchanged: string[];
  failed: Array<{ projectId: string; error: unknown }>;
}

/**
 * Answers one backup request: a backup of each project changed since its last backup, then
 * tells the host the request is done (main waits for that before quitting). A project that
 * fails does not stop the others.
 */
export async function backUpChangedProjects(deps: ProjectFileActionDeps, request: BackupRequest): Promise<BackupRoundResult> {
  const result: BackupRoundResult = { written: [], unchanged: [], failed: [] };
  try {
    const lastStamp = latestStamps(await deps.host.listBackups());
    for (const project of await deps.listProjects()) {
      try {
        const changeStamp = await deps.changeStampOf(project.id);
        // Compared before reading the project: an unchanged project costs one small read.
        if (lastStamp.get(project.id) === changeStamp) {
          result.unchanged.push(project.id);
          continue;
        }
        // Paced on the timer; on quit nobody is coding and the app waits to close.
        const file = request.reason === 'interval' && deps.writeProjectBackup ? await deps.writeProjectBackup(project.id) : await projectFileOf(deps, project.id);
        const written = await deps.host.writeBackup({
          projectId: project.id,
          projectName: file.projectName,
          // The stamp of the state actually written, when the writer knows it: a change made
          // while the file was being written is then caught by the next round.
          changeStamp: file.changeStamp ?? changeStamp,
          bytes: file.bytes,
          counts: file.counts,
        });
        (written.written ? result.written : result.unchanged).push(project.id);
      } catch (error) {
        result.failed.push({ projectId: project.id, error });
      }
    }
  } catch (error) {
    result.failed.push({ projectId: '', error });
  } finally {
    await deps.host.completeBackupRequest({ requestId: request.requestId }).catch(() => undefined);
  }
  return result;
}

function latestStamps(backups: readonly BackupInfo[]): Map<string, string> {
  const latest = new Map<string, BackupInfo>();
  for (const backup of backups) {
    const seen = latest.get(backup.projectId);
    if (!seen || backup.createdAt > seen.createdAt) latest.set(backup.projectId, backup);
  }
  return new Map([...latest].map(([projectId, backup]) => [projectId, backup.changeStamp]));
}

export interface BoundProjectFileActions {
  saveProject(projectId: string, onStage?: StageListener): Promise<SaveProjectFileResult>;
  saveProjectAs(projectId: string, onStage?: StageListener): Promise<SaveProjectFileResult>;
  openProject(file?: OpenProjectFileResult, onStage?: StageListener): Promise<OpenOutcome>;
  restoreBackup(backupId: string, onStage?: StageListener): Promise<ImportedProject>;
  listBackups(): Promise<BackupInfo[]>;
  /** Starts answering the host's backup requests; returns a function that stops. */
  /**
   * `onStart` hears a round begin and `onRound` hears of every round end, written or not: the
   * status bar says "Backing up…" between them, then reads the backups again.
   */
  startAutomaticBackups(onFailure: (failed: BackupRoundResult['failed']) => void, onRound?: (result: BackupRoundResult) => void, onStart?: () => void): () => void;
  /** Starts receiving files opened from outside (double-click); returns a function that stops. */
  listenForOpenedFiles(onOpened: (outcome: OpenOutcome) => void, onError: (error: unknown) => void, onStage?: StageListener): () => void;
}

/** The actions with their dependencies bound, for the UI's commands. */
export function bindProjectFileActions(deps: ProjectFileActionDeps & { host: Pick<Host, 'onBackupRequested' | 'onOpenProjectFile'> }): BoundProjectFileActions {
  return {
    saveProject: (projectId, onStage) => saveProject(deps, projectId, { saveAs: false, onStage }),
    saveProjectAs: (projectId, onStage) => saveProject(deps, projectId, { saveAs: true, onStage }),
    openProject: (file, onStage) => openProject(deps, file, onStage),
    restoreBackup: (backupId, onStage) => restoreBackup(deps, backupId, onStage),
    listBackups: () => deps.host.listBackups(),
    startAutomaticBackups: (onFailure, onRound, onStart) =>
      deps.host.onBackupRequested((request) => {
        onStart?.();
        void backUpChangedProjects(deps, request).then((result) => {
          if (result.failed.length > 0) onFailure(result.failed);
          onRound?.(result);
        });
      }),
    listenForOpenedFiles: (onOpened, onError, onStage) =>
      deps.host.onOpenProjectFile((file) => {
        openProject(deps, file, onStage).then(onOpened, onError);
      }),
  };
}
