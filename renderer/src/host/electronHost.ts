// The Electron host: every method is the preload's function of the same name (see shared/ipc).
import { API_GLOBAL, type MainApi } from '../../../shared/ipc/contract';
import type { Host } from './host';

export function findElectronApi(): MainApi | undefined {
  return (window as unknown as Record<string, MainApi | undefined>)[API_GLOBAL];
}

export function createElectronHost(api: MainApi): Host {
  return {
    kind: 'electron',
    openSourceFiles: (request) => api.openSourceFiles(request),
    saveFile: (request) => api.saveFile(request),
    getAppInfo: () => api.getAppInfo(),
    openExternalLink: (request) => api.openExternalLink(request),
  };
}
