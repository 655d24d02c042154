// The project-file operations of the analysis worker's script, loaded on first use. The .qdpx
// reader and writer (with the encoding detector and the inflaters behind them) are three quarters
// of the script: imported up front, the analyses' worker parsed and ran them before it could
// answer the startup's warm-up, so the first retrieval after opening a project waited for them as
// well as for the columns read. The project-file worker, which runs them, loads them as it starts
// (analysis.worker.ts).
import type { OpenedProjectFile, WrittenProjectFile } from './projectFileOperations';
import type * as operations from './projectFileOperations';

type ProjectFileOperations = typeof operations;

let loading: Promise<ProjectFileOperations> | undefined;

export function loadProjectFileOperations(): Promise<ProjectFileOperations> {
  return (loading ??= import('./projectFileOperations'));
}

export async function writeProjectFile(...args: Parameters<ProjectFileOperations['writeProjectFile']>): Promise<WrittenProjectFile> {
  return (await loadProjectFileOperations()).writeProjectFile(...args);
}

export async function writeProjectBackup(...args: Parameters<ProjectFileOperations['writeProjectBackup']>): Promise<WrittenProjectFile> {
  return (await loadProjectFileOperations()).writeProjectBackup(...args);
}

export async function openProjectFile(...args: Parameters<ProjectFileOperations['openProjectFile']>): Promise<OpenedProjectFile> {
  return (await loadProjectFileOperations()).openProjectFile(...args);
}
