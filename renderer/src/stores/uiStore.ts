// UI state only: what is open and selected. Database rows are read with useLiveQuery, never here.
import { create } from 'zustand';
import type { CodingSpan, MemoTargetKind } from '../../../shared/model/types';
import { errorMessage } from '../../../shared/errors/errorMessage';
import { QUOTA_MESSAGE, isQuotaError } from '../features/storage/quotaError';

export interface PendingSpan {
  sourceId: string;
  start: number;
  end: number;
  /** Where to show the code menu (viewport coordinates of the selection's end). */
  anchor: { x: number; y: number };
  /** Whether the menu should take focus (mouse selections) or leave it in the text (keyboard). */
  focusMenu: boolean;
}

/** A request to scroll the document to a span (a memo's coding, a code's typical example). */
export interface RevealRequest {
  sourceId: string;
  start: number;
  end: number;
  /** The text expected there, when known: the document waits until it shows this source's text. */
  exact?: string;
  /** Distinguishes two requests for the same span, so asking again scrolls again. */
  nonce: number;
  /**
   * What the document does there: open the codings at the place (default), or select the span,
   * highlighted with the code menu beside it (a search hit: ready to code).
   */
  then?: 'inspect' | 'select';
}

/** The memo editor: a new memo on a target, or an existing memo. */
export type MemoEditorState =
  | { kind: 'new'; targetKind: MemoTargetKind; targetId: string }
  | { kind: 'edit'; memoId: string };

/** What the centre column shows: the open source, a code's coded segments, the co-occurrence matrix, the crosstab, frequencies, search, queries, or agreement between coders. */
export type CentreView = 'document' | 'segments' | 'cooccurrence' | 'crosstab' | 'frequencies' | 'search' | 'queries' | 'agreement';

/**
 * What an Undo or Redo in flight does to codings, painted before its transaction comes back:
 * codings to hide and codings to show. Once the stored codings agree it changes nothing.
 */
export interface ProvisionalEdit {
  hide: readonly string[];
  show: readonly CodingSpan[];
}

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  /** The notice reports a step that Undo takes back: it shows an Undo button. */
  undoable?: boolean;
  /** A way out offered with the message: storage full → "Save project as". */
  action?: 'saveProjectAs';
}

interface UiState {
  /** The coder id new codings, memos and steps carry in the open project (features/coders/coderSession.ts). */
  coder: string;
  /** That coder's name, for the status bar. */
  coderName: string;
  /** Whether this machine has answered "Who is coding?" yet. */
  coderAsked: boolean;
  /** "Show other coders": codings by other coders drawn distinctly (hatched, outlined) beside one's own. */
  showOtherCoders: boolean;
  activeProjectId: string | null;
  activeSourceId: string | null;
  centreView: CentreView;
  /** The focused code: what the code actions and the definition act on. */
  selectedCodeId: string | null;
  /** Every selected code (multi-select in the tree), the focused one included. */
  selectedCodeIds: string[];
  /** Active code mode: every new selection in the document receives this code (null: off). */
  activeCodeId: string | null;
  reveal: RevealRequest | null;
  memoEditor: MemoEditorState | null;
  pendingSpan: PendingSpan | null;
  /** A click on coded text: the offset clicked and where to show the codings there. */
  inspected: { sourceId: string; offset: number; anchor: { x: number; y: number } } | null;
  notices: Notice[];
  provisionalEdit: ProvisionalEdit | null;
  setProvisionalEdit(edit: ProvisionalEdit | null): void;
  setCoder(coder: { id: string; name: string; asked: boolean }): void;
  toggleOtherCoders(): void;
  openProject(projectId: string | null): void;
  /** Opens a source (and shows the document, when there is one to show). */
  openSource(sourceId: string | null): void;
  showCentreView(view: CentreView): void;
  selectCode(codeId: string | null): void;
  setActiveCode(codeId: string | null): void;
  /** Selects several codes; `focusId` (one of them) becomes the focused code. */
  selectCodes(codeIds: readonly string[], focusId: string | null): void;
  /** Shows the document, opens the source and scrolls to the span. */
  revealSpan(sourceId: string, start: number, end: number, exact?: string, then?: RevealRequest['then']): void;
  /** The document has scrolled to the requested span. */
  revealDone(): void;
  openMemoEditor(state: MemoEditorState | null): void;
  setPendingSpan(span: PendingSpan | null): void;
  inspect(target: UiState['inspected']): void;
  notify(kind: Notice['kind'], text: string, options?: { undoable?: boolean; action?: Notice['action'] }): void;
  dismissNotice(id: number): void;
}

let nextNoticeId = 1;

type ProjectViewState = Pick<
  UiState,
  'activeSourceId' | 'centreView' | 'selectedCodeId' | 'selectedCodeIds' | 'activeCodeId' | 'reveal' | 'memoEditor' | 'pendingSpan' | 'inspected'
