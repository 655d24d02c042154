// What the status bar says about each project's files: when it was last saved to a .qdpx (and
// under which name) in this session, and when its latest automatic backup was written (read back
// from the backups at startup and after every backup round). UI state only.
import { create } from 'zustand';
import type { BackupInfo } from '../../../shared/ipc/contract';

export interface FileStatus {
  savedAs?: { fileName: string; at: string };
  /** ISO time of the project's latest backup. */
  backedUpAt?: string;
}

interface FileStatusState {
  byProject: Readonly<Record<string, FileStatus>>;
  /** A backup round is being written now (every changed project, so not per project). */
  backingUp: boolean;
  noteBackingUp(running: boolean): void;
  noteSaved(projectId: string, fileName: string, at?: string): void;
  /** Takes the latest backup of each project from a listing of the backups. */
  noteBackups(backups: readonly Pick<BackupInfo, 'projectId' | 'createdAt'>[]): void;
}

export const useFileStatusStore = create<FileStatusState>()((set) => ({
  byProject: {},
  backingUp: false,
  noteBackingUp: (running) => set((s) => (s.backingUp === running ? s : { backingUp: running })),
  noteSaved: (projectId, fileName, at = new Date().toISOString()) =>
    set((s) => ({ byProject: { ...s.byProject, [projectId]: { ...s.byProject[projectId], savedAs: { fileName, at } } } })),
  noteBackups: (backups) =>
    set((s) => {
      const latest = new Map<string, string>();
      for (const b of backups) if ((latest.get(b.projectId) ?? '') < b.createdAt) latest.set(b.projectId, b.createdAt);
      const changed = [...latest].filter(([projectId, at]) => s.byProject[projectId]?.backedUpAt !== at);
      if (changed.length === 0) return s;
      const byProject = { ...s.byProject };
      for (const [projectId, at] of changed) byProject[projectId] = { ...byProject[projectId], backedUpAt: at };
      return { byProject };
    }),
}));
