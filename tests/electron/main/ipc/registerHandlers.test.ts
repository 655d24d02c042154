import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { channels, type MainMethod } from '../../../../shared/ipc/contract';
import { registerHandlers, type MainHandlers } from '../../../../electron/main/ipc/registerHandlers';

const APP_URL = 'app://marginalia/index.html';
type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function setup() {
  const listeners = new Map<string, Listener>();
  const ipcMain = {
    handle: (channel: string, listener: Listener) => listeners.set(channel, listener),
    removeHandler: (channel: string) => listeners.delete(channel),
  };
  const handlers = {
    openSourceFiles: vi.fn(async () => []),
    saveFile: vi.fn(async () => ({ saved: false as const })),
    getAppInfo: vi.fn(async () => ({ version: '1.0.0', userName: 'ada', platform: 'linux' })),
    setMenuCommands: vi.fn(async () => undefined),
    saveProjectFile: vi.fn(async () => ({ saved: false as const })),
    openProjectFile: vi.fn(async () => ({ status: 'canceled' as const })),
    linkProjectFile: vi.fn(async () => undefined),
    getProjectFileName: vi.fn(async () => null),
    writeBackup: vi.fn(async () => ({ written: false as const, reason: 'unchanged' as const })),
    listBackups: vi.fn(async () => []),
    readBackup: vi.fn(async () => ({ name: 'a.qdpx', bytes: new Uint8Array() })),
    completeBackupRequest: vi.fn(async () => undefined),
    showProject: vi.fn(async () => ({ shownElsewhere: false })),
    openExternalLink: vi.fn(async () => ({ opened: true as const })),
  } satisfies MainHandlers;
  const unregister = registerHandlers(
    ipcMain as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>,
    handlers,
    (url) => url.startsWith('app://marginalia/'),
  );
  const sender = { id: 1 } as unknown as WebContents;
  const invoke = (method: MainMethod, args: unknown[], frameUrl: string | null = APP_URL) => {
    const event = { sender, senderFrame: frameUrl === null ? null : { url: frameUrl } } as unknown as IpcMainInvokeEvent;
    const listener = listeners.get(channels[method]);
    if (!listener) throw new Error(`nothing registered for ${method}`);
    // Electron turns a throwing handler into a rejected invoke; the tests see the same.
    return (async () => listener(event, ...args))();
  };
  return { handlers, invoke, listeners, unregister, sender };
}

const validSave = { suggestedName: 'codings.csv', content: 'a,b\n', filters: [{ name: 'CSV', extensions: ['csv'] }] };

const validMenuCommand = { id: 'edit.undo', label: 'Undo: delete code', menu: 'Edit', group: 'history', enabled: true, accelerator: 'CmdOrCtrl+Z' } as const;

