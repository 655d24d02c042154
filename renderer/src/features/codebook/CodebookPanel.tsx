// The "Codebook" region: the code tree with counts, and actions on the selected code.
import { useMemo, useState } from 'react';
import type { Code } from '../../../../shared/model/types';
import { flattenTree } from '../../../../shared/codebook/tree';
import { useCodes, useCodingCounts } from '../../db/queries';
import { deleteCode, describeCodeDeletion } from '../../db/operations/codes';
import { selectSelectedCodeId, useUiStore, reportError } from '../../stores/uiStore';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { CodeDialog, type CodeDialogMode } from './CodeDialog';
import { CodeTree } from './CodeTree';

export function CodebookPanel({ projectId }: { projectId: string }) {
  const codes = useCodes(projectId);
  const counts = useCodingCounts(projectId);
  const selectedCodeId = useUiStore(selectSelectedCodeId);
  const selectCode = useUiStore((s) => s.selectCode);
  const notify = useUiStore((s) => s.notify);
  const [dialog, setDialog] = useState<CodeDialogMode | null>(null);
  const [confirm, setConfirm] = useState<{ code: Code; message: string } | null>(null);
  const ordered = useMemo(() => flattenTree(codes ?? []), [codes]);
  const selected = codes?.find((c) => c.id === selectedCodeId);

  const askDelete = async (code: Code): Promise<void> => {
    const { codeIds, codings } = await describeCodeDeletion(code.id);
    const sub = codeIds.length - 1;
    setConfirm({
      code,
      message:
        `Delete the code “${code.name}”` +
        (sub > 0 ? ` and its ${sub} subcode${sub === 1 ? '' : 's'}` : '') +
        `? ${codings} coding${codings === 1 ? '' : 's'} will be removed with it. This cannot be undone.`,
    });
  };

  return (
    <section className="panel codebook-panel" aria-label="Codebook">
      <div className="panel-header">
        <h2>Codebook</h2>
        <button type="button" onClick={() => setDialog({ kind: 'new', parentId: null })}>
          New code
        </button>
      </div>
      {selected && (
        <div className="code-actions" role="toolbar" aria-label={`Actions for ${selected.name}`}>
          <button type="button" onClick={() => setDialog({ kind: 'new', parentId: selected.id })}>
            New child code
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'rename', code: selected })}>
            Rename code
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'recolour', code: selected })}>
            Change colour
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'edit', code: selected })}>
            Edit description
          </button>
          <button type="button" className="danger" onClick={() => void askDelete(selected).catch(reportError)}>
            Delete code
          </button>
        </div>
      )}
      {ordered.length === 0 ? (
        <p className="empty">No codes yet. Use “New code”, or select text and choose “New code from selection”.</p>
      ) : (
        <CodeTree entries={ordered} counts={counts ?? new Map()} selectedId={selectedCodeId} onSelect={selectCode} />
      )}
      {selected?.description && <p className="code-description">{selected.description}</p>}
      {dialog && (
        <CodeDialog
          projectId={projectId}
          codes={codes ?? []}
          mode={dialog}
          onDone={(created) => {
            setDialog(null);
            if (created) selectCode(created.id);
          }}
        />
      )}
      {confirm && (
        <ConfirmDialog
          title="Delete code"
          message={confirm.message}
          confirmLabel="Delete code"
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const { code } = confirm;
            setConfirm(null);
            deleteCode(code.id).then(() => {
              selectCode(null);
              notify('info', `Deleted the code “${code.name}”.`);
            }, reportError);
          }}
        />
      )}
    </section>
  );
}
