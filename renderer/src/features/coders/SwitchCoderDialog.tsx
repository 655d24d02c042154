// "Switch coder": code as another coder of the project from now on, or add one. Opened from the
// coder's name in the status bar and from the "Switch coder…" command.
import { useState } from 'react';
import type { Coder } from '../../../../shared/model/coder';
import { errorMessage } from '../../../../shared/errors/errorMessage';
import { Modal } from '../common/Modal';
import { FormError } from '../common/FormError';
import { useCoders } from '../../db/coderQueries';
import { selectCoder, useUiStore } from '../../stores/uiStore';
import { checkCoderName } from './coderPreference';
import { addCoderAndSwitch, switchToCoder } from './coderSession';

export function SwitchCoderDialog({ projectId, onClose }: { projectId: string; onClose(): void }) {
  const coders = useCoders(projectId);
  const current = useUiStore(selectCoder);
  const notify = useUiStore((s) => s.notify);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const choose = (coder: Coder): void => {
    switchToCoder(coder);
    notify('info', `Now coding as ${coder.name}.`);
    onClose();
  };
  return (
    <Modal title="Switch coder" onClose={onClose}>
      {coders && coders.length > 0 && (
        <ul className="coder-list" aria-label="Coders of this project">
          {coders.map((coder) => (
            <li key={coder.id}>
              <button type="button" aria-current={coder.id === current ? 'true' : undefined} onClick={() => choose(coder)}>
                <span className="coder-swatch" style={{ background: coder.color }} aria-hidden="true" />
                {coder.name}
                {coder.id === current ? ' (you)' : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const checked = checkCoderName(name);
          if (!checked.ok) {
            setError(checked.message);
            return;
          }
          addCoderAndSwitch(projectId, checked.name, coders ?? []).then(
            (coder) => {
              notify('info', `Now coding as ${coder.name}.`);
              onClose();
            },
            (e: unknown) => setError(errorMessage(e)),
          );
        }}
      >
        <label className="field">
          <span>New coder</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoFocus={!coders?.length} />
        </label>
        <FormError error={error} />
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Add coder
          </button>
        </div>
      </form>
    </Modal>
  );
}
