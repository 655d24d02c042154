// "Show coded segments" on a code: the Coded segments view, listing that code's segments, with the
// code selected in the codebook too.
import { useAnalysisStore } from '../../stores/analysisStore';
import { useUiStore } from '../../stores/uiStore';

export function showCodedSegments(codeId: string): void {
  useAnalysisStore.getState().pickRetrievalCode(codeId);
  const ui = useUiStore.getState();
  if (ui.selectedCodeId !== codeId || ui.selectedCodeIds.length !== 1) ui.selectCode(codeId);
  ui.showCentreView('segments');
}
