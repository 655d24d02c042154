// The Electron host: every method and event is the preload's function of the same name (see shared/ipc).
import { API_GLOBAL, type PreloadApi } from '../../../shared/ipc/contract';
import type { Host } from './host';

export function findElectronApi(): PreloadApi | undefined {
  return (window as unknown as Record<string, PreloadApi | undefined>)[API_GLOBAL];
}

export function createElectronHost(api: PreloadApi): Host {
  return {
    kind: 'electron',
    openSourceFiles: (request) => api.openSourceFiles(request),
    saveFile: (request) => api.saveFile(request),
    getAppInfo: () => api.getAppInfo(),
    setMenuCommands: (request) => api.setMenuCommands(request),
    onMenuCommand: (callback) => api.onMenuCommand(callback),
    saveProjectFile: (request) => api.saveProjectFile(request),
    openProjectFile: (request) => api.openProjectFile(request),
    linkProjectFile: (request) => api.linkProjectFile(request),
    getProjectFileName: (request) => api.getProjectFileName(request),
    writeBackup: (request) => api.writeBackup(request),
    listBackups: () => api.listBackups(),
    readBackup: (request) => api.readBackup(request),
    completeBackupRequest: (request) => api.completeBackupRequest(request),
    showProject: (request) => api.showProject(request),
    onOpenProjectFile: (callback) => api.onOpenProjectFile(callback),
    onBackupRequested: (callback) => api.onBackupRequested(callback),
    openExternalLink: (request) => api.openExternalLink(request),
  };
}
