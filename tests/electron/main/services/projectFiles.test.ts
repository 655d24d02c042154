// Save project, Save project as, Open project: against a temporary folder with fake dialogs.
import * as fsPromises from 'node:fs/promises';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic, type AtomicWriteFs } from '../../../../electron/main/services/atomicWrite';
import { createProjectFileStore } from '../../../../electron/main/services/projectFileStore';
import {
  FileTokens,
  getProjectFileName,
  linkProjectFile,
  openProjectFile,
  saveProjectFile,
  type ProjectFileDeps,
} from '../../../../electron/main/services/projectFiles';
import { MAX_PROJECT_FILE_BYTES } from '../../../../shared/ipc/contract';

let root: string;
let userData: string;
let documents: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'marginalia-projects-'));
  userData = join(root, 'userData');
  documents = join(root, 'Documents');
  await mkdir(documents);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);

function setup({ savePath, openPath, fs = fsPromises }: { savePath?: string; openPath?: string; fs?: AtomicWriteFs } = {}) {
  const showSaveDialog = vi.fn(async () => (savePath ? { canceled: false, filePath: savePath } : { canceled: true, filePath: '' }));
  const showOpenDialog = vi.fn(async () => (openPath ? { canceled: false, filePaths: [openPath] } : { canceled: true, filePaths: [] }));
  const store = createProjectFileStore(join(userData, 'project-files.json'), userData, fsPromises);
  const deps: ProjectFileDeps = {
    store,
    tokens: new FileTokens(),
    fs: fsPromises,
    writeFile: (path, content) => writeFileAtomic(path, content, fs),
    showSaveDialog,
    showOpenDialog,
    defaultDirectory: documents,
  };
  return { deps, showSaveDialog, showOpenDialog, store };
}

const save = (saveAs: boolean, text = 'v1') => ({ projectId: 'p1', bytes: bytes(text), saveAs, suggestedName: 'Interviews.qdpx' });

describe('saveProjectFile', () => {
  it('asks where to save the first time, then saves to the same file without asking', async () => {
    const target = join(documents, 'Interviews.qdpx');
    const { deps, showSaveDialog } = setup({ savePath: target });
    await expect(saveProjectFile(save(false, 'v1'), deps)).resolves.toEqual({ saved: true, fileName: 'Interviews.qdpx' });
    expect(showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: target, filters: [{ name: 'REFI-QDA project', extensions: ['qdpx'] }] }));
    await saveProjectFile(save(false, 'v2'), deps);
    expect(showSaveDialog).toHaveBeenCalledTimes(1);
    expect(await readFile(target, 'utf8')).toBe('v2');
    await expect(getProjectFileName('p1', deps.store)).resolves.toBe('Interviews.qdpx');
  });

  it('remembers the file across restarts (the store is a file in user data)', async () => {
    const target = join(documents, 'Interviews.qdpx');
    await saveProjectFile(save(false), setup({ savePath: target }).deps);
    const afterRestart = setup();
    await saveProjectFile(save(false, 'v2'), afterRestart.deps);
    expect(afterRestart.showSaveDialog).not.toHaveBeenCalled();
    expect(await readFile(target, 'utf8')).toBe('v2');
  });

  it('asks again for Save project as, and from then on saves to the new file', async () => {
    const first = join(documents, 'Interviews.qdpx');
    const second = join(documents, 'Interviews copy.qdpx');
    const { deps, showSaveDialog } = setup({ savePath: first });
    await saveProjectFile(save(false, 'v1'), deps);
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: second });
    await saveProjectFile(save(true, 'v2'), deps);
    await saveProjectFile(save(false, 'v3'), deps);
    expect(await readFile(first, 'utf8')).toBe('v1');
    expect(await readFile(second, 'utf8')).toBe('v3');
  });

  it('adds the .qdpx extension when the dialog did not', async () => {
    const { deps } = setup({ savePath: join(documents, 'Interviews') });
    await expect(saveProjectFile(save(true), deps)).resolves.toEqual({ saved: true, fileName: 'Interviews.qdpx' });
    expect(await readdir(documents)).toEqual(['Interviews.qdpx']);
  });

  it('writes nothing and remembers nothing when the user cancels', async () => {
    const { deps } = setup();
    await expect(saveProjectFile(save(true), deps)).resolves.toEqual({ saved: false });
    expect(await readdir(documents)).toEqual([]);
    await expect(getProjectFileName('p1', deps.store)).resolves.toBeNull();
  });

  it('leaves the previous file intact when a save fails midway, and says so', async () => {
    const target = join(documents, 'Interviews.qdpx');
    const { deps } = setup({ savePath: target });
    await saveProjectFile(save(false, 'the good version'), deps);
    const diskFull: AtomicWriteFs = {
      ...fsPromises,
      open: async (path, flags) => {
        const handle = await fsPromises.open(path, flags);
        if (flags === 'wx') {
          handle.writeFile = async () => {
            await handle.write('half of');
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          };
        }
        return handle;
      },
    };
    const failing = { ...deps, writeFile: (path: string, content: Uint8Array) => writeFileAtomic(path, content, diskFull) };
    await expect(saveProjectFile(save(false, 'the new version'), failing)).rejects.toThrow(
      'The project could not be saved to “Interviews.qdpx” (the disk is full). The previous file is unchanged.',
    );
    expect(await readFile(target, 'utf8')).toBe('the good version');
    expect(await readdir(documents)).toEqual(['Interviews.qdpx']);
  });

  it('one file belongs to one project: saving another project over it takes it over', async () => {
    const target = join(documents, 'Shared.qdpx');
    const { deps, store } = setup({ savePath: target });
    await saveProjectFile(save(true), deps);
    await saveProjectFile({ ...save(true), projectId: 'p2' }, deps);
    await expect(store.fileOf('p1')).resolves.toBeUndefined();
    await expect(store.projectOf(target)).resolves.toBe('p2');
  });
});

