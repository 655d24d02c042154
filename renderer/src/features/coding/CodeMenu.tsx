// The code menu that appears at a selection: type to filter, arrows to move, Enter to apply,
// digits 1–9 for the first nine codes, or "New code from selection" for an in-vivo code.
import { forwardRef, useImperativeHandle, useId, useMemo, useRef, useState } from 'react';
import type { Code } from '../../../../shared/model/types';
import { codePath } from '../../../../shared/codebook/tree';

export interface CodeMenuHandle {
  focus(initialFilter: string): void;
}

export interface CodeMenuProps {
  /** Codes in codebook order. */
  codes: readonly Code[];
  anchor: { x: number; y: number };
  /** The selected text, so Ctrl+C still copies it while focus is in the menu. */
  selectedText: string;
  autoFocus: boolean;
  onApply(codeId: string): void;
  onCreate(name: string): void;
  onInVivo(): void;
  onClose(): void;
}

export const CodeMenu = forwardRef<CodeMenuHandle, CodeMenuProps>(function CodeMenu(
  { codes, anchor, selectedText, autoFocus, onApply, onCreate, onInVivo, onClose },
  ref,
) {
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const matches = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    if (needle === '') return codes;
    return codes.filter((c) => codePath(byId, c.id).toLowerCase().includes(needle));
  }, [byId, codes, filter]);
  const exact = matches.some((c) => c.name.toLowerCase() === filter.trim().toLowerCase());
  const offerCreate = filter.trim() !== '' && !exact;
  const optionCount = matches.length + (offerCreate ? 1 : 0);
  const activeIndex = Math.min(active, Math.max(0, optionCount - 1));

  useImperativeHandle(ref, () => ({
    focus(initialFilter) {
      setFilter(initialFilter);
      setActive(0);
      inputRef.current?.focus();
    },
  }));

  const choose = (index: number): void => {
    const code = matches[index];
    if (code) onApply(code.id);
    else if (offerCreate) onCreate(filter.trim());
  };

  return (
    <div
      className="code-menu"
      style={{ left: Math.max(8, Math.min(anchor.x, window.innerWidth - 330)), top: Math.min(anchor.y + 6, window.innerHeight - 340) }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <input
        ref={inputRef}
        className="code-menu-filter"
        aria-label="Filter codes"
        placeholder="Type to filter codes…"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={optionCount > 0 ? `${listId}-${activeIndex}` : undefined}
        autoFocus={autoFocus}
        value={filter}
        onCopy={(e) => {
          // Nothing typed is selected in the filter: the user means the text they selected.
          const input = e.currentTarget;
          if (input.selectionStart !== input.selectionEnd) return;
          e.preventDefault();
          e.clipboardData.setData('text/plain', selectedText);
        }}
        onChange={(e) => {
          setFilter(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (filter === '' && /^[1-9]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
            e.preventDefault();
            const code = codes[Number(e.key) - 1];
            if (code) onApply(code.id);
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((activeIndex + 1) % Math.max(1, optionCount));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((activeIndex - 1 + optionCount) % Math.max(1, optionCount));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(activeIndex);
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label="Apply code" className="code-menu-list">
        {matches.map((code, index) => (
          <li
            key={code.id}
            id={`${listId}-${index}`}
            role="option"
            aria-label={code.name}
            aria-selected={index === activeIndex}
            className={index === activeIndex ? 'active' : undefined}
            onPointerDown={(e) => e.preventDefault()}
            onClick={() => onApply(code.id)}
            onMouseEnter={() => setActive(index)}
          >
            <span className="code-swatch" style={{ background: code.color }} aria-hidden="true" />
            <span className="option-name">{code.name}</span>
            {code.parentId && <span className="option-path">{codePath(byId, code.parentId)}</span>}
            {codes.indexOf(code) < 9 && <kbd className="code-key">{codes.indexOf(code) + 1}</kbd>}
          </li>
        ))}
        {offerCreate && (
          <li
            id={`${listId}-${matches.length}`}
            role="option"
            aria-selected={activeIndex === matches.length}
            className={activeIndex === matches.length ? 'active create' : 'create'}
            onPointerDown={(e) => e.preventDefault()}
            onClick={() => onCreate(filter.trim())}
          >
            Create code “{filter.trim()}”
          </li>
        )}
        {optionCount === 0 && <li className="empty" aria-disabled="true">No codes yet</li>}
      </ul>
      <div className="code-menu-footer">
        <button type="button" onPointerDown={(e) => e.preventDefault()} onClick={onInVivo}>
          New code from selection
        </button>
      </div>
    </div>
  );
});
