// UI state only: what is open and selected. Database rows are read with useLiveQuery, never here.
import { create } from 'zustand';

export interface PendingSpan {
  sourceId: string;
  start: number;
  end: number;
  /** Where to show the code menu (viewport coordinates of the selection's end). */
  anchor: { x: number; y: number };
  /** Whether the menu should take focus (mouse selections) or leave it in the text (keyboard). */
  focusMenu: boolean;
}

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

interface UiState {
  /** Name recorded on new codings. */
  coder: string;
  activeProjectId: string | null;
  activeSourceId: string | null;
  selectedCodeId: string | null;
  pendingSpan: PendingSpan | null;
  /** A click on coded text: the offset clicked and where to show the codings there. */
  inspected: { sourceId: string; offset: number; anchor: { x: number; y: number } } | null;
  notices: Notice[];
  setCoder(coder: string): void;
  openProject(projectId: string | null): void;
  openSource(sourceId: string | null): void;
  selectCode(codeId: string | null): void;
  setPendingSpan(span: PendingSpan | null): void;
  inspect(target: UiState['inspected']): void;
  notify(kind: Notice['kind'], text: string): void;
  dismissNotice(id: number): void;
}

let nextNoticeId = 1;

export const useUiStore = create<UiState>()((set) => ({
  coder: 'me',
  activeProjectId: null,
  activeSourceId: null,
  selectedCodeId: null,
  pendingSpan: null,
  inspected: null,
  notices: [],
  setCoder: (coder) => set({ coder }),
  openProject: (projectId) =>
    set({ activeProjectId: projectId, activeSourceId: null, selectedCodeId: null, pendingSpan: null, inspected: null }),
  openSource: (sourceId) => set({ activeSourceId: sourceId, pendingSpan: null, inspected: null }),
  selectCode: (codeId) => set({ selectedCodeId: codeId }),
  setPendingSpan: (span) => set({ pendingSpan: span, inspected: null }),
  inspect: (target) => set({ inspected: target, pendingSpan: null }),
  notify: (kind, text) => {
    const id = nextNoticeId++;
    set((state) => ({ notices: [...state.notices.slice(-4), { id, kind, text }] }));
    // Confirmations fade on their own; errors stay until the user dismisses them.
    if (kind === 'info') setTimeout(() => useUiStore.getState().dismissNotice(id), 6000);
  },
  dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
}));

export const selectCoder = (s: UiState): string => s.coder;
export const selectActiveProjectId = (s: UiState): string | null => s.activeProjectId;
export const selectActiveSourceId = (s: UiState): string | null => s.activeSourceId;
export const selectSelectedCodeId = (s: UiState): string | null => s.selectedCodeId;
export const selectPendingSpan = (s: UiState): PendingSpan | null => s.pendingSpan;
export const selectInspected = (s: UiState): UiState['inspected'] => s.inspected;
export const selectNotices = (s: UiState): Notice[] => s.notices;

/** Reports an operation's failure to the user instead of losing it in the console. */
export function reportError(error: unknown): void {
  const text = error instanceof Error ? error.message : String(error);
  useUiStore.getState().notify('error', text);
}
