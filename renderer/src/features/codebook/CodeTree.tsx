// The codebook as an ARIA tree: each code is a treeitem named by the code, with its colour,
// its number of codings, and (for the first nine) the digit that applies it.
import { useState, type KeyboardEvent } from 'react';
import type { Code } from '../../../../shared/model/types';

export interface CodeTreeProps {
  entries: ReadonlyArray<{ code: Code; depth: number }>;
  counts: ReadonlyMap<string, number>;
  selectedId: string | null;
  onSelect(codeId: string): void;
}

export function CodeTree({ entries, counts, selectedId, onSelect }: CodeTreeProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const hasChildren = new Set(entries.map((e) => e.code.parentId).filter((id): id is string => id !== null));
  // Hide descendants of collapsed codes.
  const visible: Array<{ code: Code; depth: number; index: number }> = [];
  let hideBelowDepth = Infinity;
  entries.forEach((entry, index) => {
    if (entry.depth <= hideBelowDepth) hideBelowDepth = Infinity;
    if (entry.depth > hideBelowDepth) return;
    visible.push({ ...entry, index });
    if (collapsed.has(entry.code.id)) hideBelowDepth = entry.depth;
  });
  const focusId = selectedId && visible.some((v) => v.code.id === selectedId) ? selectedId : visible[0]?.code.id;

  const toggle = (codeId: string, open: boolean): void => {
    const next = new Set(collapsed);
    if (open) next.delete(codeId);
    else next.add(codeId);
    setCollapsed(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const at = visible.findIndex((v) => v.code.id === focusId);
    const current = visible[at];
    if (!current) return;
    const move = (i: number): void => {
      const target = visible[Math.max(0, Math.min(visible.length - 1, i))];
      if (!target) return;
      onSelect(target.code.id);
      (event.currentTarget.querySelector(`[data-code-id="${target.code.id}"]`) as HTMLElement | null)?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(visible.length - 1);
    else if (event.key === 'ArrowRight' && hasChildren.has(current.code.id)) toggle(current.code.id, true);
    else if (event.key === 'ArrowLeft') {
      if (hasChildren.has(current.code.id) && !collapsed.has(current.code.id)) toggle(current.code.id, false);
      else if (current.code.parentId) move(visible.findIndex((v) => v.code.id === current.code.parentId));
    } else return;
    event.preventDefault();
  };

  return (
    <ul role="tree" aria-label="Codes" className="code-tree" onKeyDown={onKeyDown}>
      {visible.map(({ code, depth, index }) => {
        const expandable = hasChildren.has(code.id);
        return (
          <li
            key={code.id}
            role="treeitem"
            aria-label={code.name}
            aria-level={depth + 1}
            aria-selected={code.id === selectedId}
            aria-expanded={expandable ? !collapsed.has(code.id) : undefined}
            data-code-id={code.id}
            tabIndex={code.id === focusId ? 0 : -1}
            className={code.id === selectedId ? 'code-row selected' : 'code-row'}
            style={{ paddingLeft: `${0.5 + depth * 1.1}rem` }}
            onClick={() => onSelect(code.id)}
          >
            {expandable ? (
              <span
                className="twisty"
                aria-hidden="true"
                onClick={(e) => {
                  e.stopPropagation();
                  toggle(code.id, collapsed.has(code.id));
                }}
              >
                {collapsed.has(code.id) ? '▸' : '▾'}
              </span>
            ) : (
              <span className="twisty" aria-hidden="true" />
            )}
            <span className="code-swatch" style={{ background: code.color }} aria-hidden="true" />
            <span className="code-name">{code.name}</span>
            {index < 9 && (
              <kbd className="code-key" title={`Press ${index + 1} to apply to the selection`}>
                {index + 1}
              </kbd>
            )}
            <span className="code-count" title="Codings">
              {counts.get(code.id) ?? 0}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