>;

/** How a project opens: no source, the document view, nothing selected, pending or being edited. */
const projectOpening = (): ProjectViewState => ({
  activeSourceId: null,
  centreView: 'document',
  selectedCodeId: null,
  selectedCodeIds: [],
  activeCodeId: null,
  reveal: null,
  memoEditor: null,
  pendingSpan: null,
  inspected: null,
});

export const useUiStore = create<UiState>()((set) => ({
  coder: 'me',
  coderName: '',
  coderAsked: true,
  showOtherCoders: false,
  activeProjectId: null,
  ...projectOpening(),
  notices: [],
  provisionalEdit: null,
  setProvisionalEdit: (edit) => set({ provisionalEdit: edit }),
  setCoder: ({ id, name, asked }) => set({ coder: id, coderName: name, coderAsked: asked }),
  toggleOtherCoders: () => set((state) => ({ showOtherCoders: !state.showOtherCoders })),
  openProject: (projectId) => set({ activeProjectId: projectId, ...projectOpening() }),
  // Switching views in the same update as the source: the document is visible (and measurable)
  // by the time it answers a reveal request.
  openSource: (sourceId) =>
    set({ activeSourceId: sourceId, pendingSpan: null, inspected: null, ...(sourceId !== null ? { centreView: 'document' as const } : {}) }),
  showCentreView: (centreView) => set({ centreView }),
  setActiveCode: (activeCodeId) => set({ activeCodeId }),
  selectCode: (codeId) => set({ selectedCodeId: codeId, selectedCodeIds: codeId === null ? [] : [codeId] }),
  selectCodes: (codeIds, focusId) => {
    const ids = [...new Set(codeIds)];
    const focus = focusId !== null && ids.includes(focusId) ? focusId : (ids[0] ?? null);
    set({ selectedCodeId: focus, selectedCodeIds: ids });
  },
  revealSpan: (sourceId, start, end, exact, then) =>
    set((state) => ({
      ...(state.activeSourceId === sourceId ? {} : { activeSourceId: sourceId, pendingSpan: null, inspected: null }),
      centreView: 'document' as const,
      reveal: { sourceId, start, end, ...(exact !== undefined ? { exact } : {}), ...(then ? { then } : {}), nonce: (state.reveal?.nonce ?? 0) + 1 },
    })),
  revealDone: () => set({ reveal: null }),
  openMemoEditor: (memoEditor) => set({ memoEditor }),
  setPendingSpan: (span) => set({ pendingSpan: span, inspected: null }),
  inspect: (target) => set({ inspected: target, pendingSpan: null }),
  notify: (kind, text, options) => {
    const id = nextNoticeId++;
    const extras = { ...(options?.undoable ? { undoable: true } : {}), ...(options?.action ? { action: options.action } : {}) };
    set((state) => ({ notices: [...state.notices.slice(-4), { id, kind, text, ...extras }] }));
    // Confirmations fade on their own; errors stay until the user dismisses them.
    if (kind === 'info') setTimeout(() => useUiStore.getState().dismissNotice(id), 6000);
  },
  dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
}));

export const selectCoder = (s: UiState): string => s.coder;
export const selectCoderName = (s: UiState): string => s.coderName;
export const selectCoderAsked = (s: UiState): boolean => s.coderAsked;
export const selectShowOtherCoders = (s: UiState): boolean => s.showOtherCoders;
export const selectActiveProjectId = (s: UiState): string | null => s.activeProjectId;
export const selectActiveSourceId = (s: UiState): string | null => s.activeSourceId;
export const selectCentreView = (s: UiState): CentreView => s.centreView;
export const selectSelectedCodeId = (s: UiState): string | null => s.selectedCodeId;
export const selectActiveCodeId = (s: UiState): string | null => s.activeCodeId;
export const selectSelectedCodeIds = (s: UiState): string[] => s.selectedCodeIds;
export const selectReveal = (s: UiState): RevealRequest | null => s.reveal;
export const selectMemoEditor = (s: UiState): MemoEditorState | null => s.memoEditor;
export const selectPendingSpan = (s: UiState): PendingSpan | null => s.pendingSpan;
export const selectInspected = (s: UiState): UiState['inspected'] => s.inspected;
export const selectNotices = (s: UiState): Notice[] => s.notices;

/** Reports an operation's failure to the user instead of losing it in the console. */
export function reportError(error: unknown): void {
  // A full disk surfaces as whatever write hit it first: say what it means and how to get out.
  if (isQuotaError(error)) {
    useUiStore.getState().notify('error', QUOTA_MESSAGE, { action: 'saveProjectAs' });
    return;
  }
  const text = errorMessage(error);
  useUiStore.getState().notify('error', text);
}
export const selectProvisionalEdit = (s: UiState): ProvisionalEdit | null => s.provisionalEdit;
