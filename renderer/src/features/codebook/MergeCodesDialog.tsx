// Merging the selected codes into another: the preview says what will happen (codings moving,
// identical codings collapsing, subcodes moving) or why the merge is refused, before anything changes.
import { useMemo, useState } from 'react';
import type { Code, CodeSet } from '../../../../shared/model/types';
import { planMerge } from '../../../../shared/codebook/merge';
import { codePath, flattenTree } from '../../../../shared/codebook/tree';
import { mergeCodes, type MergeOutcome } from '../../db/operations/codebook';
import { useCodingsOfCodes } from '../../db/codebookQueries';
import { Modal } from '../common/Modal';
import { FormError } from '../common/FormError';
import { errorMessage } from '../../../../shared/errors/errorMessage';
import { plural } from '../../../../shared/text/plural';

export interface MergeCodesDialogProps {
  codes: readonly Code[];
  codeSets: readonly CodeSet[];
  /** The codes to merge away. */
  mergedCodeIds: readonly string[];
  onDone(outcome: { target: Code; result: MergeOutcome } | null): void;
}


export function MergeCodesDialog({ codes, codeSets, mergedCodeIds, onDone }: MergeCodesDialogProps) {
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const candidates = flattenTree(codes).filter(({ code }) => !mergedCodeIds.includes(code.id));
  const [targetId, setTargetId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const names = mergedCodeIds.map((id) => `“${byId.get(id)?.name ?? '?'}”`);
  // The preview needs the codings of the merged codes and of the target only.
  const codings = useCodingsOfCodes(targetId ? [targetId, ...mergedCodeIds] : []);
  const plan = useMemo(
    () => (targetId && codings ? planMerge({ codes, codings, mergedCodeIds, targetId, codeSets }) : null),
    [codeSets, codes, codings, mergedCodeIds, targetId],
  );
  const target = byId.get(targetId);

  const preview: string[] = [];
  if (plan?.ok && target) {
    preview.push(`${plural(plan.recode.length, 'coding')} ${plan.recode.length === 1 ? 'moves' : 'move'} to “${target.name}”.`);
    if (plan.deleteCodingIds.length > 0) {
      preview.push(
        `${plural(plan.deleteCodingIds.length, 'coding')} of the same passage ${plan.deleteCodingIds.length === 1 ? 'collapses' : 'collapse'} into the one “${target.name}” already has.`,
      );
    }
    if (plan.placements.length > 0) preview.push(`${plural(plan.placements.length, 'subcode')} ${plan.placements.length === 1 ? 'moves' : 'move'} under “${target.name}”.`);
    if (plan.targetChanges.description !== undefined) preview.push('The descriptions are appended to its description.');
    preview.push(`${names.join(', ')} ${mergedCodeIds.length === 1 ? 'is' : 'are'} then removed.`);
  }

  return (
    <Modal title="Merge codes" onClose={() => onDone(null)}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!target || !plan?.ok) return;
          setBusy(true);
          mergeCodes(mergedCodeIds, target.id).then(
            (result) => onDone({ target, result }),
            (e: unknown) => {
              setBusy(false);
              setError(errorMessage(e));
            },
          );
        }}
      >
        <p className="modal-message">
          Merge {names.join(', ')} into another code. Their codings, subcodes and definitions go to that code.
        </p>
        <label className="field">
          <span>Merge into</span>
          <select value={targetId} onChange={(e) => setTargetId(e.target.value)} autoFocus required>
            <option value="">Choose a code…</option>
            {candidates.map(({ code }) => (
              <option key={code.id} value={code.id}>
                {codePath(byId, code.id)}
              </option>
            ))}
          </select>
        </label>
        {plan && !plan.ok && (
          <p role="alert" className="form-error">
            {plan.reason}
          </p>
        )}
        {preview.length > 0 && (
          <ul className="plan-preview" aria-label="What the merge does">
            {preview.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        <FormError error={error} />
        <div className="modal-actions">
          <button type="button" onClick={() => onDone(null)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!plan?.ok || busy}>
            Merge codes
          </button>
        </div>
      </form>
    </Modal>
  );
}
