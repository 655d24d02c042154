// The command palette (Ctrl/Cmd+K or Ctrl/Cmd+Shift+P): type part of a command's name, move with
// the arrows, Enter runs it. A dialog holding a combobox that owns a listbox (the ARIA combobox
// pattern with aria-activedescendant, so focus stays in the text field while the choice moves).
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Modal } from '../features/common/Modal';
import { formatShortcut } from './keys';
import type { Command } from './registry';
import { useCommands } from './useCommands';

/** Commands whose label or menu contains every word typed, enabled ones first. */
export function filterCommands(commands: readonly Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hits = commands.filter((c) => {
    const text = `${c.label} ${c.menu}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  return [...hits.filter((c) => c.enabled), ...hits.filter((c) => !c.enabled)];
}

export function CommandPalette({ onClose }: { onClose(): void }) {
  const commands = useCommands();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const shown = useMemo(() => filterCommands(commands, query), [commands, query]);
  const at = Math.min(active, shown.length - 1);

  const run = (command: Command | undefined): void => {
    if (!command?.enabled) return;
    onClose();
    command.run();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const n = shown.length;
    if (event.key === 'ArrowDown' && n > 0) setActive((at + 1) % n);
    else if (event.key === 'ArrowUp' && n > 0) setActive((at - 1 + n) % n);
    else if (event.key === 'Home' && event.ctrlKey) setActive(0);
    else if (event.key === 'End' && event.ctrlKey) setActive(n - 1);
    else if (event.key === 'Enter') run(shown[at]);
    else return;
    event.preventDefault();
  };

  return (
    <Modal title="Command palette" onClose={onClose}>
      <input
        className="palette-input"
        role="combobox"
        aria-label="Command"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={at >= 0 ? `${listId}-${shown[at]!.id}` : undefined}
        placeholder="Type a command"
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Commands" className="palette-list">
        {shown.map((command, index) => (
          <li
            key={command.id}
            id={`${listId}-${command.id}`}
            role="option"
            aria-selected={index === at}
            aria-disabled={command.enabled ? undefined : true}
            className="palette-option"
            onPointerMove={() => {
              if (index !== at) setActive(index);
            }}
            onClick={() => run(command)}
          >
            <span className="palette-label">{command.label}</span>
            <span className="palette-meta" aria-hidden="true">
              {command.menu}
              {command.shortcut ? ` · ${formatShortcut(command.shortcut)}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="hint">No command matches “{query}”.</p>}
    </Modal>
  );
}
