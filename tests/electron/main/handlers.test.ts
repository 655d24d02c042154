import type { BaseWindow, Dialog, Menu, MenuItemConstructorOptions, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createMainHandlers } from '../../../electron/main/handlers';
import { eventChannels } from '../../../shared/ipc/contract';

function setup(window: BaseWindow | null) {
  const dialog = {
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] })),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  };
  const windowOf = vi.fn(() => window);
  const menu = { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() };
  const openExternalLink = vi.fn((_url: string, _sender: WebContents) => ({ opened: true as const }));
  const handlers = createMainHandlers({
    dialog: dialog as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
    windowOf,
    documentsDirectory: () => '/home/ada/Documents',
    version: '2.0.0',
    menu: menu as unknown as Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>,
    platform: 'linux',
    appName: 'Marginalia',
    openExternalLink,
  });
  return { dialog, windowOf, handlers, menu, openExternalLink };
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

  it('asks the link gate about the page that sent the link', async () => {
    const { handlers, openExternalLink } = setup(null);
    await expect(handlers.openExternalLink({ url: 'https://example.org/' }, sender)).resolves.toEqual({ opened: true });
    expect(openExternalLink).toHaveBeenCalledWith('https://example.org/', sender);
  });
});
