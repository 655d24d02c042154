// The coder commands and dialogs of the app shell: "Who is coding?" until this machine has
// answered it, "Switch coder…" (also the status bar's coder name) and the "Show other coders"
// toggle of the View menu.
import { useCommand } from '../../commands/registry';
import { selectCoderAsked, selectShowOtherCoders, useUiStore } from '../../stores/uiStore';
import { suggestedCoderName } from './coderSession';
import { closeSwitchCoder, openSwitchCoder, useCoderDialogs } from './coderDialogs';
import { SwitchCoderDialog } from './SwitchCoderDialog';
import { WhoIsCodingDialog } from './WhoIsCodingDialog';
import './coders.css';

/** "Who is coding?" until this machine has answered it; App places it under the top bar. */
export function CoderQuestion() {
  const asked = useUiStore(selectCoderAsked);
  return asked ? null : <WhoIsCodingDialog suggestion={suggestedCoderName()} />;
}

export function CoderCommands({ projectId }: { projectId: string | null }) {
  const showOthers = useUiStore(selectShowOtherCoders);
  const switchOpen = useCoderDialogs((s) => s.switchOpen);
  useCommand('coder.switch', openSwitchCoder, projectId !== null);
  useCommand('view.otherCoders', () => useUiStore.getState().toggleOtherCoders(), true, undefined, showOthers);
  return (
    <>
      {switchOpen && projectId && <SwitchCoderDialog projectId={projectId} onClose={closeSwitchCoder} />}
    </>
  );
}
