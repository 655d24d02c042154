// The codebook as an ARIA tree: each code is a treeitem named by the code, with its colour, its
// count, and the digit pinned to it (a digit key on a code pins that digit). Several codes can be
// selected (Ctrl/Shift+click, Shift+arrows) and rearranged by dragging (drop before, after or
// inside a code) or from the keyboard (Alt+arrows), the two ways planned by the same functions.
import { useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { Code } from '../../../../shared/model/types';
import { isCodableCode } from '../../../../shared/codebook/folder';
import { planArrangement, type CodeArrangement } from '../../db/operations/codebook';
import type { MoveTarget } from '../../../../shared/codebook/moves';

export interface CodeTreeProps {
  /** Every code of the project (moves are planned against the whole codebook). */
  codes: readonly Code[];
  /** What to show, in display order with depths: the whole tree, or the codes a filter kept. */
  entries: ReadonlyArray<{ code: Code; depth: number }>;
  /** True when `entries` is a filter's result: everything shown is expanded. */
  filtered: boolean;
  count(codeId: string): number;
  /** What the count means, e.g. "codings" (for its tooltip). */
  countLabel: string;
  /** Digits 1–9 by code id. */
  shortcuts: ReadonlyMap<string, number>;
  selectedIds: readonly string[];
  focusId: string | null;
  onSelect(codeIds: string[], focusId: string | null): void;
  /** Rearranges codes; rejects with the reason when the move is refused. */
  onArrange(arrangement: CodeArrangement): Promise<void>;
  /** Enter or F2 on a code: edit it (name, colour, description). */
  onEdit?(codeId: string): void;
  /** Delete on a code: ask to delete it. */
  onDelete?(codeId: string): void;
  /** A digit key on a code: pin that digit to it (0: take its digit away). */
  onAssignShortcut?(codeId: string, digit: number | null): void;
}

type Zone = 'before' | 'after' | 'inside';

interface DropHint {
  codeId: string | null; // null: the empty space below the last code (top level, at the end)
  zone: Zone;
  reason: string | null;
}

const DRAG_TYPE = 'application/x-marginalia-codes';

export function CodeTree({ codes, entries, filtered, count, countLabel, shortcuts, selectedIds, focusId, onSelect, onArrange, onEdit, onDelete, onAssignShortcut }: CodeTreeProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [dropHint, setDropHint] = useState<DropHint | null>(null);
  const dragIds = useRef<string[] | null>(null);
  const anchorId = useRef<string | null>(null);
  const restoreFocus = useRef(false);
  const listRef = useRef<HTMLUListElement>(null);
  const hintId = useId();
  const selected = new Set(selectedIds);
  const hasChildren = new Set(codes.map((c) => c.parentId).filter((id): id is string => id !== null));

  // Hide the descendants of collapsed codes (a filter shows everything it kept).
  const visible: Array<{ code: Code; depth: number }> = [];
  let hideBelowDepth = Infinity;
  for (const entry of entries) {
    if (entry.depth <= hideBelowDepth) hideBelowDepth = Infinity;
    if (entry.depth > hideBelowDepth) continue;
    visible.push(entry);
    if (!filtered && collapsed.has(entry.code.id)) hideBelowDepth = entry.depth;
  }
  const tabId = focusId && visible.some((v) => v.code.id === focusId) ? focusId : visible[0]?.code.id;

  const itemOf = (codeId: string): HTMLElement | null =>
    listRef.current?.querySelector<HTMLElement>(`[data-code-id="${CSS.escape(codeId)}"]`) ?? null;

  const setOpen = (codeIds: Iterable<string>, open: boolean): void => {
    setCollapsed((current) => {
      const next = new Set(current);
      for (const id of codeIds) {
        if (open) next.delete(id);
        else next.add(id);
      }
      return next;
    });
  };

  // A code selected from elsewhere (a memo's link, a merge) is brought into view: its ancestors
  // open and the list scrolls to it.
  useEffect(() => {
    if (!focusId) return;
    const byId = new Map(codes.map((c) => [c.id, c]));
    const ancestors: string[] = [];
    let current = byId.get(focusId);
    while (current?.parentId && byId.has(current.parentId) && !ancestors.includes(current.parentId)) {
      ancestors.push(current.parentId);
      current = byId.get(current.parentId);
    }
    if (ancestors.some((id) => collapsed.has(id))) setOpen(ancestors, true);
    requestAnimationFrame(() => itemOf(focusId)?.scrollIntoView({ block: 'nearest' }));
    // Only when the focused code changes: collapsing its parent afterwards is the user's choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusId]);

  // A moved treeitem is re-inserted into the list, which drops its focus: give it back.
  useEffect(() => {
    if (!restoreFocus.current || !focusId) return;
    restoreFocus.current = false;
    itemOf(focusId)?.focus();
  });

  /** Runs a rearrangement and opens the parents the moved codes went into, so they stay in view. */
  const arrange = (arrangement: CodeArrangement, fromKeyboard: boolean): void => {
    const plan = planArrangement(codes, arrangement);
    if (plan.ok) setOpen(plan.changes.map((c) => c.parentId).filter((id): id is string => id !== null), true);
    restoreFocus.current = fromKeyboard;
    void onArrange(arrangement).catch(() => {
      restoreFocus.current = false;
    });
  };

  const selectOnly = (codeId: string): void => {
    anchorId.current = codeId;
    onSelect([codeId], codeId);
  };

  const selectRange = (toId: string): void => {
    const from = visible.findIndex((v) => v.code.id === (anchorId.current ?? focusId ?? toId));
    const to = visible.findIndex((v) => v.code.id === toId);
    if (from < 0 || to < 0) return selectOnly(toId);
    const [a, b] = from <= to ? [from, to] : [to, from];
    onSelect(visible.slice(a, b + 1).map((v) => v.code.id), toId);
  };

  const onClick = (event: MouseEvent<HTMLLIElement>, codeId: string): void => {
    if (event.shiftKey) {
      selectRange(codeId);
    } else if (event.ctrlKey || event.metaKey) {
      anchorId.current = codeId;
      if (selected.has(codeId)) {
        const rest = selectedIds.filter((id) => id !== codeId);
        onSelect(rest, rest.at(-1) ?? null);
      } else {
        onSelect([...selectedIds, codeId], codeId);
      }
    } else {
      selectOnly(codeId);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const at = visible.findIndex((v) => v.code.id === tabId);
    const current = visible[at];
    if (!current) return;
    const moving = selected.has(current.code.id) ? [...selectedIds] : [current.code.id];
    if (event.altKey) {
      const arrangement: CodeArrangement | null =
        event.key === 'ArrowUp'
          ? { kind: 'reorder', codeIds: moving, direction: 'up' }
          : event.key === 'ArrowDown'
            ? { kind: 'reorder', codeIds: moving, direction: 'down' }
            : event.key === 'ArrowRight'
              ? { kind: 'indent', codeIds: moving }
              : event.key === 'ArrowLeft'
                ? { kind: 'outdent', codeIds: moving }
                : null;
      if (!arrangement) return;
      event.preventDefault();
      arrange(arrangement, true);
      return;
    }
    const move = (i: number): void => {
      const target = visible[Math.max(0, Math.min(visible.length - 1, i))];
      if (!target) return;
      if (event.shiftKey) selectRange(target.code.id);
      else selectOnly(target.code.id);
      itemOf(target.code.id)?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(visible.length - 1);
    else if (event.key === 'ArrowRight' && hasChildren.has(current.code.id)) {
      if (collapsed.has(current.code.id) && !filtered) setOpen([current.code.id], true);
      else move(at + 1);
    } else if (event.key === 'ArrowLeft') {
      if (hasChildren.has(current.code.id) && !collapsed.has(current.code.id) && !filtered) setOpen([current.code.id], false);
      else if (current.code.parentId) move(visible.findIndex((v) => v.code.id === current.code.parentId));
    } else if ((event.key === 'Enter' || event.key === 'F2') && onEdit && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      onEdit(current.code.id);
    } else if (/^[0-9]$/.test(event.key) && onAssignShortcut && !event.ctrlKey && !event.metaKey && !event.altKey && isCodableCode(current.code)) {
      onAssignShortcut(current.code.id, event.key === '0' ? null : Number(event.key));
    } else if (event.key === 'Delete' && onDelete && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      onDelete(current.code.id);
    } else if ((event.ctrlKey || event.metaKey) && (event.key === 'a' || event.key === 'A')) {
      onSelect(
        visible.map((v) => v.code.id),
        current.code.id,
      );
    } else return;
    event.preventDefault();
  };

  const targetFor = (codeId: string | null, zone: Zone): MoveTarget =>
    codeId === null
      ? { position: 'inside', parentId: null }
      : zone === 'inside'
        ? { position: 'inside', parentId: codeId }
        : { position: zone, targetId: codeId };

  const zoneOf = (event: DragEvent<HTMLElement>): Zone => {
    const rect = event.currentTarget.getBoundingClientRect();
    const y = (event.clientY - rect.top) / Math.max(1, rect.height);
    return y < 0.28 ? 'before' : y > 0.72 ? 'after' : 'inside';
  };

  const onDragOver = (event: DragEvent<HTMLElement>, codeId: string | null): void => {
    const ids = dragIds.current;
    if (!ids) return;
    event.stopPropagation();
    const zone = codeId === null ? 'inside' : zoneOf(event);
    const plan = planArrangement(codes, { kind: 'move', codeIds: ids, target: targetFor(codeId, zone) });
    if (plan.ok) {
      event.preventDefault(); // allows the drop
      event.dataTransfer.dropEffect = 'move';
    } else {
      event.dataTransfer.dropEffect = 'none';
    }
    const reason = plan.ok ? null : plan.reason;
    if (dropHint?.codeId !== codeId || dropHint.zone !== zone || dropHint.reason !== reason) setDropHint({ codeId, zone, reason });
  };

  const onDrop = (event: DragEvent<HTMLElement>, codeId: string | null): void => {
    const ids = dragIds.current;
    event.preventDefault();
    event.stopPropagation();
    dragIds.current = null;
    setDropHint(null);
    if (!ids) return;
    const zone = codeId === null ? 'inside' : zoneOf(event);
    arrange({ kind: 'move', codeIds: ids, target: targetFor(codeId, zone) }, false);
  };

  const dropClass = (codeId: string): string => {
    if (!dropHint || dropHint.codeId !== codeId) return '';
    return dropHint.reason ? ' drop-refused' : ` drop-${dropHint.zone}`;
  };

  return (
    <>
      <ul
        ref={listRef}
        role="tree"
        aria-label="Codes"
        // A dialog whose code is gone (deleted, merged) gives focus back to the tree.
        data-focus-home
        aria-multiselectable="true"
        aria-describedby={hintId}
        className={dropHint?.codeId === null && !dropHint.reason ? 'code-tree drop-end' : 'code-tree'}
        onKeyDown={onKeyDown}
        onDragOver={(e) => onDragOver(e, null)}
        onDrop={(e) => onDrop(e, null)}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropHint(null);
        }}
      >
        {visible.map(({ code, depth }) => {
          const expandable = hasChildren.has(code.id);
          const isSelected = selected.has(code.id);
          const folder = !isCodableCode(code);
          const digit = shortcuts.get(code.id);
          const n = count(code.id);
          return (
            <li
              key={code.id}
              role="treeitem"
              aria-label={code.name}
              // The key and the count are said after the name, not as part of it (their text is
              // hidden below so the visible name and the spoken one match).
              aria-description={[digit !== undefined ? `key ${digit}` : '', `${n} ${countLabel}`].filter(Boolean).join(', ')}
              aria-level={depth + 1}
              aria-selected={isSelected}
              aria-keyshortcuts={digit !== undefined ? String(digit) : undefined}
              aria-expanded={expandable ? filtered || !collapsed.has(code.id) : undefined}
              data-code-id={code.id}
              tabIndex={code.id === tabId ? 0 : -1}
              draggable
              className={`code-row${isSelected ? ' selected' : ''}${code.id === focusId ? ' focused' : ''}${folder ? ' folder' : ''}${dropClass(code.id)}`}
              style={{ paddingLeft: `${0.4 + depth * 1.1}rem` }}
              title={code.description || undefined}
              onClick={(e) => onClick(e, code.id)}
              onDragStart={(event) => {
                const ids = isSelected ? [...selectedIds] : [code.id];
                if (!isSelected) selectOnly(code.id);
                dragIds.current = ids;
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData(DRAG_TYPE, JSON.stringify(ids));
                event.dataTransfer.setData('text/plain', code.name);
              }}
              onDragOver={(e) => onDragOver(e, code.id)}
              onDrop={(e) => onDrop(e, code.id)}
              onDragEnd={() => {
                dragIds.current = null;
                setDropHint(null);
              }}
            >
              {expandable ? (
                <span
                  className="twisty"
                  aria-hidden="true"
                  onClick={(e) => {
                    e.stopPropagation();
                    if (!filtered) setOpen([code.id], collapsed.has(code.id));
                  }}
                >
                  {filtered || !collapsed.has(code.id) ? '▾' : '▸'}
                </span>
              ) : (
                <span className="twisty" aria-hidden="true" />
              )}
              <span
                className={folder ? 'code-swatch folder-swatch' : 'code-swatch'}
                style={folder ? { borderColor: code.color } : { background: code.color }}
                aria-hidden="true"
              />
              <span className="code-name">{code.name}</span>
              {folder && (
                <span className="code-tag" aria-hidden="true">
                  folder
                </span>
              )}
              {/* The key and the count are drawn by the stylesheet from data attributes: they are not
                  part of the code's name (what voice control users say), and the treeitem's
                  description says them to screen readers. */}
              {digit !== undefined && (
                <kbd className="code-key" title={`Press ${digit} to apply to the selection`} aria-hidden="true" data-key={digit} />
              )}
              <span className={n === 0 ? 'code-count zero' : 'code-count'} title={`${n} ${countLabel}`} aria-hidden="true" data-count={n} />
            </li>
          );
        })}
      </ul>
      <p id={hintId} className="visually-hidden">
        Ctrl or Shift with a click, or Shift with an arrow key, selects several codes. Alt with Up or Down moves them among their siblings,
        Alt with Right puts them under the code above, Alt with Left takes them out of their parent. Codes can also be dragged.
      </p>
      <p className={dropHint?.reason ? 'tree-status refused' : 'tree-status'} role="status">
        {dropHint?.reason ?? ''}
      </p>
    </>
  );
}
