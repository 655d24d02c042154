// "Auto-code…": codes the hits of the last search with a chosen code — the hits themselves, or the
// sentence, paragraph or speaker turn around each — after a preview (how many codings, a sample,
// what is skipped and why). The codings are created as ONE step of the history: one Undo takes
// them all back.
import { useEffect, useMemo, useState } from 'react';
import type { AutoCodeScope } from '../../../../shared/analysis/autoCode';
import type { SearchHit } from '../../../../shared/analysis/search';
import { flattenTree } from '../../../../shared/codebook/tree';
import { isCodableCode } from '../../../../shared/codebook/folder';
import { getAnalysis } from '../../analysis';
import { currentCoderIn } from '../../db/operations/currentCoder';
import type { AutoCodePreview } from '../../analysis/autoCodeOperations';
import { useCodes, useSources } from '../../db/queries';
import { reportError, selectCoder, useUiStore } from '../../stores/uiStore';
import { Modal } from '../common/Modal';
import { CodePicker } from '../retrieval/CodePicker';

const SCOPES: Array<[AutoCodeScope, string]> = [
  ['hit', 'The hits themselves'],
  ['sentence', 'The sentence around each hit'],
  ['paragraph', 'The paragraph around each hit'],
  ['turn', 'The speaker turn (case segment) around each hit'],
];

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export interface AutoCodeDialogProps {
  projectId: string;
  hits: readonly SearchHit[];
  /** Whether the search is still streaming hits in (the dialog waits for it to finish). */
  searching: boolean;
  onClose(): void;
}

export function AutoCodeDialog({ projectId, hits, searching, onClose }: AutoCodeDialogProps) {
  const codes = useCodes(projectId);
  const sources = useSources(projectId);
  const coder = useUiStore(selectCoder);
  const notify = useUiStore((s) => s.notify);
  const entries = useMemo(() => flattenTree(codes ?? []).filter((e) => isCodableCode(e.code)), [codes]);
  const sourceName = useMemo(() => new Map((sources ?? []).map((s) => [s.id, s.name])), [sources]);
  const selectedCodeId = useUiStore((s) => s.selectedCodeId);
  const [codeId, setCodeId] = useState<string | null>(() => selectedCodeId);
  const [scope, setScope] = useState<AutoCodeScope>('hit');
  const [preview, setPreview] = useState<{ key: string; value: AutoCodePreview } | null>(null);
  const [committing, setCommitting] = useState(false);
  const code = entries.find((e) => e.code.id === codeId)?.code;
  const passages = useMemo(() => hits.map((h) => ({ sourceId: h.sourceId, start: h.start, end: h.end })), [hits]);
  const key = `${code?.id ?? ''}|${scope}|${passages.length}`;

  useEffect(() => {
    if (!code || passages.length === 0 || searching) return;
    let current = true;
    getAnalysis()
      .previewAutoCode(projectId, { hits: passages, scope, codeId: code.id, coder })
      .then((value) => current && setPreview({ key, value }), reportError);
    return () => {
      current = false;
    };
  }, [code, passages, scope, coder, projectId, key, searching]);

  const shown = preview?.key === key ? preview.value : null;

  const run = (): void => {
    if (!code || !shown) return;
    setCommitting(true);
    getAnalysis()
      .commitAutoCode(projectId, { hits: passages, scope, codeId: code.id, coder, stepCoder: currentCoderIn(projectId) })
      .then(
        (added) => {
          notify('info', `Auto-coded ${plural(added, 'passage', 'passages')} with “${code.name}”.`, { undoable: true });
          onClose();
        },
        (error: unknown) => {
          setCommitting(false);
          reportError(error);
        },
      );
  };

  return (
    <Modal title="Auto-code" onClose={onClose} size="wide">
      {hits.length === 0 ? (
        <p>There are no search hits to code. Search the project first; Auto-code then codes what the search found.</p>
      ) : (
        <form
          className="autocode-form"
          aria-label="Auto-code the search hits"
          onSubmit={(e) => {
            e.preventDefault();
            run();
          }}
        >
          <p>
            {plural(hits.length, 'search hit', 'search hits')} in {plural(new Set(hits.map((h) => h.sourceId)).size, 'source', 'sources')}.
          </p>
          <label className="autocode-code">
            Code to apply <CodePicker label="Code to apply" entries={entries} value={code?.id ?? null} placeholder="Choose a code…" onChange={setCodeId} />
          </label>
          <fieldset>
            <legend>What to code</legend>
            {SCOPES.map(([value, label]) => (
              <label key={value} className="check">
                <input type="radio" name="autocode-scope" checked={scope === value} onChange={() => setScope(value)} />
                {label}
              </label>
            ))}
          </fieldset>
          <div className="autocode-preview" role="status" aria-label="Preview">
            {searching ? (
              <p>Waiting for the search to finish…</p>
            ) : !code ? (
              <p>Choose the code to apply.</p>
            ) : !shown ? (
              <p>Working out the passages…</p>
            ) : (
              <>
                <p className="autocode-summary">
                  Will create {plural(shown.added, 'coding', 'codings')} with “{code.name}”
                  {shown.skipped + shown.unplaced > 0 ? `; ${plural(shown.skipped + shown.unplaced, 'passage is', 'passages are')} skipped` : ''}.
                </p>
                {shown.reasons.length > 0 && (
                  <ul className="autocode-reasons">
                    {shown.reasons.map((r) => (
                      <li key={r.reason}>
                        {r.reason} ({r.count.toLocaleString('en-US')})
                      </li>
                    ))}
                  </ul>
                )}
                {shown.sample.length > 0 && (
                  <ol className="autocode-sample" aria-label="Sample of the passages">
                    {shown.sample.map((s) => (
                      <li key={`${s.sourceId}:${s.start}`}>
                        <span className="segment-source">{sourceName.get(s.sourceId) ?? 'Unknown source'}</span> {s.exact.length > 240 ? `${s.exact.slice(0, 240)}…` : s.exact}
                      </li>
                    ))}
                  </ol>
                )}
              </>
            )}
          </div>
          <div className="modal-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={!shown || shown.added === 0 || committing}>
              {shown ? `Auto-code ${plural(shown.added, 'passage', 'passages')}` : 'Auto-code'}
            </button>
          </div>
        </form>
      )}
      {hits.length === 0 && (
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      )}
    </Modal>
  );
}
