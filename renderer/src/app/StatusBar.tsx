// The status bar along the bottom: who is coding, how many codings the open source has, the
// active code while active code mode is on, and that the work is saved (every change is written
// to the database as it is made), with when the project was last saved to a file and backed up.
import { useCodes, useSourceCodingCount } from '../db/queries';
import { selectActiveCodeId, selectCoderName, selectShowOtherCoders, useUiStore } from '../stores/uiStore';
import { useCoders } from '../db/coderQueries';
import { runCommand } from '../commands/registry';
import { openSwitchCoder } from '../features/coders/coderDialogs';
import { useFileStatusStore } from '../stores/fileStatusStore';
import { fileStatusParts } from './fileStatusText';

export function StatusBar({ projectId }: { projectId: string }) {
  const coderName = useUiStore(selectCoderName);
  const sourceId = useUiStore((s) => s.activeSourceId);
  const codings = useSourceCodingCount(projectId, sourceId);
  const fileStatus = useFileStatusStore((s) => s.byProject[projectId]);
  const backingUp = useFileStatusStore((s) => s.backingUp);
  return (
    <footer className="status-bar" aria-label="Status">
      <button type="button" className="status-coder" aria-label={`Coder: ${coderName}. Switch coder`} onClick={openSwitchCoder}>
        Coder: {coderName}
      </button>
      <OtherCodersToggle projectId={projectId} />
      {sourceId && codings !== undefined && (
        <span>
          {codings} coding{codings === 1 ? '' : 's'} in this source
        </span>
      )}
      <ActiveCodeStatus projectId={projectId} />
      <span className="status-saved">{['All changes saved', ...fileStatusParts(fileStatus, undefined, backingUp)].join(' · ')}</span>
    </footer>
  );
}

/** "Show other coders" beside the coder (the View menu's toggle), once the project has more than one. */
function OtherCodersToggle({ projectId }: { projectId: string }) {
  const coders = useCoders(projectId);
  const on = useUiStore(selectShowOtherCoders);
  if (!coders || coders.length < 2) return null;
  return (
    <button type="button" className="status-button" aria-pressed={on} onClick={() => runCommand('view.otherCoders')}>
      Show other coders
    </button>
  );
}

/** "Active code: Tariffs" with a way to turn the mode off; nothing while the mode is off. */
function ActiveCodeStatus({ projectId }: { projectId: string }) {
  const activeCodeId = useUiStore(selectActiveCodeId);
  const codes = useCodes(activeCodeId ? projectId : null);
  const code = activeCodeId ? codes?.find((c) => c.id === activeCodeId) : undefined;
  if (!code) return null;
  return (
    <span className="status-active-code" role="status">
      <span className="code-swatch" style={{ background: code.color }} aria-hidden="true" />
      Active code: {code.name}
      <button type="button" className="status-button" onClick={() => useUiStore.getState().setActiveCode(null)} aria-label={`Turn off active code mode (${code.name})`}>
        Turn off
      </button>
    </span>
  );
}
