// Active code mode ("Active code mode" in the Code menu): the code selected in the codebook becomes
// the active code, and every new selection in the document receives it at once, without the code
// menu, until the mode is turned off (the same command, or the status bar's button).
import { useEffect } from 'react';
import type { Code } from '../../../../shared/model/types';
import { isCodableCode } from '../../../../shared/codebook/folder';
import { useCommand } from '../../commands/registry';
import { selectActiveCodeId, selectPendingSpan, selectSelectedCodeId, useUiStore, type PendingSpan } from '../../stores/uiStore';

/** Binds the command; returns the active code while the mode is on (and the code still exists). */
export function useActiveCodeMode(codesById: ReadonlyMap<string, Code>, onSelection: (span: PendingSpan, code: Code) => void): Code | null {
  const activeCodeId = useUiStore(selectActiveCodeId);
  const selectedCodeId = useUiStore(selectSelectedCodeId);
  const pendingSpan = useUiStore(selectPendingSpan);
  const active = activeCodeId ? (codesById.get(activeCodeId) ?? null) : null;

  useCommand(
    'coding.activeMode',
    () => {
      const store = useUiStore.getState();
      if (store.activeCodeId) {
        store.setActiveCode(null);
        store.notify('info', 'Active code mode is off.');
        return;
      }
      const code = store.selectedCodeId ? codesById.get(store.selectedCodeId) : undefined;
      if (!code) store.notify('error', 'Select a code in the codebook first: it becomes the active code.');
      else if (!isCodableCode(code)) store.notify('error', `“${code.name}” is a folder: it is never applied to text.`);
      else {
        store.setActiveCode(code.id);
        store.notify('info', `Active code mode: every selection is coded “${code.name}”.`);
      }
    },
    activeCodeId !== null || selectedCodeId !== null,
  );

  // A finished selection (a drag, or Enter after a keyboard selection) is coded at once. Keyboard
  // selections in progress (Shift+arrows) are not: they wait for Enter, as with the code menu.
  useEffect(() => {
    if (active && pendingSpan?.focusMenu) onSelection(pendingSpan, active);
  }, [active, pendingSpan, onSelection]);

  return active;
}
