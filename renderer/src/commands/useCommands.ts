// The catalogue with each command's current state, re-rendering when a binding changes.
import { useMemo } from 'react';
import { commandsOf, useCommandBindings, type Command } from './registry';

export function useCommands(): Command[] {
  const bindings = useCommandBindings((s) => s.bindings);
  return useMemo(() => commandsOf(bindings), [bindings]);
}
