// UI state of the "Agreement" view: the options being chosen (coders, unit, sources, cases, codes)
// and the request last computed with "Compute agreement". Ids may name things since deleted: the
// view checks them against the project. Null means "the default" (all, or every coder but the
// consensus coder).
import { create } from 'zustand';
import type { UnitKind } from '../../../shared/analysis/agreement/agreementUnits';
import type { AgreementViewRequest } from '../analysis/agreementOperations';
import { useUiStore } from './uiStore';

export interface AgreementChoicesState {
  coderIds: string[] | null;
  unit: UnitKind;
  sourceIds: string[] | null;
  caseIds: string[] | null;
  codeIds: string[] | null;
}

interface AgreementState {
  choices: AgreementChoicesState;
  /** What the table shows; null before the first "Compute agreement". */
  computed: AgreementViewRequest | null;
  /** Set by the "Compute agreement" command: the view computes as soon as it can, then clears it. */
  computeRequested: boolean;
  choose(choices: Partial<AgreementChoicesState>): void;
  setComputed(request: AgreementViewRequest | null): void;
  requestCompute(): void;
  computeHandled(): void;
}

const initial = {
  choices: { coderIds: null, unit: 'paragraph', sourceIds: null, caseIds: null, codeIds: null } as AgreementChoicesState,
  computed: null,
  computeRequested: false,
};

export const useAgreementStore = create<AgreementState>()((set) => ({
  ...initial,
  choose: (choices) => set((state) => ({ choices: { ...state.choices, ...choices } })),
  setComputed: (computed) => set({ computed }),
  requestCompute: () => set({ computeRequested: true }),
  computeHandled: () => set({ computeRequested: false }),
}));

export const selectAgreementChoices = (s: AgreementState): AgreementChoicesState => s.choices;
export const selectComputedAgreement = (s: AgreementState): AgreementViewRequest | null => s.computed;

// Another project's coders and codes mean nothing here: start afresh when the project changes.
useUiStore.subscribe((state, previous) => {
  if (state.activeProjectId !== previous.activeProjectId) useAgreementStore.setState(initial);
});
