// The Electron host: every method is the preload's function of the same name (see shared/ipc).
import { API_GLOBAL, type ExposedApi } from '../../../shared/ipc/contract';
import type { Host } from './host';

export function findElectronApi(): ExposedApi | undefined {
  return (window as unknown as Record<string, ExposedApi | undefined>)[API_GLOBAL];
}

export function createElectronHost(api: ExposedApi): Host {
  return {
    kind: 'electron',
    openSourceFiles: (request) => api.openSourceFiles(request),
    saveFile: (request) => api.saveFile(request),
    getAppInfo: () => api.getAppInfo(),
    setMenuCommands: (request) => api.setMenuCommands(request),
    onMenuCommand: (callback) => api.onMenuCommand(callback),
    openExternalLink: (request) => api.openExternalLink(request),
  };
}
