// A host for renderer tests: every method answers harmlessly unless the test overrides it.
import type { Host } from '../../../renderer/src/host/host';

export function fakeHost(overrides: Partial<Host> = {}): Host {
  return {
    kind: 'browser',
    openSourceFiles: async () => [],
    saveFile: async (request) => ({ saved: true, fileName: request.suggestedName }),
    getAppInfo: async () => ({ version: 'test', userName: 'me', platform: 'test' }),
    saveProjectFile: async (request) => ({ saved: true, fileName: request.suggestedName }),
    openProjectFile: async () => ({ status: 'canceled' }),
    linkProjectFile: async () => undefined,
    getProjectFileName: async () => null,
    writeBackup: async () => ({ written: false, reason: 'unchanged' }),
    listBackups: async () => [],
    readBackup: async () => {
      throw new Error('That backup no longer exists.');
    },
    completeBackupRequest: async () => undefined,
    showProject: async () => ({ shownElsewhere: false }),
    onOpenProjectFile: () => () => undefined,
    onBackupRequested: () => () => undefined,
    openExternalLink: async () => ({ opened: false, reason: 'not in this test' }),
    setMenuCommands: async () => undefined,
    onMenuCommand: () => () => undefined,
    ...overrides,
  };
}
