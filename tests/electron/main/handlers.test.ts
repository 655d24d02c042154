import type { BaseWindow, Dialog, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createMainHandlers } from '../../../electron/main/handlers';

function setup(window: BaseWindow | null) {
  const dialog = {
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] })),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  };
  const windowOf = vi.fn(() => window);
  const openExternalLink = vi.fn((_url: string, _sender: WebContents) => ({ opened: true as const }));
  const handlers = createMainHandlers({
    dialog: dialog as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
    windowOf,
    documentsDirectory: () => '/home/ada/Documents',
    version: '2.0.0',
    openExternalLink,
  });
  return { dialog, windowOf, handlers, openExternalLink };
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

  it('asks the link gate about the page that sent the link', async () => {
    const { handlers, openExternalLink } = setup(null);
    await expect(handlers.openExternalLink({ url: 'https://example.org/' }, sender)).resolves.toEqual({ opened: true });
    expect(openExternalLink).toHaveBeenCalledWith('https://example.org/', sender);
  });
});
