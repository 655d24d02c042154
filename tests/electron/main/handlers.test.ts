import type { BaseWindow, Dialog, Menu, MenuItemConstructorOptions, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createMainHandlers } from '../../../electron/main/handlers';
import { eventChannels } from '../../../shared/ipc/contract';
import { ProjectWindows } from '../../../electron/main/projectWindows';
import { FileTokens } from '../../../electron/main/services/projectFiles';
import type { BackupService } from '../../../electron/main/services/backups';
import type { ProjectFileStore } from '../../../electron/main/services/projectFileStore';

function setup(window: BaseWindow | null) {
  const dialog = {
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] })),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  };
  const windowOf = vi.fn(() => window);
  const menu = { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() };
  const projectFileStore: ProjectFileStore = {
    fileOf: async (projectId) => (projectId === 'p1' ? '/home/ada/Documents/Interviews.qdpx' : undefined),
    projectOf: async () => undefined,
    remember: vi.fn(async () => undefined),
    forget: vi.fn(async () => undefined),
  };
  const backups = { writeBackup: vi.fn(), listBackups: vi.fn(async () => []), readBackup: vi.fn() } as unknown as BackupService;
  const backupScheduler = { complete: vi.fn() };
  const projectWindows = new ProjectWindows<BaseWindow>();
  const openExternalLink = vi.fn((_url: string, _sender: WebContents) => ({ opened: true as const }));
  const handlers = createMainHandlers({
    dialog: dialog as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
    windowOf,
    documentsDirectory: () => '/home/ada/Documents',
    version: '2.0.0',
    projectFileStore,
    fileTokens: new FileTokens(),
    backups,
    backupScheduler,
    projectWindows,
    openExternalLink,
    menu: menu as unknown as Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>,
    platform: 'linux',
    appName: 'Marginalia',
  });
  return { dialog, windowOf, handlers, backups, backupScheduler, projectWindows, openExternalLink, menu };
}

const sender = { id: 7 } as unknown as WebContents;
const saveRequest = { suggestedName: 'x.csv', content: 'a', filters: [] };

describe('createMainHandlers', () => {
  it('opens dialogs on the window that asked', async () => {
    const window = { id: 3 } as unknown as BaseWindow;
    const { dialog, windowOf, handlers } = setup(window);
    await expect(handlers.openSourceFiles({ extensions: ['txt'] }, sender)).resolves.toEqual([]);
    await expect(handlers.saveFile(saveRequest, sender)).resolves.toEqual({ saved: false });
    expect(windowOf).toHaveBeenCalledWith(sender);
    expect(dialog.showOpenDialog.mock.calls[0]?.[0]).toBe(window);
    expect(dialog.showSaveDialog.mock.calls[0]?.[0]).toBe(window);
  });

  it('still opens dialogs when the asking window is gone', async () => {
    const { dialog, handlers } = setup(null);
    await handlers.openSourceFiles({ extensions: ['txt'] }, sender);
    await handlers.saveFile(saveRequest, sender);
    expect(dialog.showOpenDialog.mock.calls[0]).toHaveLength(1);
    expect(dialog.showSaveDialog.mock.calls[0]?.[0]).toMatchObject({ defaultPath: expect.stringContaining('x.csv') });
  });

  it('reports the app version', async () => {
    const { handlers } = setup(null);
    await expect(handlers.getAppInfo(undefined, sender)).resolves.toMatchObject({ version: '2.0.0' });
  });

  it('builds the application menu from the commands and sends clicks back to the page that sent them', async () => {
    const { handlers, menu } = setup(null);
    const send = vi.fn();
    const page = { id: 9, isDestroyed: () => false, send } as unknown as WebContents;
    await handlers.setMenuCommands(
      { commands: [{ id: 'code.new', label: 'New code', menu: 'Code', group: 'codes', enabled: true }] },
      page,
    );
    expect(menu.setApplicationMenu).toHaveBeenCalledOnce();
    const template = (menu.buildFromTemplate.mock.calls[0]?.[0] ?? []) as MenuItemConstructorOptions[];
    const code = template.find((m) => m.label === '&Code')?.submenu as MenuItemConstructorOptions[];
    const item = code.find((i) => i.label === 'New code');
    (item?.click as () => void)();
    expect(send).toHaveBeenCalledWith(eventChannels.onMenuCommand, 'code.new');
  });

  it('opens the project Save and Open dialogs on the window that asked, filtered to .qdpx', async () => {
    const window = { id: 3 } as unknown as BaseWindow;
    const { dialog, handlers } = setup(window);
    await expect(handlers.openProjectFile(undefined, sender)).resolves.toEqual({ status: 'canceled' });
    await expect(
      handlers.saveProjectFile({ projectId: 'p2', bytes: new Uint8Array([1]), saveAs: false, suggestedName: 'New.qdpx' }, sender),
    ).resolves.toEqual({ saved: false });
    expect(dialog.showOpenDialog.mock.calls[0]?.[0]).toBe(window);
    expect(dialog.showSaveDialog.mock.calls[0]?.[1]).toMatchObject({ filters: [{ extensions: ['qdpx'] }] });
    expect(dialog.showOpenDialog.mock.calls[0]?.[1]).toMatchObject({ title: 'Open project' });
    // "Merge project" shows the same dialog under its own title.
    await handlers.openProjectFile({ purpose: 'merge' }, sender);
    expect(dialog.showOpenDialog.mock.calls[1]?.[1]).toMatchObject({ title: 'Merge project', filters: [{ extensions: ['qdpx'] }] });
  });

  it('names the file a project saves to, and only its name', async () => {
    const { handlers } = setup(null);
    await expect(handlers.getProjectFileName({ projectId: 'p1' }, sender)).resolves.toBe('Interviews.qdpx');
    await expect(handlers.getProjectFileName({ projectId: 'p2' }, sender)).resolves.toBeNull();
  });

  it('passes backups to the backup service and completions to the scheduler', async () => {
    const { handlers, backups, backupScheduler } = setup(null);
    await handlers.listBackups(undefined, sender);
    expect(backups.listBackups).toHaveBeenCalled();
    await handlers.completeBackupRequest({ requestId: 'r1' }, sender);
    expect(backupScheduler.complete).toHaveBeenCalledWith('r1');
  });

  it('keeps a project in one window: a second window asking to show it is told it is shown elsewhere', async () => {
    const first = { id: 1, isDestroyed: () => false, isMinimized: () => false, restore: vi.fn(), focus: vi.fn() } as unknown as BaseWindow;
    const second = { id: 2, isDestroyed: () => false, isMinimized: () => false, restore: vi.fn(), focus: vi.fn() } as unknown as BaseWindow;
    const { handlers, windowOf } = setup(first);
    await expect(handlers.showProject({ projectId: 'p1' }, sender)).resolves.toEqual({ shownElsewhere: false });
    windowOf.mockReturnValue(second);
    await expect(handlers.showProject({ projectId: 'p1' }, sender)).resolves.toEqual({ shownElsewhere: true });
    expect(first.focus).toHaveBeenCalled();
    await expect(handlers.showProject({ projectId: 'p2' }, sender)).resolves.toEqual({ shownElsewhere: false });
  });

  it('asks the link gate about the page that sent the link', async () => {
    const { handlers, openExternalLink } = setup(null);
    await expect(handlers.openExternalLink({ url: 'https://example.org/' }, sender)).resolves.toEqual({ opened: true });
    expect(openExternalLink).toHaveBeenCalledWith('https://example.org/', sender);
  });
});
