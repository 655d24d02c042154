// The first-run tour: a small card with the five things to know (import, code, codebook,
// retrieve, export), one at a time. It is not modal and takes no focus, so it never gets in the
// way of work; closing it is remembered, and Help → Show tour brings it back.
import { useId, useState } from 'react';
import { selectTourDismissed, useViewPrefs } from '../stores/viewPrefsStore';
import { TOUR_STEPS } from './tourSteps';

export function FirstRunTour() {
  const dismissed = useViewPrefs(selectTourDismissed);
  const dismiss = useViewPrefs((s) => s.dismissTour);
  const [at, setAt] = useState(0);
  const titleId = useId();
  if (dismissed) return null;
  const step = TOUR_STEPS[Math.min(at, TOUR_STEPS.length - 1)]!;
  const last = at >= TOUR_STEPS.length - 1;
  const close = (): void => {
    dismiss();
    setAt(0);
  };
  return (
    <section
      className="tour"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        }
      }}
    >
      <div className="tour-head">
        <h2 id={titleId} className="tour-title">
          Welcome to Marginalia
        </h2>
        <button type="button" className="tour-close" aria-label="Close tour" onClick={close}>
          ×
        </button>
      </div>
      <p className="tour-progress">
        {at + 1} of {TOUR_STEPS.length}: <strong>{step.title}</strong>
      </p>
      <p className="tour-text">{step.text}</p>
      <div className="tour-actions">
        <button type="button" onClick={() => setAt(at - 1)} disabled={at === 0}>
          Back
        </button>
        {last ? (
          <button type="button" className="primary" onClick={close}>
            Done
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => setAt(at + 1)}>
            Next
          </button>
        )}
      </div>
    </section>
  );
}