describe('registerHandlers', () => {
  it('registers one handler per contract channel and can remove them', () => {
    const { listeners, unregister } = setup();
    expect([...listeners.keys()].sort()).toEqual(Object.values(channels).sort());
    unregister();
    expect(listeners.size).toBe(0);
  });

  it('passes a valid request and the sender to the service, and returns its answer', async () => {
    const { handlers, invoke, sender } = setup();
    await expect(invoke('openSourceFiles', [{ extensions: ['txt', 'docx'] }])).resolves.toEqual([]);
    expect(handlers.openSourceFiles).toHaveBeenCalledWith({ extensions: ['txt', 'docx'] }, sender);

    const bytes = new Uint8Array([1, 2, 3]);
    await invoke('saveFile', [{ ...validSave, content: bytes }]);
    expect(handlers.saveFile).toHaveBeenCalledWith({ ...validSave, content: bytes }, sender);

    await expect(invoke('getAppInfo', [])).resolves.toMatchObject({ userName: 'ada' });
    await expect(invoke('getAppInfo', [undefined])).resolves.toMatchObject({ userName: 'ada' });

    // Open project asks without a request; Merge project names its purpose (the dialog's title).
    await invoke('openProjectFile', []);
    await invoke('openProjectFile', [{ purpose: 'merge' }]);
    expect(handlers.openProjectFile.mock.calls.map((call) => (call as unknown[])[0])).toEqual([undefined, { purpose: 'merge' }]);

    await invoke('setMenuCommands', [{ commands: [validMenuCommand] }]);
    expect(handlers.setMenuCommands).toHaveBeenCalledWith({ commands: [validMenuCommand] }, sender);
    await expect(invoke('openExternalLink', [{ url: 'https://example.org/' }])).resolves.toEqual({ opened: true });
    expect(handlers.openExternalLink).toHaveBeenCalledWith({ url: 'https://example.org/' }, sender);
  });

  it('never passes a non-https link to the link handler', async () => {
    const { handlers, invoke } = setup();
    for (const url of ['http://example.org/', 'mailto:a@example.org', 'file:///etc/passwd', 'javascript:alert(1)']) {
      await expect(invoke('openExternalLink', [{ url }])).rejects.toThrow('Invalid request for openExternalLink');
    }
    expect(handlers.openExternalLink).not.toHaveBeenCalled();
  });

  it.each([
    ['a number instead of the request', 'openSourceFiles', [42]],
    ['no request at all', 'openSourceFiles', []],
    ['extensions of the wrong type', 'openSourceFiles', [{ extensions: 'txt' }]],
    ['an extension with a dot', 'openSourceFiles', [{ extensions: ['.txt'] }]],
    ['an empty extension list', 'openSourceFiles', [{ extensions: [] }]],
    ['too many extensions', 'openSourceFiles', [{ extensions: Array.from({ length: 31 }, () => 'txt') }]],
    ['an extra key', 'openSourceFiles', [{ extensions: ['txt'], path: '/etc/passwd' }]],
    ['a second argument', 'openSourceFiles', [{ extensions: ['txt'] }, '/etc/passwd']],
    ['a path-traversal file name', 'saveFile', [{ ...validSave, suggestedName: '../x.csv' }]],
    ['an absolute file name', 'saveFile', [{ ...validSave, suggestedName: '/etc/cron.d/x' }]],
    ['a Windows path', 'saveFile', [{ ...validSave, suggestedName: 'C:\\Users\\x.csv' }]],
    ['the parent folder as the name', 'saveFile', [{ ...validSave, suggestedName: '..' }]],
    ['a control character in the name', 'saveFile', [{ ...validSave, suggestedName: 'x\u0000.csv' }]],
    ['an over-long file name', 'saveFile', [{ ...validSave, suggestedName: `${'x'.repeat(200)}.csv` }]],
    ['content that is neither text nor bytes', 'saveFile', [{ ...validSave, content: { length: 3 } }]],
    ['an extra key in a filter', 'saveFile', [{ ...validSave, filters: [{ name: 'CSV', extensions: ['csv'], x: 1 }] }]],
    ['an extra key in the request', 'saveFile', [{ ...validSave, directory: '/tmp' }]],
    ['an argument where none is expected', 'getAppInfo', [{}]],
    ['a project-file dialog for an unknown purpose', 'openProjectFile', [{ purpose: 'delete' }]],
    ['an extra key on the project-file dialog (a path to read)', 'openProjectFile', [{ purpose: 'merge', defaultPath: '/etc' }]],
    ['a bare string instead of the purpose', 'openProjectFile', ['merge']],
    ['menu commands that are not a list', 'setMenuCommands', [{ commands: 'File' }]],
    ['a menu that does not exist', 'setMenuCommands', [{ commands: [{ ...validMenuCommand, menu: 'Window' }] }]],
    ['a command id with a path in it', 'setMenuCommands', [{ commands: [{ ...validMenuCommand, id: '../x' }] }]],
    ['an extra key on a menu command (a role, a submenu)', 'setMenuCommands', [{ commands: [{ ...validMenuCommand, role: 'quit' }] }]],
    ['an empty label', 'setMenuCommands', [{ commands: [{ ...validMenuCommand, label: '' }] }]],
    ['an enabled state that is not a boolean', 'setMenuCommands', [{ commands: [{ ...validMenuCommand, enabled: 'yes' }] }]],
    ['an accelerator with odd characters', 'setMenuCommands', [{ commands: [{ ...validMenuCommand, accelerator: 'Ctrl+Z; rm' }] }]],
    ['too many menu commands', 'setMenuCommands', [{ commands: Array.from({ length: 201 }, () => validMenuCommand) }]],
  ] as const)('rejects %s without calling the service', async (_case, method, args) => {
    const { handlers, invoke } = setup();
    await expect(invoke(method, [...args])).rejects.toThrow(new RegExp(`^Invalid request for ${method}: `));
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('rejects content over the size limit without allocating it', async () => {
    const { handlers, invoke } = setup();
    // The limit is 512 MB: a small array that reports a larger size stands in for a real one.
    const huge = new Uint8Array(4);
    Object.defineProperty(huge, 'byteLength', { value: 512 * 1024 * 1024 + 1 });
    await expect(invoke('saveFile', [{ ...validSave, content: huge }])).rejects.toThrow(/content: too large/);
    expect(handlers.saveFile).not.toHaveBeenCalled();
  });

  it('names the offending field in the error', async () => {
    const { invoke } = setup();
    await expect(invoke('saveFile', [{ ...validSave, suggestedName: '../x.csv' }])).rejects.toThrow(
      'Invalid request for saveFile: suggestedName: must be a plain file name',
    );
  });

  it.each([
    ['another page', 'https://evil.example/'],
    ['a file outside the app', 'file:///home/user/Downloads/evil.html'],
    ['a destroyed frame', null],
    ['an empty URL', ''],
  ])('refuses a request from %s', async (_case, frameUrl) => {
    const { handlers, invoke } = setup();
    await expect(invoke('getAppInfo', [], frameUrl)).rejects.toThrow(
      "Refused getAppInfo: the request did not come from Marginalia's own page.",
    );
    expect(handlers.getAppInfo).not.toHaveBeenCalled();
  });
});
