import { contextBridge, ipcRenderer } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildEventApi, buildMainApi } from '../../../electron/preload/api';
import { API_GLOBAL, channels, eventChannels, mainEvents, mainMethods } from '../../../shared/ipc/contract';

describe('buildMainApi', () => {
  it('has exactly one function per contract method, and nothing else', () => {
    const api = buildMainApi(vi.fn());
    expect(Object.keys(api).sort()).toEqual([...mainMethods].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('invokes each method’s channel with the request and returns main’s answer', async () => {
    const invoke = vi.fn(async (channel: string) => `answer from ${channel}`);
    const api = buildMainApi(invoke);
    await expect(api.openSourceFiles({ extensions: ['txt'] })).resolves.toBe(`answer from ${channels.openSourceFiles}`);
    expect(invoke).toHaveBeenLastCalledWith(channels.openSourceFiles, { extensions: ['txt'] });
    await api.openExternalLink({ url: 'https://example.org/' });
    expect(invoke).toHaveBeenLastCalledWith(channels.openExternalLink, { url: 'https://example.org/' });
    await api.getAppInfo();
    expect(invoke).toHaveBeenLastCalledWith(channels.getAppInfo, undefined);
  });

  it('forwards only the first argument', async () => {
    const invoke = vi.fn(async () => undefined);
    const api = buildMainApi(invoke) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await api['saveFile']!({ suggestedName: 'a.txt' }, 'extra', 'arguments');
    expect(invoke).toHaveBeenCalledWith(channels.saveFile, { suggestedName: 'a.txt' });
  });
});

describe('the preload script', () => {
  it('exposes the API under window.marginalia through the context bridge, backed by ipcRenderer.invoke', async () => {
    await import('../../../electron/preload/index');
    const expose = vi.mocked(contextBridge.exposeInMainWorld);
    expect(expose).toHaveBeenCalledOnce();
    const [name, api] = expose.mock.calls[0] as [string, Record<string, (request?: unknown) => Promise<unknown>>];
    expect(name).toBe(API_GLOBAL);
    expect(Object.keys(api).sort()).toEqual([...mainMethods, ...mainEvents].sort());
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(api).not.toHaveProperty('send');

    vi.mocked(ipcRenderer.invoke).mockResolvedValueOnce({ saved: false });
    await expect(api['saveFile']!({ suggestedName: 'x' })).resolves.toEqual({ saved: false });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(channels.saveFile, { suggestedName: 'x' });
  });
});

describe('buildEventApi', () => {
  function fakeIpc() {
    const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
    return {
      listen: (channel: string, listener: (event: unknown, payload: unknown) => void) => listeners.set(channel, listener),
      emit: (channel: string, payload: unknown) => listeners.get(channel)!({ sender: 'the IPC event' }, payload),
    };
  }

  it('gives each event an onX(callback) that returns an unsubscribe, and passes only the payload', () => {
    const ipc = fakeIpc();
    const api = buildEventApi(ipc.listen);
    expect(Object.keys(api).sort()).toEqual([...mainEvents].sort());
    const callback = vi.fn();
    const unsubscribe = api.onBackupRequested(callback);
    ipc.emit(eventChannels.onBackupRequested, { requestId: 'r1', reason: 'interval' });
    expect(callback).toHaveBeenCalledExactlyOnceWith({ requestId: 'r1', reason: 'interval' });
    unsubscribe();
    ipc.emit(eventChannels.onBackupRequested, { requestId: 'r2', reason: 'interval' });
    expect(callback).toHaveBeenCalledOnce();
  });

  it('holds a file opened before the page subscribed, and delivers it once', () => {
    const ipc = fakeIpc();
    const api = buildEventApi(ipc.listen);
    const file = { status: 'opened', name: 'a.qdpx', bytes: new Uint8Array([1]), fileToken: 't' };
    ipc.emit(eventChannels.onOpenProjectFile, file);
    // A backup request nobody hears is dropped, not replayed later.
    ipc.emit(eventChannels.onBackupRequested, { requestId: 'r1', reason: 'interval' });
    const first = vi.fn();
    api.onOpenProjectFile(first);
    expect(first).toHaveBeenCalledExactlyOnceWith(file);
    const second = vi.fn();
    api.onOpenProjectFile(second);
    expect(second).not.toHaveBeenCalled();
    const backups = vi.fn();
    api.onBackupRequested(backups);
    expect(backups).not.toHaveBeenCalled();
  });
});
