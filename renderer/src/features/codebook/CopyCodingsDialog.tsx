// Copying a code's codings to another code: the same passages coded a second way; passages the
// other code already has are skipped rather than stacked.
import { useMemo, useState } from 'react';
import type { Code, Source } from '../../../../shared/model/types';
import { useCodingsOfCodes } from '../../db/codebookQueries';
import { isCodableCode } from '../../../../shared/codebook/folder';
import { codePath, flattenTree } from '../../../../shared/codebook/tree';
import { copyCodingsToCode, type CopyOutcome } from '../../db/operations/codebook';
import { Modal } from '../common/Modal';
import { CodingChecklist } from './CodingChecklist';
import { FormError } from '../common/FormError';
import { errorMessage } from '../../../../shared/errors/errorMessage';

export interface CopyCodingsDialogProps {
  code: Code;
  codes: readonly Code[];
  sources: ReadonlyMap<string, Pick<Source, 'name' | 'order'>>;
  onDone(outcome: { target: Code; result: CopyOutcome } | null): void;
}

export function CopyCodingsDialog({ code, codes, sources, onDone }: CopyCodingsDialogProps) {
  const codings = useCodingsOfCodes([code.id]);
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const [targetId, setTargetId] = useState('');
  // Every coding is chosen until the user picks (the codings arrive after the first render).
  const [picked, setChosen] = useState<ReadonlySet<string> | null>(null);
  const chosen = picked ?? new Set((codings ?? []).map((c) => c.id));
  const [error, setError] = useState<string | null>(null);
  const target = byId.get(targetId);
  return (
    <Modal title="Copy codings" onClose={() => onDone(null)} size="wide">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!target) return;
          copyCodingsToCode([...chosen], target.id, { fromCodeIds: [code.id] }).then(
            (result) => onDone({ target, result }),
            (e: unknown) => setError(errorMessage(e)),
          );
        }}
      >
        <p className="modal-message">Code the chosen passages of “{code.name}” with another code as well.</p>
        <label className="field">
          <span>Copy to code</span>
          <select value={targetId} onChange={(e) => setTargetId(e.target.value)} autoFocus required>
            <option value="">Choose a code…</option>
            {flattenTree(codes)
              .filter(({ code: c }) => c.id !== code.id && isCodableCode(c))
              .map(({ code: c }) => (
                <option key={c.id} value={c.id}>
                  {codePath(byId, c.id)}
                </option>
              ))}
          </select>
        </label>
        <CodingChecklist label="Codings to copy" codings={codings ?? []} sources={sources} chosen={chosen} onChange={setChosen} />
        <FormError error={error} />
        <div className="modal-actions">
          <button type="button" onClick={() => onDone(null)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!target || chosen.size === 0}>
            Copy codings
          </button>
        </div>
      </form>
    </Modal>
  );
}
