// The native menu as a desktop user meets it: File to Help in order with the app menu first on a
// Mac, the registry's labels, enabled states and shortcuts, separators between groups, the system
// roles (copy, paste, quit), and clicks reported as command ids.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../../electron/main/services/applicationMenu';
import type { MenuCommandDescriptor } from '../../../../shared/ipc/contract';

const commands: MenuCommandDescriptor[] = [
  { id: 'project.new', label: 'New project', menu: 'File', group: 'project', enabled: true },
  { id: 'export.codebookCsv', label: 'Export codebook (CSV)', menu: 'File', group: 'export', enabled: false },
  { id: 'edit.undo', label: 'Undo: delete code', menu: 'Edit', group: 'history', enabled: true, accelerator: 'CmdOrCtrl+Z' },
  { id: 'code.new', label: 'New code', menu: 'Code', group: 'codes', enabled: true },
  { id: 'help.shortcuts', label: 'Keyboard shortcuts', menu: 'Help', group: 'help', enabled: true, accelerator: '?' },
];

const submenu = (template: MenuItemConstructorOptions[], label: string) =>
  template.find((m) => m.label === label)?.submenu as MenuItemConstructorOptions[];

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Code, Analyse and Help, with access keys, on Windows and Linux', () => {
    const template = buildMenuTemplate(commands, { platform: 'linux', appName: 'Marginalia', onCommand: vi.fn() });
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Code', '&Analyse', '&Help']);
    expect(submenu(template, '&File').map((i) => i.label ?? i.type ?? i.role)).toEqual(['New project', 'separator', 'Export codebook (CSV)', 'separator', 'quit']);
  });

  it('puts the app menu first and the Window menu before Help on a Mac', () => {
    const template = buildMenuTemplate(commands, { platform: 'darwin', appName: 'Marginalia', onCommand: vi.fn() });
    expect(template.map((m) => m.label ?? m.role)).toEqual(['Marginalia', 'File', 'Edit', 'View', 'Code', 'Analyse', 'windowMenu', 'Help']);
    expect((template[0]!.submenu as MenuItemConstructorOptions[]).map((i) => i.role).filter(Boolean)).toContain('quit');
    // Quit lives in the app menu on a Mac, not in File.
    expect(submenu(template, 'File').some((i) => i.role === 'quit')).toBe(false);
  });

  it('carries labels, enabled states and shortcuts, leaving the keys to the page', () => {
    const template = buildMenuTemplate(commands, { platform: 'linux', appName: 'Marginalia', onCommand: vi.fn() });
    const undo = submenu(template, '&Edit')[0]!;
    expect(undo).toMatchObject({ label: 'Undo: delete code', enabled: true, accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(submenu(template, '&File').find((i) => i.label === 'Export codebook (CSV)')?.enabled).toBe(false);
    // Copy and paste keep working in text fields.
    expect(submenu(template, '&Edit').map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('reports a click as the command id', () => {
    const onCommand = vi.fn();
    const template = buildMenuTemplate(commands, { platform: 'linux', appName: 'Marginalia', onCommand });
    const newCode = submenu(template, '&Code').find((i) => i.label === 'New code')!;
    (newCode.click as () => void)();
    expect(onCommand).toHaveBeenCalledWith('code.new');
  });

  it('starts no menu with a separator when it has no commands of its own', () => {
    const template = buildMenuTemplate(commands, { platform: 'linux', appName: 'Marginalia', onCommand: vi.fn() });
    expect(submenu(template, '&View')[0]?.type).not.toBe('separator');
    expect(submenu(template, '&Analyse')).toEqual([]);
  });
});

describe('buildMenuTemplate toggles', () => {
  it('shows a toggle (View → Show other coders) as a checkbox item with its state; plain commands stay plain', () => {
    const toggles: MenuCommandDescriptor[] = [
      { id: 'view.otherCoders', label: 'Show other coders', menu: 'View', group: 'coders', enabled: true, checked: true },
      { id: 'view.document', label: 'Show document', menu: 'View', group: 'views', enabled: true },
    ];
    const view = submenu(buildMenuTemplate(toggles, { platform: 'linux', appName: 'Marginalia', onCommand: vi.fn() }), '&View');
    expect(view.find((i) => i.label === 'Show other coders')).toMatchObject({ type: 'checkbox', checked: true });
    expect(view.find((i) => i.label === 'Show document')?.type).toBeUndefined();
  });
});
