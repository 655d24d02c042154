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

/**
 * Where each stage sits on the bar. The worker reports how far it is through a save (reading the
 * project, then writing the file) or an open (reading the file, then storing it), so the bar
 * moves with the work; main's part of a save (writing the bytes to disk) is the last stretch.
 */
const STAGES: Record<FileStage, { label: string; from: number; to: number }> = {
  writing: { label: 'Writing the project file…', from: 0, to: 90 },
  saving: { label: 'Saving the project file…', from: 90, to: 100 },
  opening: { label: 'Opening the project file…', from: 0, to: 100 },
};

/** The bar for a stage, `fraction` (0–1) of the way through it. */
export function fileProgress(stage: FileStage, fraction = 0): { label: string; value: number } {
  const { label, from, to } = STAGES[stage];
  const share = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  return { label, value: Math.round(from + (to - from) * share) };
}

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
