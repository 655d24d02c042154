// Messages about what just happened (import results, errors), announced to screen readers.
import { useUiStore, selectNotices } from '../../stores/uiStore';
import { saveProjectAsHandler } from '../storage/saveProjectAsPrompt';
import { undoLastStep } from '../history/undoActions';

export function Notices() {
  const notices = useUiStore(selectNotices);
  const dismiss = useUiStore((s) => s.dismissNotice);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : undefined}>
          <span>{notice.text}</span>
          {notice.action === 'saveProjectAs' && saveProjectAsHandler() && (
            <button type="button" onClick={() => saveProjectAsHandler()?.()}>
              Save project as
            </button>
          )}
          {notice.undoable && (
            <button
              type="button"
              className="notice-undo"
              onClick={() => {
                dismiss(notice.id);
                void undoLastStep();
              }}
            >
              Undo
            </button>
          )}
          <button type="button" aria-label="Dismiss message" onClick={() => dismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
