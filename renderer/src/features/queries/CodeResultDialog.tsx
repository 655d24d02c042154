// "Code the result": the passages a query found get one code, an existing one or a new one, in
// one undoable step. Passages already coded with that code are skipped and counted.
import { useState } from 'react';
import type { Code } from '../../../../shared/model/types';
import type { PassageToCode } from '../../../../shared/analysis/planCodings';
import { isCodableCode } from '../../../../shared/codebook/folder';
import { errorMessage } from '../../../../shared/errors/errorMessage';
import { plural } from '../../../../shared/text/plural';
import { codeQueryResult, type CodedResult } from '../../db/operations/codeQueryResult';
import { Modal } from '../common/Modal';
import { FormError } from '../common/FormError';
import { CodePicker } from '../retrieval/CodePicker';

interface CodeResultDialogProps {
  projectId: string;
  passages: readonly PassageToCode[];
  entries: ReadonlyArray<{ code: Code; depth: number }>;
  coder: string;
  onDone(result: CodedResult | null): void;
}

export function CodeResultDialog({ projectId, passages, entries, coder, onDone }: CodeResultDialogProps) {
  const codable = entries.filter((e) => isCodableCode(e.code));
  const [mode, setMode] = useState<'existing' | 'new'>(codable.length > 0 ? 'existing' : 'new');
  const [codeId, setCodeId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = mode === 'existing' ? codeId !== null : name.trim() !== '';
  return (
    <Modal title="Code the result" onClose={() => onDone(null)}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!ready || busy) return;
          setBusy(true);
          const target = mode === 'existing' ? { codeId: codeId! } : { newCodeName: name };
          codeQueryResult(projectId, passages, target, coder).then(onDone, (e: unknown) => {
            setBusy(false);
            setError(errorMessage(e));
          });
        }}
      >
        <p>Apply one code to the {plural(passages.length, 'passage')} the query found, as one step you can undo.</p>
        <fieldset className="code-result-choice">
          <legend className="visually-hidden">Which code</legend>
          <label className="check">
            <input type="radio" name="code-result-mode" checked={mode === 'existing'} onChange={() => setMode('existing')} disabled={codable.length === 0} />
            An existing code
          </label>
          {mode === 'existing' && <CodePicker label="Code to apply" entries={codable} value={codeId} placeholder="Choose a code…" onChange={setCodeId} />}
          <label className="check">
            <input type="radio" name="code-result-mode" checked={mode === 'new'} onChange={() => setMode('new')} />
            A new code
          </label>
          {mode === 'new' && (
            <label className="field">
              <span>New code name</span>
              <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoFocus />
            </label>
          )}
        </fieldset>
        <FormError error={error} />
        <div className="modal-actions">
          <button type="button" onClick={() => onDone(null)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!ready || busy}>
            Code {plural(passages.length, 'passage')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
