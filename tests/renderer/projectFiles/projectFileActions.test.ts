// The renderer's project-file actions against fakes of what they are wired to (the snapshot
// reader, the .qdpx writer and reader) and a real browser host with an in-memory backup folder.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  backUpChangedProjects,
  bindProjectFileActions,
  countsOf,
  openProject,
  projectFileName,
  restoreBackup,
  saveProject,
  type ProjectFileActionDeps,
} from '../../../renderer/src/features/projectFiles/projectFileActions';
import { createBrowserHost } from '../../../renderer/src/host/browserHost';
import type { Host } from '../../../renderer/src/host/host';
import { requestSchemas } from '../../../shared/ipc/requestSchemas';
import type { BackupRequest, OpenProjectFileResult } from '../../../shared/ipc/contract';
import type { ProjectSnapshot } from '../../../shared/model/snapshot';
import { fakeHost } from '../support/fakeHost';
import { memoryDirectory } from '../support/memoryDirectory';

function snapshotOf(id: string, name: string, codings = 2): ProjectSnapshot {
  const time = '2026-12-01T10:00:00.000Z';
  return {
    project: { id, name, createdAt: time, updatedAt: time },
    coders: [],
    sources: [{ id: `${id}-s1`, projectId: id } as never],
    sourceTexts: [],
    codes: [{ id: `${id}-c1` } as never, { id: `${id}-c2` } as never],
    codeSets: [],
    cases: [],
    attributes: [],
    caseValues: [],
    caseLinks: [],
    codings: Array.from({ length: codings }, (_, i) => ({ id: `${id}-k${i}` }) as never),
    memos: [{ id: `${id}-m1` } as never],
    savedQueries: [],
  };
}

/** A database of projects, a JSON "qdpx" and an importer that makes a new project from one. */
function world(host: ProjectFileActionDeps['host'] & Partial<Host>) {
  const projects = new Map<string, ProjectSnapshot>([
    ['p1', snapshotOf('p1', 'Interviews')],
    ['p2', snapshotOf('p2', 'Focus groups: wave 2')],
  ]);
  const stamps = new Map([
    ['p1', 'seq-10'],
    ['p2', 'seq-4'],
  ]);
  let nextId = 1;
  const readProject = vi.fn(async (id: string) => projects.get(id)!);
  const deps: ProjectFileActionDeps = {
    host,
    readProject,
    writeQdpx: (snapshot) => new TextEncoder().encode(JSON.stringify(snapshot)),
    importQdpx: async (_name, bytes) => {
      const snapshot = JSON.parse(new TextDecoder().decode(bytes)) as ProjectSnapshot;
      const projectId = `new${nextId++}`;
      projects.set(projectId, { ...snapshot, project: { ...snapshot.project, id: projectId } });
      stamps.set(projectId, 'seq-0');
      return { projectId, notRead: [] };
    },
    listProjects: async () => [...projects.values()].map((s) => s.project),
    changeStampOf: async (id) => stamps.get(id)!,
  };
  return { deps, projects, stamps, readProject };
}

const request = (requestId = 'r1'): BackupRequest => ({ requestId, reason: 'interval' });

describe('saveProject', () => {
  it('sends the project’s .qdpx to the host under a name made from the project name', async () => {
    const saveProjectFile = vi.fn(async () => ({ saved: true as const, fileName: 'x.qdpx' }));
    const { deps } = world(fakeHost({ saveProjectFile }));
    await saveProject(deps, 'p2', { saveAs: false });
    await saveProject(deps, 'p2', { saveAs: true });
    const [first, second] = saveProjectFile.mock.calls.map((c) => (c as unknown[])[0] as { suggestedName: string; saveAs: boolean; bytes: Uint8Array; projectId: string });
    expect(first).toMatchObject({ projectId: 'p2', saveAs: false, suggestedName: 'Focus groups_ wave 2.qdpx' });
    expect(second!.saveAs).toBe(true);
    expect(JSON.parse(new TextDecoder().decode(first!.bytes)).project.name).toBe('Focus groups: wave 2');
  });

  it('makes a name main accepts from any project name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
        const suggestedName = projectFileName(name);
        const parsed = requestSchemas.saveProjectFile.safeParse({ projectId: 'p1', bytes: new Uint8Array([1]), saveAs: false, suggestedName });
        expect(parsed.success, suggestedName).toBe(true);
      }),
    );
  });
});

