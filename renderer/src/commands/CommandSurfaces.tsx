// Where commands are reached besides the menu bar (which the top bar places): the native menu in
// Electron, the palette and the shortcuts sheet, and the one shortcut listener. Also binds the commands that
// open the palette and the sheet, which belong to no panel.
import { useState } from 'react';
import { getHost } from '../host';
import { CommandPalette } from './CommandPalette';
import { useCommand } from './registry';
import { ShortcutsSheet } from './ShortcutsSheet';
import { useCommandShortcuts } from './useCommandShortcuts';
import { useNativeMenu } from './useNativeMenu';

type Open = 'palette' | 'shortcuts' | null;

export function CommandSurfaces() {
  const host = getHost();
  const [open, setOpen] = useState<Open>(null);
  useCommandShortcuts();
  useNativeMenu(host);
  useCommand('view.palette', () => setOpen('palette'), true);
  useCommand('help.shortcuts', () => setOpen('shortcuts'), true);
  return (
    <>
      {open === 'palette' && <CommandPalette onClose={() => setOpen(null)} />}
      {open === 'shortcuts' && <ShortcutsSheet onClose={() => setOpen(null)} />}
    </>
  );
}