describe('openProjectFile', () => {
  it('reads the chosen file, with a token that links it to the new project', async () => {
    const path = join(documents, 'From NVivo.qdpx');
    await writeFile(path, 'PK zip');
    const { deps, showSaveDialog } = setup({ openPath: path });
    const opened = await openProjectFile(deps);
    expect(opened).toMatchObject({ status: 'opened', name: 'From NVivo.qdpx' });
    if (opened.status !== 'opened') return;
    expect(new TextDecoder().decode(opened.bytes)).toBe('PK zip');
    expect(opened).not.toHaveProperty('knownProjectId');
    // The renderer made project p9 from it: "Save project" now writes back to that file.
    await linkProjectFile({ projectId: 'p9', fileToken: opened.fileToken }, deps);
    await saveProjectFile({ ...save(false, 'saved'), projectId: 'p9' }, deps);
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(await readFile(path, 'utf8')).toBe('saved');
  });

  it('says which project a file was saved from', async () => {
    const path = join(documents, 'Interviews.qdpx');
    const { deps } = setup({ savePath: path, openPath: path });
    await saveProjectFile(save(true), deps);
    await expect(openProjectFile(deps)).resolves.toMatchObject({ status: 'opened', knownProjectId: 'p1' });
  });

  it('returns canceled when the user cancels', async () => {
    await expect(openProjectFile(setup().deps)).resolves.toEqual({ status: 'canceled' });
  });

  it('titles the dialog after the command: "Open project", or "Merge project" when merging', async () => {
    const path = join(documents, 'Colleague.qdpx');
    await writeFile(path, 'PK zip');
    const { deps, showOpenDialog } = setup({ openPath: path });
    await openProjectFile(deps);
    await openProjectFile(deps, { purpose: 'open' });
    await expect(openProjectFile(deps, { purpose: 'merge' })).resolves.toMatchObject({ status: 'opened', name: 'Colleague.qdpx' });
    const titles = showOpenDialog.mock.calls.map((call) => ((call as unknown[])[0] as { title: string }).title);
    expect(titles).toEqual(['Open project', 'Open project', 'Merge project']);
  });

  it.each([
    ['a folder', async (p: string) => mkdir(p), 'it is a folder'],
    ['an empty file', async (p: string) => writeFile(p, ''), 'it is empty'],
    ['a missing file', async () => undefined, 'it does not exist'],
  ])('refuses %s with a clear message', async (_what, make, reason) => {
    const path = join(documents, 'x.qdpx');
    await make(path);
    await expect(openProjectFile(setup({ openPath: path }).deps)).resolves.toEqual({
      status: 'refused',
      name: 'x.qdpx',
      error: `“x.qdpx” could not be opened: ${reason}.`,
    });
  });

  it('refuses a file that is not a .qdpx', async () => {
    const path = join(documents, 'notes.txt');
    await writeFile(path, 'hello');
    await expect(openProjectFile(setup({ openPath: path }).deps)).resolves.toMatchObject({ status: 'refused', error: expect.stringContaining('not a REFI-QDA project') });
  });

  it('refuses a file too large before reading it', async () => {
    const path = join(documents, 'huge.qdpx');
    await writeFile(path, 'x');
    const { deps } = setup({ openPath: path });
    const readFileSpy = vi.fn();
    const hugeFs = { stat: async () => ({ isFile: () => true, isDirectory: () => false, size: MAX_PROJECT_FILE_BYTES + 1 }), readFile: readFileSpy };
    const result = await openProjectFile({ ...deps, fs: hugeFs as unknown as ProjectFileDeps['fs'] });
    expect(result).toMatchObject({ status: 'refused', error: '“huge.qdpx” could not be opened: it is larger than the 1 GB limit.' });
    expect(readFileSpy).not.toHaveBeenCalled();
  });

  it('opens a .qdpx through a symbolic link to a regular file', async () => {
    const real = join(documents, 'real.qdpx');
    const link = join(documents, 'link.qdpx');
    await writeFile(real, 'zip');
    await symlink(real, link);
    await expect(openProjectFile(setup({ openPath: link }).deps)).resolves.toMatchObject({ status: 'opened', name: 'link.qdpx' });
  });
});

describe('linkProjectFile', () => {
  it('refuses a token main never issued', async () => {
    await expect(linkProjectFile({ projectId: 'p1', fileToken: 'made-up' }, setup().deps)).rejects.toThrow(/use Save project as/);
  });
});

describe('the project file store', () => {
  it('treats a damaged store as empty and repairs it on the next save', async () => {
    await mkdir(userData, { recursive: true });
    await writeFile(join(userData, 'project-files.json'), '{not json');
    const target = join(documents, 'Interviews.qdpx');
    const { deps, showSaveDialog } = setup({ savePath: target });
    await saveProjectFile(save(false), deps);
    expect(showSaveDialog).toHaveBeenCalledTimes(1);
    expect(JSON.parse(await readFile(join(userData, 'project-files.json'), 'utf8'))).toEqual({ version: 1, files: { p1: target } });
  });
});