describe('openProject', () => {
  const file: OpenProjectFileResult = {
    status: 'opened',
    name: 'Interviews.qdpx',
    bytes: new TextEncoder().encode(JSON.stringify(snapshotOf('old', 'Interviews'))),
    fileToken: 'tok',
  };

  it('opens the file into a new project and links the file to it, so Save writes back there', async () => {
    const linkProjectFile = vi.fn(async () => undefined);
    const { deps, projects } = world(fakeHost({ openProjectFile: async () => file, linkProjectFile }));
    const outcome = await openProject(deps);
    expect(outcome).toEqual({ status: 'opened', fileName: 'Interviews.qdpx', projectId: 'new1', notRead: [] });
    expect(projects.get('new1')!.project.name).toBe('Interviews');
    expect(projects.has('p1')).toBe(true);
    expect(linkProjectFile).toHaveBeenCalledWith({ projectId: 'new1', fileToken: 'tok' });
  });

  it('does not link a file it could not read completely: Save must not overwrite what it left out', async () => {
    const linkProjectFile = vi.fn(async () => undefined);
    const { deps } = world(fakeHost({ linkProjectFile }));
    deps.importQdpx = async () => ({ projectId: 'new1', notRead: ['2 audio sources'] });
    await expect(openProject(deps, file)).resolves.toMatchObject({ notRead: ['2 audio sources'] });
    expect(linkProjectFile).not.toHaveBeenCalled();
  });

  it('does nothing on cancel, and throws the host’s reason for a refused file', async () => {
    const { deps } = world(fakeHost());
    const importQdpx = vi.spyOn(deps, 'importQdpx');
    await expect(openProject(deps)).resolves.toEqual({ status: 'canceled' });
    await expect(openProject(deps, { status: 'refused', name: 'x.qdpx', error: '“x.qdpx” could not be opened: it is a folder.' })).rejects.toThrow(
      '“x.qdpx” could not be opened: it is a folder.',
    );
    expect(importQdpx).not.toHaveBeenCalled();
  });
});

