// Asks for one name (new project, rename project, rename code).
import { useState } from 'react';
import { Modal } from './Modal';
import { FormError } from './FormError';
import { errorMessage } from '../../../../shared/errors/errorMessage';

export interface NameDialogProps {
  title: string;
  label: string;
  initial: string;
  submitLabel: string;
  onSubmit(name: string): Promise<void>;
  onClose(): void;
}

export function NameDialog({ title, label, initial, submitLabel, onSubmit, onClose }: NameDialogProps) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title={title} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(name).then(onClose, (e: unknown) => setError(errorMessage(e)));
        }}
      >
        <label className="field">
          <span>{label}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus required maxLength={200} />
        </label>
        <FormError error={error} />
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            {submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
