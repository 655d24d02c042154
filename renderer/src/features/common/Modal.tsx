// A modal dialog on the native <dialog> element: focus trapping, Escape and the accessible
// dialog role come from the browser.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { rememberFocus } from './focusReturn';

export interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** 'wide' for dialogs that show a table or a side-by-side preview. */
  size?: 'normal' | 'wide';
  /** What Escape does; closes by default. A dialog holding unsaved text asks first instead. */
  onEscape?(): void;
}

/**
 * How many modal dialogs are open. While there is one, the root says so (`data-modal-open`) and
 * the first-run question and tour, non-modal dialogs that the modal makes inert anyway, step out
 * of sight: the open dialog is then the only dialog on the page, for the eye and for a screen reader.
 */
let openModals = 0;

export function Modal({ title, onClose, children, size = 'normal', onEscape }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    // Whatever had focus before the dialog gets it back when the dialog goes (or, gone itself,
    // its region does), unless something else took it meanwhile: a keyboard user continues where
    // they were, not at the page's top.
    const focusReturn = rememberFocus();
    openModals += 1;
    document.documentElement.dataset.modalOpen = 'true';
    if (dialog && !dialog.open) {
      // jsdom has no showModal; the open attribute is enough there.
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    return () => {
      openModals -= 1;
      if (openModals === 0) delete document.documentElement.dataset.modalOpen;
      queueMicrotask(() => focusReturn.restore());
      // Once more after the frame: the page may still have been inert under the closing modal
      // (focus() then does nothing) or a re-render may have replaced the opener meanwhile.
      requestAnimationFrame(() => focusReturn.restore());
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={size === 'wide' ? 'modal modal-wide' : 'modal'}
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        // Handling the key itself keeps the choice with the dialog: Chromium makes the `cancel`
        // event that Escape would cause uncancelable when the page has had no input since the
        // last one, and the dialog would then close under a question it had just asked.
        if (event.key === 'Escape' && onEscape && !event.defaultPrevented) {
          event.preventDefault();
          onEscape();
        }
      }}
      onCancel={(event) => {
        event.preventDefault();
        // A cancel that cannot be refused closes the dialog whatever we do: follow it.
        if (onEscape && event.cancelable) onEscape();
        else onClose();
      }}
    >
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

/** The footer of a dialog that only shows something: a Close button. */
export function CloseFooter({ onClose }: { onClose(): void }) {
  return (
    <div className="modal-actions">
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
