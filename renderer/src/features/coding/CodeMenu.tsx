// The code menu that appears at a selection: type to filter, arrows to move, Enter to apply,
// digits 1–9 for the codes holding them (pinned shortcuts), or "New code from selection" for an in-vivo code.
// The active code's definition shows beside the menu, so coders apply codes the same way; folders
// (codes that only group others) are not offered.
import { forwardRef, useImperativeHandle, useId, useMemo, useRef, useState } from 'react';
import type { Code } from '../../../../shared/model/types';
import { codePath } from '../../../../shared/codebook/tree';
import { isCodableCode } from '../../../../shared/codebook/folder';
import { codeForDigit, shortcutMap } from '../../../../shared/codebook/shortcuts';
import { useSources } from '../../db/queries';
import { useExampleCoding } from '../../db/codebookQueries';
import { selectActiveProjectId, useUiStore } from '../../stores/uiStore';
import { CodeDefinition, hasDefinition } from '../codebook/CodeDefinition';

export interface CodeMenuHandle {
  focus(initialFilter: string): void;
}

export interface CodeMenuProps {
  /** Codes in codebook order (folders included: they name the paths). */
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
  const definitionId = useId();
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const codable = useMemo(() => codes.filter(isCodableCode), [codes]);
  const digits = useMemo(() => shortcutMap(codes), [codes]);
  const matches = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    if (needle === '') return codable;
    return codable.filter((c) => codePath(byId, c.id).toLowerCase().includes(needle));
  }, [byId, codable, filter]);
  const typed = filter.trim().toLowerCase();
  const exact = matches.some((c) => c.name.toLowerCase() === typed);
  const folderNamed = typed === '' ? undefined : codes.find((c) => !isCodableCode(c) && c.name.toLowerCase() === typed);
  const offerCreate = typed !== '' && !exact && !folderNamed;
  const optionCount = matches.length + (offerCreate ? 1 : 0);
  const activeIndex = Math.min(active, Math.max(0, optionCount - 1));
  const activeCode = matches[activeIndex];
  const showDefinition = activeCode !== undefined && hasDefinition(activeCode);
  const menuLeft = Math.max(8, Math.min(anchor.x, window.innerWidth - 330));
  const menuTop = Math.min(anchor.y + 6, window.innerHeight - 340);

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
      style={{ left: menuLeft, top: menuTop }}
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
        aria-describedby={showDefinition ? definitionId : undefined}
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
            const code = codeForDigit(codes, Number(e.key));
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
            {digits.has(code.id) && <kbd className="code-key">{digits.get(code.id)}</kbd>}
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
        {folderNamed && (
          <li className="empty" aria-disabled="true">
            “{folderNamed.name}” is a folder: choose one of its codes.
          </li>
        )}
        {optionCount === 0 && !folderNamed && (
          <li className="empty" aria-disabled="true">
            {codable.length === 0 ? 'No codes yet' : 'No code matches'}
          </li>
        )}
      </ul>
      {showDefinition && (
        <ActiveDefinition
          id={definitionId}
          code={activeCode}
          path={activeCode.parentId ? codePath(byId, activeCode.parentId) : ''}
          side={menuLeft + 330 + 290 <= window.innerWidth ? 'right' : 'left'}
        />
      )}
      <div className="code-menu-footer">
        <button type="button" onPointerDown={(e) => e.preventDefault()} onClick={onInVivo}>
          New code from selection
        </button>
      </div>
    </div>
  );
});

/** The active code's definition, beside the menu; its example is read when the code has one. */
function ActiveDefinition({ id, code, path, side }: { id: string; code: Code; path: string; side: 'left' | 'right' }) {
  const projectId = useUiStore(selectActiveProjectId);
  const example = useExampleCoding(code);
  const sources = useSources(example ? projectId : null);
  const sourceName = example ? (sources?.find((s) => s.id === example.sourceId)?.name ?? '') : '';
  return (
    <aside id={id} className={`code-menu-definition ${side}`} aria-label={`Definition of ${code.name}`}>
      <div className="code-menu-definition-head">
        <span className="code-swatch" style={{ background: code.color }} aria-hidden="true" />
        <strong>{code.name}</strong>
      </div>
      {path && <div className="code-menu-definition-path">in {path}</div>}
      <CodeDefinition code={code} example={example && example.codeId === code.id ? { text: example.exact, sourceName } : null} compact />
    </aside>
  );
}
