// What the project-file UI shows, wherever the file came from: "Open project", "Restore from
// backup", or a .qdpx opened from outside (double-click, the command line, macOS open-file), so
// every route shows the same progress bar and the same report of what could not be read, or the
// same refusal.
import { create } from 'zustand';
import type { FileStage, ImportedProject } from './projectFileActions';

export type ProjectFileDialog =
  | { kind: 'opened'; from: string; imported: ImportedProject }
  | { kind: 'refused'; message: string }
  | { kind: 'restore' }
  | null;

export type FileProgress = { label: string; value: number } | null;

/** The bar for each stage: the slow parts run in the worker in one piece, so it moves by stage. */
export const FILE_STAGES: Record<FileStage, { label: string; value: number }> = {
  writing: { label: 'Writing the project file…', value: 30 },
  saving: { label: 'Saving the project file…', value: 85 },
  opening: { label: 'Opening the project file…', value: 40 },
};

interface OpenReportState {
  dialog: ProjectFileDialog;
  progress: FileProgress;
  showProgress(progress: FileProgress): void;
  show(dialog: ProjectFileDialog): void;
  /** Closes the dialog of that kind (a dialog shown meanwhile stays). */
  close(kind: NonNullable<ProjectFileDialog>['kind']): void;
}

export const useOpenReport = create<OpenReportState>()((set) => ({
  dialog: null,
  progress: null,
  showProgress: (progress) => set({ progress }),
  show: (dialog) => set({ dialog }),
  close: (kind) => set((state) => (state.dialog?.kind === kind ? { dialog: null } : state)),
}));

export const selectProjectFileDialog = (state: OpenReportState): ProjectFileDialog => state.dialog;
export const selectFileProgress = (state: OpenReportState): FileProgress => state.progress;
