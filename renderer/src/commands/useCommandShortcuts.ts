// The one keydown listener for command shortcuts: finds the command whose key was pressed and runs
// it. Keys that belong to one place (the document's digits, the code menu's letters) are handled
// there first and marked with preventDefault, so they never reach this listener.
import { useEffect } from 'react';
import { inTextField, matchesShortcut, type KeyPress } from './keys';
import { currentCommands, runBinding, type Command } from './registry';

/** The command a key press asks for, if any; `typing` says whether focus is in a text field. */
export function commandForKey(commands: readonly Command[], event: KeyPress, typing: boolean): Command | undefined {
  return commands.find((command) => {
    // In a text field the browser's own undo, find and "?" belong to the field.
    if (typing && !command.inTextFields) return false;
    const keys = [command.shortcut, ...(command.alsoKeys ?? [])].filter((k): k is string => k !== undefined);
    return keys.some((k) => matchesShortcut(event, k));
  });
}

export function useCommandShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return;
      const command = commandForKey(currentCommands(), event, inTextField(event.target));
      if (!command) return;
      // The key is the command's even when it cannot run now (no Ctrl+Z reaching the page's text).
      event.preventDefault();
      if (command.enabled) command.run();
      else if (command.keyAlwaysRuns) runBinding(command.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
