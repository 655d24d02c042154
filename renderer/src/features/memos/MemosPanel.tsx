// The "Memos" region: the project journal and every memo on a source, code, coding or case, found
// again by search and by what they are attached to; each links back to its target.
import { coderNameOf, useCoders } from '../../db/coderQueries';
import { useMemo, useRef, useState } from 'react';
import { useCommand } from '../../commands/registry';
import { useRovingFocus } from '../common/useRovingFocus';
import type { Memo, MemoTargetKind } from '../../../../shared/model/types';
import { describeMemoTarget, memoTitle, MEMO_KINDS, type MemoTargetLookup } from '../../../../shared/memos/memoTargets';
import { filterMemos } from '../../../../shared/memos/search';
import { inlineText, parseMarkdownHead } from '../../../../shared/memos/markdown';
import { useMemos, useMemoTargets } from '../../db/memoQueries';
import { selectCoder, selectMemoEditor, useUiStore, reportError } from '../../stores/uiStore';
import { MemoDialog } from './MemoDialog';
import { goToMemoTarget } from './memoNavigation';
import { formatMemoTime } from './memoTime';

const EMPTY_LOOKUP: MemoTargetLookup = { sources: new Map(), codes: new Map(), codings: new Map(), cases: new Map() };

/** The memo's text without its title line, flattened to one line for the list. */
function excerpt(memo: Memo): string {
  const blocks = parseMarkdownHead(memo.body);
  const words = blocks
    .map((b) =>
      b.kind === 'heading' || b.kind === 'paragraph'
        ? inlineText(b.children)
        : b.kind === 'list'
          ? b.items.map(inlineText).join(' · ')
          : b.kind === 'code'
            ? b.text
            : '',
    )
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const title = memoTitle(memo).replace(/…$/, '');
  const rest = memo.title.trim() === '' && words.startsWith(title) ? words.slice(title.length).trim() : words;
  return rest.length > 160 ? `${rest.slice(0, 159).trimEnd()}…` : rest;
}

export function MemosPanel({ projectId }: { projectId: string }) {
  const memos = useMemos(projectId);
  const editor = useUiStore(selectMemoEditor);
  const lookup = useMemoTargets(projectId, editor?.kind === 'new' && editor.targetKind === 'coding' ? editor.targetId : null) ?? EMPTY_LOOKUP;
  const openMemoEditor = useUiStore((s) => s.openMemoEditor);
  const coder = useUiStore(selectCoder);
  const coderName = coderNameOf(useCoders(projectId));
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<MemoTargetKind | 'all'>('all');

  const shown = useMemo(
    () => filterMemos(memos ?? [], { query, kind }, (memo) => describeMemoTarget(memo, lookup)),
    [kind, lookup, memos, query],
  );
  const editing = editor?.kind === 'edit' ? memos?.find((m) => m.id === editor.memoId) : undefined;
  const goTo = (memo: Pick<Memo, 'targetKind' | 'targetId'>): void => {
    goToMemoTarget(memo).catch(reportError);
  };

  const listRef = useRef<HTMLUListElement>(null);
  const roving = useRovingFocus(listRef, 'li.memo-item', '.memo-open');
  useCommand('memo.new', () => openMemoEditor({ kind: 'new', targetKind: 'project', targetId: projectId }), true);

  return (
    <section className="panel memos-panel" aria-label="Memos">
      <div className="panel-header">
        <h2>Memos</h2>
        <button type="button" onClick={() => openMemoEditor({ kind: 'new', targetKind: 'project', targetId: projectId })}>
          New memo
        </button>
      </div>
      <div className="memo-tools">
        <input type="search" aria-label="Search memos" placeholder="Search memos…" value={query} onChange={(e) => setQuery(e.target.value)} />
        <select aria-label="Attached to" value={kind} onChange={(e) => setKind(e.target.value as MemoTargetKind | 'all')}>
          <option value="all">All memos</option>
          {MEMO_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.plural}
            </option>
          ))}
        </select>
      </div>
      {memos === undefined ? null : memos.length === 0 ? (
        <p className="empty">No memos yet. Keep a project journal, or write memos on sources, codes and codings.</p>
      ) : shown.length === 0 ? (
        <p className="empty">No memo matches.</p>
      ) : (
        <ul ref={listRef} className="memo-list" aria-label="Memo list" onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
          {shown.map((memo) => {
            const target = describeMemoTarget(memo, lookup);
            const title = memoTitle(memo);
            const text = excerpt(memo);
            return (
              <li key={memo.id} className="memo-item">
                <button type="button" className="memo-open" onClick={() => openMemoEditor({ kind: 'edit', memoId: memo.id })}>
                  {title}
                </button>
                {target.kind === 'project' ? (
                  <span className="memo-target journal">Project journal</span>
                ) : (
                  <button
                    type="button"
                    className={target.missing ? 'memo-target missing' : 'memo-target'}
                    aria-label={`Go to ${target.kindLabel.toLowerCase()} ${target.label}`}
                    title={target.quote ?? target.label}
                    disabled={target.missing}
                    onClick={() => goTo(memo)}
                  >
                    <span className="memo-target-kind">{target.kindLabel}</span> {target.label}
                  </button>
                )}
                {text && <p className="memo-excerpt">{text}</p>}
                <p className="memo-meta">
                  {coderName(memo.author)} · {memo.updatedAt !== memo.createdAt ? 'edited ' : ''}
                  <time dateTime={memo.updatedAt}>{formatMemoTime(memo.updatedAt)}</time>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {editor && (editor.kind === 'new' || editing) && (
        <MemoDialog
          key={editor.kind === 'edit' ? editor.memoId : `${editor.targetKind}:${editor.targetId}`}
          projectId={projectId}
          state={editor}
          memo={editing}
          lookup={lookup}
          author={coder}
          onGoTo={(target) => {
            openMemoEditor(null);
            goTo(target);
          }}
          // No notice on saving: the memo appearing in the list says it.
          onClose={() => openMemoEditor(null)}
        />
      )}
    </section>
  );
}
