// The status bar along the bottom: who is coding, how many codings the open source has, and that
// the work is saved (every change is written to the database as it is made).
import { useSourceCodingCount } from '../db/queries';
import { selectCoderName, useUiStore } from '../stores/uiStore';
import { openSwitchCoder } from '../features/coders/coderDialogs';

export function StatusBar({ projectId }: { projectId: string }) {
  const coderName = useUiStore(selectCoderName);
  const sourceId = useUiStore((s) => s.activeSourceId);
  const codings = useSourceCodingCount(projectId, sourceId);
  return (
    <footer className="status-bar" aria-label="Status">
      <button type="button" className="status-coder" aria-label={`Coder: ${coderName}. Switch coder`} onClick={openSwitchCoder}>
        Coder: {coderName}
      </button>
      {sourceId && codings !== undefined && (
        <span>
          {codings} coding{codings === 1 ? '' : 's'} in this source
        </span>
      )}
      <span className="status-saved">All changes saved</span>
    </footer>
  );
}
