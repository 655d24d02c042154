// Writes or edits a memo: a title, Markdown text with a live preview beside it, what it is attached
// to, and who wrote it when. Ctrl+Enter saves; Escape asks before throwing away unsaved text.
import { coderNameOf, useCoders } from '../../db/coderQueries';
import { useId, useState } from 'react';
import type { Memo, MemoTargetKind } from '../../../../shared/model/types';
import { codePath, flattenTree } from '../../../../shared/codebook/tree';
import { describeMemoTarget, type MemoTargetLookup } from '../../../../shared/memos/memoTargets';
import { createMemo, deleteMemo, updateMemo } from '../../db/operations/memos';
import type { MemoEditorState } from '../../stores/uiStore';
import { Modal } from '../common/Modal';
import { MarkdownView } from './MarkdownView';
import { formatMemoTime } from './memoTime';
import { FormError } from '../common/FormError';
import { errorMessage } from '../../../../shared/errors/errorMessage';

export interface MemoDialogProps {
  projectId: string;
  state: MemoEditorState;
  /** The memo being edited (state 'edit'); undefined while it loads or after it was deleted. */
  memo: Memo | undefined;
  lookup: MemoTargetLookup;
  author: string;
  onClose(saved: Memo | null): void;
  onGoTo(memo: Pick<Memo, 'targetKind' | 'targetId'>): void;
}

function targetValue(kind: MemoTargetKind, id: string): string {
  return `${kind}:${id}`;
}

export function MemoDialog({ projectId, state, memo, lookup, author, onClose, onGoTo }: MemoDialogProps) {
  const authorName = coderNameOf(useCoders(projectId));
  const initialTarget = state.kind === 'new' ? { targetKind: state.targetKind, targetId: state.targetId } : memo;
  const [title, setTitle] = useState(memo?.title ?? '');
  const [body, setBody] = useState(memo?.body ?? '');
  const [target, setTarget] = useState(initialTarget ? targetValue(initialTarget.targetKind, initialTarget.targetId) : targetValue('project', projectId));
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const unsaved = title !== (memo?.title ?? '') || body !== (memo?.body ?? '');
  const bodyId = useId();
  const [kind, ...rest] = target.split(':');
  const chosen = { targetKind: kind as MemoTargetKind, targetId: rest.join(':') };
  const described = describeMemoTarget(chosen, lookup);
  // A coding is chosen in the document, not from a list: its memo keeps the target it was opened for.
  const pickable = state.kind === 'new' && chosen.targetKind !== 'coding';

  const save = (): void => {
    const done = (saved: Memo | null): void => onClose(saved);
    const fail = (e: unknown): void => setError(errorMessage(e));
    if (state.kind === 'new') {
      createMemo({ projectId, ...chosen, title, body, author }).then(done, fail);
    } else if (memo) {
      updateMemo(memo.id, { title, body }).then(() => done(null), fail);
    }
  };

  const codes = flattenTree([...lookup.codes.values()]);
  return (
    <Modal
      title={state.kind === 'new' ? 'New memo' : 'Edit memo'}
      onClose={() => onClose(null)}
      // Escape is easy to press by accident while writing: with unsaved text it asks, and a second
      // Escape takes the question back rather than discarding.
      onEscape={() => (unsaved ? setConfirmDiscard((asking) => !asking) : onClose(null))}
      size="wide"
    >
      <form
        className="memo-form"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            save();
          }
        }}
      >
        <div className="form-row">
          <label className="field grow">
            <span>Title</span>
            <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} placeholder="Optional: the first line is used otherwise" autoFocus={state.kind === 'edit'} />
          </label>
          {pickable ? (
            <label className="field grow">
              <span>Attached to</span>
              <select value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value={targetValue('project', projectId)}>Project journal</option>
                {lookup.sources.size > 0 && (
                  <optgroup label="Sources">
                    {[...lookup.sources.values()].map((s) => (
                      <option key={s.id} value={targetValue('source', s.id)}>
                        {s.name}
                      </option>
                    ))}
                  </optgroup>
                )}
                {codes.length > 0 && (
                  <optgroup label="Codes">
                    {codes.map(({ code }) => (
                      <option key={code.id} value={targetValue('code', code.id)}>
                        {codePath(lookup.codes, code.id)}
                      </option>
                    ))}
                  </optgroup>
                )}
                {lookup.cases.size > 0 && (
                  <optgroup label="Cases">
                    {[...lookup.cases.values()].map((c) => (
                      <option key={c.id} value={targetValue('case', c.id)}>
                        {c.name}
                      </option>
                    ))}
                  </optgroup>
                )}
              </select>
            </label>
          ) : (
            <div className="field grow memo-target-fixed">
              <span>Attached to</span>
              <div>
                {described.kind === 'project' ? 'Project journal' : `${described.kindLabel}: ${described.label}`}
                {described.kind !== 'project' && !described.missing && (
                  <>
                    {' · '}
                    <button type="button" className="link-button" onClick={() => onGoTo(chosen)}>
                      Go there
                    </button>
                  </>
                )}
              </div>
              {described.quote !== undefined && <blockquote className="memo-quote">{described.quote}</blockquote>}
            </div>
          )}
        </div>
        <div className="memo-editor">
          <label className="field" htmlFor={bodyId}>
            <span>Memo text (Markdown)</span>
          </label>
          <span className="memo-preview-label" aria-hidden="true">
            Preview
          </span>
          <textarea
            id={bodyId}
            className="memo-body"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            autoFocus={state.kind === 'new'}
            placeholder={'What you noticed, wondered, decided…\n\n**bold**, *italic*, - lists, > quotes, [links](https://…)'}
          />
          <section className="memo-preview" aria-label="Preview">
            {body.trim() === '' ? <p className="muted">The preview appears as you write.</p> : <MarkdownView source={body} />}
          </section>
        </div>
        {memo && (
          <p className="form-note">
            Written by {authorName(memo.author)} · created {formatMemoTime(memo.createdAt)}
            {memo.updatedAt !== memo.createdAt && ` · edited ${formatMemoTime(memo.updatedAt)}`}
          </p>
        )}
        <FormError error={error} />
        {confirmDiscard && (
          <div role="alertdialog" aria-label="Discard unsaved memo text?" className="confirm-inline">
            Discard what you wrote in this memo?{' '}
            <button type="button" className="danger" onClick={() => onClose(null)}>
              Discard changes
            </button>
            <button type="button" autoFocus onClick={() => setConfirmDiscard(false)}>
              Keep writing
            </button>
          </div>
        )}
        <div className="modal-actions">
          {memo &&
            (confirmDelete ? (
              <span className="confirm-inline">
                Delete this memo?{' '}
                <button type="button" className="danger" onClick={() => deleteMemo(memo.id).then(() => onClose(null), (e: unknown) => setError(errorMessage(e)))}>
                  Delete memo
                </button>
                <button type="button" onClick={() => setConfirmDelete(false)}>
                  Keep it
                </button>
              </span>
            ) : (
              <button type="button" className="danger push-left" onClick={() => setConfirmDelete(true)}>
                Delete…
              </button>
            ))}
          <button type="button" onClick={() => onClose(null)}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save memo
          </button>
        </div>
      </form>
    </Modal>
  );
}
