// Code sets: named groups of codes across the hierarchy ("Round 2 codes"). The selected codes can
// be put in or taken out of each set; sets are created, renamed and deleted here.
import { useEffect, useRef, useState } from 'react';
import type { Code, CodeSet } from '../../../../shared/model/types';
import {
  addCodesToCodeSet,
  createCodeSet,
  deleteCodeSet,
  removeCodesFromCodeSet,
  renameCodeSet,
} from '../../db/operations/codeSets';
import { CloseFooter, Modal } from '../common/Modal';
import { FormError } from '../common/FormError';
import { errorMessage } from '../../../../shared/errors/errorMessage';

export interface CodeSetsDialogProps {
  projectId: string;
  codes: readonly Code[];
  codeSets: readonly CodeSet[];
  selectedIds: readonly string[];
  onClose(): void;
}

function Membership({ set, selectedIds, onError }: { set: CodeSet; selectedIds: readonly string[]; onError(e: unknown): void }) {
  const ref = useRef<HTMLInputElement>(null);
  const inSet = selectedIds.filter((id) => set.codeIds.includes(id)).length;
  const all = selectedIds.length > 0 && inSet === selectedIds.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = inSet > 0 && !all;
  });
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={`Selected codes in ${set.name}`}
      checked={all}
      disabled={selectedIds.length === 0}
      onChange={() => (all ? removeCodesFromCodeSet(set.id, selectedIds) : addCodesToCodeSet(set.id, selectedIds)).catch(onError)}
    />
  );
}

export function CodeSetsDialog({ projectId, codes, codeSets, selectedIds, onClose }: CodeSetsDialogProps) {
  const [newName, setNewName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown): void => setError(errorMessage(e));
  const byId = new Map(codes.map((c) => [c.id, c]));
  const what =
    selectedIds.length === 1 ? `“${byId.get(selectedIds[0]!)?.name ?? ''}”` : `the ${selectedIds.length} selected codes`;
  return (
    <Modal title="Code sets" onClose={onClose}>
      <p className="modal-message">
        {selectedIds.length > 0 ? `Tick a set to put ${what} in it.` : 'Select codes in the codebook to put them in a set.'}
      </p>
      {codeSets.length === 0 ? (
        <p className="empty">No code sets yet.</p>
      ) : (
        <ul className="set-list" aria-label="Code sets">
          {codeSets.map((set) => (
            <li key={set.id}>
              <Membership set={set} selectedIds={selectedIds} onError={fail} />
              {renaming?.id === set.id ? (
                <form
                  className="inline-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    renameCodeSet(set.id, renaming.name).then(() => setRenaming(null), fail);
                  }}
                >
                  <input aria-label="Set name" value={renaming.name} onChange={(e) => setRenaming({ id: set.id, name: e.target.value })} autoFocus />
                  <button type="submit">Save</button>
                </form>
              ) : (
                <span className="set-name">
                  {set.name} <span className="muted">({set.codeIds.length})</span>
                </span>
              )}
              {renaming?.id !== set.id && (
                <button type="button" className="small" aria-label={`Rename set ${set.name}`} onClick={() => setRenaming({ id: set.id, name: set.name })}>
                  Rename
                </button>
              )}
              <button type="button" className="small danger" aria-label={`Delete set ${set.name}`} onClick={() => void deleteCodeSet(set.id).catch(fail)}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form new-set"
        onSubmit={(e) => {
          e.preventDefault();
          createCodeSet(projectId, newName, selectedIds).then(() => setNewName(''), fail);
        }}
      >
        <input aria-label="New set name" placeholder="New set, e.g. Round 2 codes" value={newName} onChange={(e) => setNewName(e.target.value)} maxLength={200} />
        <button type="submit" disabled={newName.trim() === ''}>
          Create set
        </button>
      </form>
      <FormError error={error} />
      <CloseFooter onClose={onClose} />
    </Modal>
  );
}
