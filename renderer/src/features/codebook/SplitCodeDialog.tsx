// Splitting a code: the chosen codings move to a new code, by default a subcode of this one.
import { useState } from 'react';
import type { Code, Source } from '../../../../shared/model/types';
import { useCodingsOfCodes } from '../../db/codebookQueries';
import { splitCode } from '../../db/operations/codebook';
import { Modal } from '../common/Modal';
import { CodingChecklist } from './CodingChecklist';
import { FormError } from '../common/FormError';
import { errorMessage } from '../../../../shared/errors/errorMessage';

export interface SplitCodeDialogProps {
  code: Code;
  sources: ReadonlyMap<string, Pick<Source, 'name' | 'order'>>;
  onDone(created: Code | null): void;
}

export function SplitCodeDialog({ code, sources, onDone }: SplitCodeDialogProps) {
  const codings = useCodingsOfCodes([code.id]) ?? [];
  const [name, setName] = useState('');
  const [placement, setPlacement] = useState<'child' | 'sibling'>('child');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title="Split code" onClose={() => onDone(null)} size="wide">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          splitCode({ codeId: code.id, codingIds: [...chosen], name, placement }).then(onDone, (e: unknown) =>
            setError(errorMessage(e)),
          );
        }}
      >
        <p className="modal-message">Move some of the codings of “{code.name}” to a new code.</p>
        <div className="form-row">
          <label className="field grow">
            <span>New code name</span>
            <input value={name} onChange={(e) => setName(e.target.value)} autoFocus required maxLength={200} />
          </label>
          <fieldset className="field radio-group">
            <legend>Place it</legend>
            <label>
              <input type="radio" name="split-placement" checked={placement === 'child'} onChange={() => setPlacement('child')} />
              As a subcode of “{code.name}”
            </label>
            <label>
              <input type="radio" name="split-placement" checked={placement === 'sibling'} onChange={() => setPlacement('sibling')} />
              Next to “{code.name}”
            </label>
          </fieldset>
        </div>
        <CodingChecklist label="Codings to move" codings={codings} sources={sources} chosen={chosen} onChange={setChosen} />
        <FormError error={error} />
        <div className="modal-actions">
          <button type="button" onClick={() => onDone(null)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={chosen.size === 0}>
            Split code
          </button>
        </div>
      </form>
    </Modal>
  );
}
