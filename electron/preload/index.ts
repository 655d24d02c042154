// The sandboxed preload: exposes `window.marginalia` (the contract's functions and events) and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, type ExposedApi } from '../../shared/ipc/contract';
import { buildMainApi, buildMainEvents } from './api';

const api: ExposedApi = {
  ...buildMainApi((channel, request) => ipcRenderer.invoke(channel, request)),
  ...buildMainEvents((channel, listener) => {
    // The IPC event itself stays here: the page only ever sees the message's data.
    const forward = (_event: unknown, ...args: unknown[]): void => listener(...args);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  }),
};

contextBridge.exposeInMainWorld(API_GLOBAL, api);
