// UI state of the Queries view: the query being built, the query last run (whose results are
// listed) and the saved query it came from. Kept here so leaving the tab (to read a result in the
// document) and coming back shows the same builder and results.
import { create } from 'zustand';
import type { Query, QueryOperand } from '../../../shared/analysis/queries';
import { useUiStore } from './uiStore';

export type QueryKind = Query['kind'];

/** The builder's fields; codes may be unset while the user is choosing them. */
export interface QueryDraft {
  kind: QueryKind;
  a: QueryOperand | null;
  b: QueryOperand | null;
  sameUnit: 'case' | 'paragraph' | 'segment';
  distance: number;
  proximityUnit: 'characters' | 'paragraphs';
}

export const EMPTY_DRAFT: QueryDraft = { kind: 'and', a: null, b: null, sameUnit: 'case', distance: 0, proximityUnit: 'characters' };

/** The query a draft describes, or null while a code is missing or the distance is not a whole number ≥ 0. */
export function queryOfDraft(d: QueryDraft): Query | null {
  if (!d.a || !d.b) return null;
  const { a, b } = d;
  switch (d.kind) {
    case 'and':
    case 'or':
    case 'not':
      return { kind: d.kind, a, b };
    case 'same':
      return { kind: 'same', a, b, unit: d.sameUnit };
    case 'near':
    case 'followedBy':
      if (!Number.isInteger(d.distance) || d.distance < 0) return null;
      return { kind: d.kind, a, b, distance: d.distance, unit: d.proximityUnit };
  }
}

export function draftOfQuery(q: Query): QueryDraft {
  return {
    ...EMPTY_DRAFT,
    kind: q.kind,
    a: q.a,
    b: q.b,
    ...(q.kind === 'same' ? { sameUnit: q.unit } : {}),
    ...(q.kind === 'near' || q.kind === 'followedBy' ? { distance: q.distance, proximityUnit: q.unit } : {}),
  };
}

interface QueryState {
  draft: QueryDraft;
  /** The query whose results are listed (what "Code the result" codes). */
  ran: Query | null;
  /** The saved query the builder was loaded from, while it is unchanged. */
  savedId: string | null;
  editDraft(patch: Partial<QueryDraft>): void;
  newQuery(): void;
  /** Lists the results of the draft (when it is complete); false when it is not. */
  runDraft(): boolean;
  /** Loads a saved query into the builder and runs it. */
  runSaved(savedId: string, query: Query): void;
}

export const useQueryStore = create<QueryState>()((set, get) => ({
  draft: EMPTY_DRAFT,
  ran: null,
  savedId: null,
  editDraft: (patch) => set((s) => ({ draft: { ...s.draft, ...patch }, savedId: null })),
  newQuery: () => set({ draft: EMPTY_DRAFT, ran: null, savedId: null }),
  runDraft: () => {
    const query = queryOfDraft(get().draft);
    if (query) set({ ran: query });
    return query !== null;
  },
  runSaved: (savedId, query) => set({ draft: draftOfQuery(query), ran: query, savedId }),
}));

useUiStore.subscribe((state, previous) => {
  if (state.activeProjectId !== previous.activeProjectId) useQueryStore.setState({ draft: EMPTY_DRAFT, ran: null, savedId: null });
});

export const selectDraft = (s: QueryState): QueryDraft => s.draft;
export const selectRanQuery = (s: QueryState): Query | null => s.ran;
export const selectSavedId = (s: QueryState): string | null => s.savedId;
