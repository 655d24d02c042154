// What the project-file dialogs show, wherever the file came from: "Open project", "Restore from
// backup", or a .qdpx opened from outside (double-click, the command line, macOS open-file),
// so every route shows the same report of what could not be read, or the same refusal.
import { create } from 'zustand';
import type { ImportedProject } from './projectFileActions';

export type ProjectFileDialog =
  | { kind: 'opened'; from: string; imported: ImportedProject }
  | { kind: 'refused'; message: string }
  | { kind: 'restore' }
  | null;

interface OpenReportState {
  dialog: ProjectFileDialog;
  show(dialog: ProjectFileDialog): void;
  /** Closes the dialog of that kind (a dialog shown meanwhile stays). */
  close(kind: NonNullable<ProjectFileDialog>['kind']): void;
}

export const useOpenReport = create<OpenReportState>()((set) => ({
  dialog: null,
  show: (dialog) => set({ dialog }),
  close: (kind) => set((state) => (state.dialog?.kind === kind ? { dialog: null } : state)),
}));

export const selectProjectFileDialog = (state: OpenReportState): ProjectFileDialog => state.dialog;
