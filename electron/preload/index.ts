// The sandboxed preload: exposes `window.marginalia` (the contract's functions and events) and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL } from '../../shared/ipc/contract';
import { buildPreloadApi } from './api';

contextBridge.exposeInMainWorld(
  API_GLOBAL,
  buildPreloadApi(
    (channel, request) => ipcRenderer.invoke(channel, request),
    (channel, listener) => {
      ipcRenderer.on(channel, listener);
    },
  ),
);
