// A modal dialog on the native <dialog> element: focus trapping, Escape and the accessible
// dialog role come from the browser.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** 'wide' for dialogs that show a table or a side-by-side preview. */
  size?: 'normal' | 'wide';
  /** What Escape does; closes by default. A dialog holding unsaved text asks first instead. */
  onEscape?(): void;
}

export function Modal({ title, onClose, children, size = 'normal', onEscape }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      // jsdom has no showModal; the open attribute is enough there.
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
  }, []);
  return (
    <dialog
      ref={ref}
      className={size === 'wide' ? 'modal modal-wide' : 'modal'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        (onEscape ?? onClose)();
      }}
    >
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
