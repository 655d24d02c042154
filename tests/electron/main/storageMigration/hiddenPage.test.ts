import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createDoneMarker } from '../../../../electron/main/storageMigration/doneMarker';
import { createHiddenPageRunner, type HiddenWindowConstructor } from '../../../../electron/main/storageMigration/hiddenPage';

function fakeWindows(executeJavaScript: (script: string) => Promise<unknown>) {
  const created: { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn>; destroy: ReturnType<typeof vi.fn> }[] = [];
  const Window = vi.fn(function (options: Record<string, unknown>) {
    let destroyed = false;
    const window = {
      options,
      loadURL: vi.fn(async () => undefined),
      destroy: vi.fn(() => {
        destroyed = true;
      }),
      isDestroyed: () => destroyed,
      webContents: { executeJavaScript: vi.fn(executeJavaScript) },
    };
    created.push(window);
    return window;
  }) as unknown as HiddenWindowConstructor;
  return { Window, created };
}

describe('createHiddenPageRunner', () => {
  it('runs the script in a hidden, sandboxed page without a preload, then destroys it', async () => {
    const { Window, created } = fakeWindows(async (script) => `ran ${script}`);
    await expect(createHiddenPageRunner(Window)('app://marginalia/storage-migration.html', '1 + 1')).resolves.toBe('ran 1 + 1');
    const [window] = created;
    expect(window!.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect((window!.options['webPreferences'] as Record<string, unknown>)['preload']).toBeUndefined();
    expect(window!.loadURL).toHaveBeenCalledWith('app://marginalia/storage-migration.html');
    expect(window!.destroy).toHaveBeenCalledOnce();
  });

  it('destroys the page when the script fails', async () => {
    const { Window, created } = fakeWindows(async () => {
      throw new Error('QuotaExceededError');
    });
    await expect(createHiddenPageRunner(Window)('file:///x.html', 'x')).rejects.toThrow('QuotaExceededError');
    expect(created[0]!.destroy).toHaveBeenCalledOnce();
  });
});

describe('createDoneMarker', () => {
  it('is not done until marked, and remembers what was copied', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'marginalia-marker-'));
    try {
      const marker = createDoneMarker(join(dir, 'profile', 'storage-origin-migrated.json'));
      expect(await marker.isDone()).toBe(false);
      await marker.markDone({ restored: ['marginalia'] });
      expect(await marker.isDone()).toBe(true);
      expect(JSON.parse(await readFile(join(dir, 'profile', 'storage-origin-migrated.json'), 'utf8'))).toEqual({ restored: ['marginalia'] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
