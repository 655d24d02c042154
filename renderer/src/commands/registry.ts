// The live side of the command registry: components bind what a command does and whether it can
// run now to the catalogue's ids; menus, the palette, the shortcuts sheet and the native menu all
// read `commandsOf(bindings)`, so a command looks and behaves the same wherever it is reached.
import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { COMMANDS, type CommandSpec } from './catalogue';

export interface CommandBinding {
  run(): void;
  enabled: boolean;
  /** A label that says more than the catalogue's, e.g. "Undo: delete code". */
  label?: string;
  /** For a toggle: whether it is on (menus show a check mark). */
  checked?: boolean;
}

export interface Command extends CommandSpec {
  enabled: boolean;
  checked?: boolean;
  run(): void;
}

interface BindingsState {
  bindings: Readonly<Record<string, CommandBinding & { owner: symbol }>>;
}

export const useCommandBindings = create<BindingsState>(() => ({ bindings: {} }));

const specs = new Map(COMMANDS.map((spec) => [spec.id, spec]));

/** Binds a command while the calling component is mounted. `binding` null: the command is unavailable. */
export function bindCommand(id: string, binding: CommandBinding): () => void {
  if (!specs.has(id)) throw new Error(`Unknown command “${id}”: add it to the catalogue first.`);
  const owner = Symbol(id);
  useCommandBindings.setState((s) => ({ bindings: { ...s.bindings, [id]: { ...binding, owner } } }));
  return () =>
    useCommandBindings.setState((s) => {
      // A newer binding of the same id (a remount) must survive the old one's clean-up.
      if (s.bindings[id]?.owner !== owner) return s;
      const { [id]: _gone, ...rest } = s.bindings;
      return { bindings: rest };
    });
}

/**
 * Binds `id` to `run` while mounted. Re-binds only when `enabled` or `label` change; `run` is read
 * through a ref, so it may close over fresh state on every render without churning the registry.
 */
export function useCommand(id: string, run: () => void, enabled: boolean, label?: string, checked?: boolean): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => bindCommand(id, { run: () => latest.current(), enabled, label, ...(checked !== undefined ? { checked } : {}) }), [id, enabled, label, checked]);
}

/** Every catalogued command with its current state; unbound commands are disabled. */
export function commandsOf(bindings: BindingsState['bindings']): Command[] {
  return COMMANDS.map((spec) => {
    const bound = bindings[spec.id];
    return {
      ...spec,
      label: bound?.label ?? spec.label,
      enabled: bound?.enabled ?? false,
      ...(bound?.checked !== undefined ? { checked: bound.checked } : {}),
      run: () => {
        if (bound?.enabled) bound.run();
      },
    };
  });
}

export function currentCommands(): Command[] {
  return commandsOf(useCommandBindings.getState().bindings);
}

/** Runs a bound command whatever its enabled state (for keys whose action checks for itself). */
export function runBinding(id: string): boolean {
  const bound = useCommandBindings.getState().bindings[id];
  if (!bound) return false;
  bound.run();
  return true;
}

/** Runs a command by id if it is bound and enabled; returns whether it ran. */
export function runCommand(id: string): boolean {
  const bound = useCommandBindings.getState().bindings[id];
  if (!bound?.enabled) return false;
  bound.run();
  return true;
}
