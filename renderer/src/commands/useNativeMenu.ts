// In Electron, keeps the native application menu in step with the registry: every change of a
// label or enabled state is sent to main as plain descriptors, and clicks come back as command ids.
import { useEffect, useMemo } from 'react';
import type { MenuCommandDescriptor } from '../../../shared/ipc/contract';
import type { Host } from '../host/host';
import { reportError } from '../stores/uiStore';
import { acceleratorOf } from './keys';
import { commandsOf, runCommand, useCommandBindings, type Command } from './registry';

const NO_BINDINGS = {};

export function menuDescriptors(commands: readonly Command[]): MenuCommandDescriptor[] {
  return commands.map(({ id, label, menu, group, enabled, checked, shortcut }) => ({
    id,
    label,
    menu,
    group,
    enabled,
    ...(checked !== undefined ? { checked } : {}),
    ...(shortcut ? { accelerator: acceleratorOf(shortcut) } : {}),
  }));
}

export function useNativeMenu(host: Host): void {
  const native = host.kind === 'electron';
  // The browser build has no native menu (its menu bar reads the registry itself): it neither
  // re-renders nor serialises every command each time a binding changes (a coding changes Undo's label).
  const bindings = useCommandBindings((s) => (native ? s.bindings : NO_BINDINGS));
  // Compare by content: a re-bound run() alone must not rebuild the menu.
  const serialised = useMemo(() => (native ? JSON.stringify(menuDescriptors(commandsOf(bindings))) : ''), [bindings, native]);
  useEffect(() => {
    if (!native) return;
    host.setMenuCommands({ commands: JSON.parse(serialised) as MenuCommandDescriptor[] }).catch(reportError);
  }, [host, native, serialised]);
  useEffect(() => {
    if (!native) return;
    return host.onMenuCommand((id) => void runCommand(id));
  }, [host, native]);
}
