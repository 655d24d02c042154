// The native application menu, built from the command descriptors the renderer sends: File, Edit,
// View, Code, Analyse, Help in that order, the macOS app menu first on a Mac, and the system roles
// (copy, paste, quit, zoom) a desktop user expects. Clicking an item reports its command id back.
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_NAMES, type MenuCommandDescriptor, type MenuName } from '../../../shared/ipc/contract';

export interface MenuTemplateOptions {
  platform: NodeJS.Platform;
  appName: string;
  onCommand(commandId: string): void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** Items of one menu, a separator wherever the group changes. */
function commandItems(commands: readonly MenuCommandDescriptor[], onCommand: (id: string) => void): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  let group: string | undefined;
  for (const command of commands) {
    if (group !== undefined && command.group !== group) items.push(separator);
    group = command.group;
    items.push({
      id: command.id,
      label: command.label,
      enabled: command.enabled,
      ...(command.checked !== undefined ? { type: 'checkbox' as const, checked: command.checked } : {}),
      ...(command.accelerator
        ? // Shown but not registered: the renderer dispatches every shortcut itself, so a text
          // field keeps its own Ctrl+Z and the key behaves the same in both builds.
          { accelerator: command.accelerator, registerAccelerator: false }
        : {}),
      click: () => onCommand(command.id),
    });
  }
  return items;
}

/** The system's own items each menu ends with (or begins with, for the Mac app menu). */
function systemItems(menu: MenuName, mac: boolean): MenuItemConstructorOptions[] {
  switch (menu) {
    case 'File':
      return mac ? [separator, { role: 'close' }] : [separator, { role: 'quit' }];
    case 'Edit':
      // Without these roles, copy and paste stop working in text fields on macOS.
      return [separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }];
    case 'View':
      return [separator, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }];
    default:
      return [];
  }
}

export function buildMenuTemplate(commands: readonly MenuCommandDescriptor[], options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: options.appName,
      submenu: [
        { role: 'about' },
        separator,
        { role: 'services' },
        separator,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        separator,
        { role: 'quit' },
      ],
    });
  }
  for (const menu of MENU_NAMES) {
    const items = [...commandItems(commands.filter((c) => c.menu === menu), options.onCommand), ...systemItems(menu, mac)];
    // A leading separator happens when a menu has no commands of its own.
    if (items[0]?.type === 'separator') items.shift();
    if (menu === 'Help' && mac) template.push({ label: menu, role: 'help', submenu: items });
    // "&" marks the Alt+letter access key on Windows and Linux.
    else template.push({ label: mac ? menu : `&${menu}`, submenu: items });
  }
  if (mac) {
    // The Window menu belongs before Help on a Mac.
    template.splice(template.length - 1, 0, { role: 'windowMenu' });
  }
  return template;
}
