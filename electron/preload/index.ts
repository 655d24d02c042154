// The sandboxed preload: exposes `window.marginalia` (the contract's functions) and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL } from '../../shared/ipc/contract';
import { buildMainApi } from './api';

contextBridge.exposeInMainWorld(
  API_GLOBAL,
  buildMainApi((channel, request) => ipcRenderer.invoke(channel, request)),
);