describe('automatic backups', () => {
  it('backs up each changed project with its counts, skips unchanged ones without reading them, and completes the request', async () => {
    const host = createBrowserHost(document, { backupDirectory: memoryDirectory().directory });
    const completeBackupRequest = vi.spyOn(host, 'completeBackupRequest');
    const { deps, stamps, readProject } = world(host);

    await expect(backUpChangedProjects(deps, request('r1'))).resolves.toEqual({ written: ['p1', 'p2'], unchanged: [], failed: [] });
    expect(completeBackupRequest).toHaveBeenLastCalledWith({ requestId: 'r1' });
    const listed = await host.listBackups();
    expect(listed.find((b) => b.projectId === 'p1')).toMatchObject({ counts: { sources: 1, codes: 2, codings: 2, memos: 1, cases: 0 }, changeStamp: 'seq-10' });

    readProject.mockClear();
    stamps.set('p2', 'seq-5');
    await expect(backUpChangedProjects(deps, request('r2'))).resolves.toEqual({ written: ['p2'], unchanged: ['p1'], failed: [] });
    expect(readProject.mock.calls.map((c) => c[0])).toEqual(['p2']);
    expect(await host.listBackups()).toHaveLength(3);
  });

  it('takes backups on the timer with the paced writer, and backups on quit with the ordinary one', async () => {
    const host = createBrowserHost(document, { backupDirectory: memoryDirectory().directory });
    const { deps, stamps } = world(host);
    const file = (projectId: string) => ({ bytes: new Uint8Array([1, 2, 3]), projectName: projectId, counts: { sources: 1, codes: 2, codings: 2, memos: 0, cases: 0 } });
    const writeProjectFile = vi.fn(async (projectId: string) => file(projectId));
    const writeProjectBackup = vi.fn(async (projectId: string) => file(projectId));
    const paced: ProjectFileActionDeps = { ...deps, writeProjectFile, writeProjectBackup };

    await expect(backUpChangedProjects(paced, { requestId: 'r1', reason: 'interval' })).resolves.toMatchObject({ written: ['p1', 'p2'] });
    expect(writeProjectBackup.mock.calls.map((c) => c[0])).toEqual(['p1', 'p2']);
    expect(writeProjectFile).not.toHaveBeenCalled();

    stamps.set('p1', 'seq-11');
    await expect(backUpChangedProjects(paced, { requestId: 'r2', reason: 'quit' })).resolves.toMatchObject({ written: ['p1'] });
    expect(writeProjectFile.mock.calls.map((c) => c[0])).toEqual(['p1']);
    expect(writeProjectBackup).toHaveBeenCalledTimes(2);
  });

  it('a failing project does not stop the others, and the request is still completed', async () => {
    const host = createBrowserHost(document, { backupDirectory: memoryDirectory().directory });
    const completeBackupRequest = vi.spyOn(host, 'completeBackupRequest');
    const { deps } = world(host);
    const readProject = deps.readProject;
    deps.readProject = async (id) => {
      if (id === 'p1') throw new Error('read failed');
      return readProject!(id);
    };
    const result = await backUpChangedProjects(deps, request());
    expect(result.written).toEqual(['p2']);
    expect(result.failed.map((f) => f.projectId)).toEqual(['p1']);
    expect(completeBackupRequest).toHaveBeenCalledWith({ requestId: 'r1' });
  });

  it('Restore from backup makes a new project from the backup and leaves the original alone', async () => {
    const host = createBrowserHost(document, { backupDirectory: memoryDirectory().directory });
    const { deps, projects } = world(host);
    await backUpChangedProjects(deps, request());
    const p1Backup = (await host.listBackups()).find((b) => b.projectId === 'p1')!;
    const restored = await restoreBackup(deps, p1Backup.id);
    expect(restored.projectId).toBe('new1');
    expect(countsOf(projects.get('new1')!)).toEqual(countsOf(projects.get('p1')!));
    expect(projects.get('p1')!.project.id).toBe('p1');
  });
});

describe('bindProjectFileActions', () => {
  it('answers the host’s backup requests and opens files the host announces', async () => {
    let requestBackup: ((r: BackupRequest) => void) | undefined;
    let announceFile: ((f: OpenProjectFileResult) => void) | undefined;
    const completeBackupRequest = vi.fn(async () => undefined);
    const host = fakeHost({
      completeBackupRequest,
      onBackupRequested: (cb) => ((requestBackup = cb), () => (requestBackup = undefined)),
      onOpenProjectFile: (cb) => ((announceFile = cb as typeof announceFile), () => undefined),
    });
    const { deps } = world(host);
    const actions = bindProjectFileActions({ ...deps, host });
    const onStart = vi.fn();
    const onRound = vi.fn();
    const stop = actions.startAutomaticBackups(vi.fn(), onRound, onStart);
    requestBackup!(request('r9'));
    // The round is announced as it starts, before anything is written, and its end after.
    expect(onStart).toHaveBeenCalledTimes(1);
    expect(onRound).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(completeBackupRequest).toHaveBeenCalledWith({ requestId: 'r9' }), { timeout: 2000 });
    await vi.waitFor(() => expect(onRound).toHaveBeenCalledTimes(1), { timeout: 2000 });
    stop();
    expect(requestBackup).toBeUndefined();

    const onOpened = vi.fn();
    actions.listenForOpenedFiles(onOpened, vi.fn());
    announceFile!({ status: 'opened', name: 'a.qdpx', bytes: new TextEncoder().encode(JSON.stringify(snapshotOf('z', 'Z'))), fileToken: 't' });
    await vi.waitFor(() => expect(onOpened).toHaveBeenCalledWith(expect.objectContaining({ status: 'opened', projectId: 'new1' })), { timeout: 2000 });
  });
});
