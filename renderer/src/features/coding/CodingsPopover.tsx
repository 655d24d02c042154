// Shown on a click into coded text: every coding under the pointer, each removable, with its memos
// beside it; a memo can be added to a coding right here, or opened in the memo editor.
import { coderNameOf, useCoders } from '../../db/coderQueries';
import { useState } from 'react';
import type { BoundaryUnit, SpanEdge } from '../../../../shared/text/boundaries';
import type { Code, CodingSpan } from '../../../../shared/model/types';
import { memoTitle } from '../../../../shared/memos/memoTargets';
import { useMemosOf } from '../../db/memoQueries';
import { createMemo } from '../../db/operations/memos';
import { selectActiveProjectId, selectCoder, useUiStore, reportError } from '../../stores/uiStore';
import { MarkdownView } from '../memos/MarkdownView';

export interface CodingsPopoverProps {
  codings: readonly CodingSpan[];
  /** The source's text: each coding's quote is cut from it. */
  text: string;
  codesById: ReadonlyMap<string, Code>;
  anchor: { x: number; y: number };
  onRemove(codingId: string): void;
  /** Moves one edge of a coding by a unit (extend or shrink from the keyboard). */
  onMoveEdge?(codingId: string, edge: SpanEdge, unit: BoundaryUnit, direction: 1 | -1): void;
  onClose(): void;
}

/** Shift+arrows on a coding: which unit the modifiers ask for (Ctrl: word, Alt: sentence). */
function unitOf(e: KeyboardEvent): BoundaryUnit {
  return e.altKey ? 'sentence' : e.ctrlKey || e.metaKey ? 'word' : 'character';
}

export function CodingsPopover({ codings, text, codesById, anchor, onRemove, onMoveEdge, onClose }: CodingsPopoverProps) {
  // Which edge Shift+arrows move: the end by default; Home picks the start, End the end.
  const [edge, setEdge] = useState<SpanEdge>('end');
  const projectId = useUiStore(selectActiveProjectId);
  const coder = useUiStore(selectCoder);
  const openMemoEditor = useUiStore((s) => s.openMemoEditor);
  const memos = useMemosOf(codings.map((c) => c.id)) ?? [];
  const coderName = coderNameOf(useCoders(projectId));
  const [drafting, setDrafting] = useState<{ codingId: string; text: string } | null>(null);

  const saveDraft = (): void => {
    if (!drafting || !projectId) return;
    const codingId = drafting.codingId;
    createMemo({ projectId, targetKind: 'coding', targetId: codingId, body: drafting.text, author: coder }).then(() => {
      setDrafting(null);
      // Focus goes back to where the memo was started (its "Add memo" button), not to the page's top.
      const focusButton = (attempt: number): void => {
        const button = document.querySelector<HTMLElement>(`.codings-popover [data-add-memo="${codingId}"]`);
        if (button) button.focus();
        else if (attempt < 10) requestAnimationFrame(() => focusButton(attempt + 1));
      };
      requestAnimationFrame(() => focusButton(0));
    }, reportError);
  };

  return (
    <div
      className="codings-popover"
      role="dialog"
      aria-label="Codings here"
      style={{ left: Math.min(anchor.x, window.innerWidth - 360), top: Math.min(anchor.y + 10, window.innerHeight - 260) }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        if (drafting) setDrafting(null);
        else onClose();
      }}
    >
      <div className="popover-header">
        <strong>Codings here</strong>
        <button type="button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <ul>
        {codings.map((coding) => {
          const code = codesById.get(coding.codeId);
          const name = code?.name ?? 'Unknown code';
          const own = memos.filter((m) => m.targetId === coding.id);
          const exact = text.slice(coding.start, coding.end);
          return (
            <li
              key={coding.id}
              onKeyDown={(e) => {
                if (!onMoveEdge || (e.target as HTMLElement).tagName === 'TEXTAREA') return;
                if ((e.key === 'Home' || e.key === 'End') && !e.shiftKey && !e.ctrlKey && !e.altKey) {
                  e.preventDefault();
                  setEdge(e.key === 'Home' ? 'start' : 'end');
                } else if (e.shiftKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
                  e.preventDefault();
                  onMoveEdge(coding.id, edge, unitOf(e.nativeEvent), e.key === 'ArrowRight' ? 1 : -1);
                }
              }}
            >
              <span className="code-swatch" style={{ background: code?.color }} aria-hidden="true" />
              <span className="popover-code">{name}</span>
              <span className="popover-quote" title={exact}>
                “{exact.length > 60 ? `${exact.slice(0, 60)}…` : exact}” · {coderName(coding.coder)}
              </span>
              <button
                type="button"
                aria-label={`Remove coding ${code?.name ?? ''}`.trim()}
                aria-describedby={onMoveEdge ? 'coding-edge-hint' : undefined}
                onClick={() => onRemove(coding.id)}
              >
                Remove
              </button>
              {own.length > 0 && (
                <div className="popover-memos" aria-label={`Memos on coding ${name}`} role="group">
                  {own.map((memo) => (
                    <div key={memo.id} className="popover-memo">
                      {memo.title.trim() !== '' && <strong className="popover-memo-title">{memoTitle(memo)}</strong>}
                      <MarkdownView source={memo.body} className="compact" />
                      <span className="popover-memo-meta">
                        {memo.author} ·{' '}
                        <button
                          type="button"
                          className="link-button"
                          aria-label={`Edit memo ${memoTitle(memo)}`}
                          onClick={() => openMemoEditor({ kind: 'edit', memoId: memo.id })}
                        >
                          Edit
                        </button>
                      </span>
                    </div>
                  ))}
                </div>
              )}
              {drafting?.codingId === coding.id ? (
                <form
                  className="popover-memo-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    saveDraft();
                  }}
                >
                  <textarea
                    aria-label={`Memo on coding ${name}`}
                    value={drafting.text}
                    onChange={(e) => setDrafting({ codingId: coding.id, text: e.target.value })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                        e.preventDefault();
                        saveDraft();
                      }
                    }}
                    rows={3}
                    autoFocus
                    placeholder="Why this passage, what it makes you think… (Markdown)"
                  />
                  <div className="popover-memo-actions">
                    <button type="button" onClick={() => setDrafting(null)}>
                      Cancel
                    </button>
                    <button type="submit" className="primary" disabled={drafting.text.trim() === ''}>
                      Save memo
                    </button>
                  </div>
                </form>
              ) : (
                <button
                  type="button"
                  className="link-button popover-add-memo"
                  aria-label={`Add memo to coding ${name}`}
                  data-add-memo={coding.id}
                  onClick={() => setDrafting({ codingId: coding.id, text: '' })}
                >
                  {own.length > 0 ? 'Add another memo' : 'Add memo'}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {onMoveEdge && (
        <p id="coding-edge-hint" className="popover-hint">
          Shift+arrows move the coding’s {edge} (Ctrl: by word, Alt: by sentence); Home or End picks the edge.
        </p>
      )}
    </div>
  );
}
