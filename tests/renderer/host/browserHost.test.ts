// The browser host's project files and backups: Open from a file input, Save as a download,
// backups kept (here in an in-memory folder standing in for OPFS) with the desktop's rotation.
import { describe, expect, it, vi } from 'vitest';
import { createBrowserHost, PROJECT_FILE_INPUT_ID, readProjectFile } from '../../../renderer/src/host/browserHost';
import { browserBackupRequests } from '../../../renderer/src/host/browserBackupRequests';
import { MAX_PROJECT_FILE_BYTES, type WriteBackupRequest } from '../../../shared/ipc/contract';
import { memoryDirectory } from '../support/memoryDirectory';

const counts = { sources: 1, codes: 2, codings: 3, memos: 0, cases: 0 };
const backup = (changeStamp: string, bytes = new Uint8Array([1, 2, 3])): WriteBackupRequest => ({
  projectId: 'p1',
  projectName: 'Interviews',
  changeStamp,
  bytes,
  counts,
});

describe('browser host backups', () => {
  it('writes, lists and reads back a backup, and skips an unchanged project', async () => {
    const { directory } = memoryDirectory();
    const host = createBrowserHost(document, { backupDirectory: directory });
    await expect(host.writeBackup(backup('v1'))).resolves.toMatchObject({ written: true });
    await expect(host.writeBackup(backup('v1'))).resolves.toEqual({ written: false, reason: 'unchanged' });
    const [listed] = await host.listBackups();
    expect(listed).toMatchObject({ projectName: 'Interviews', byteSize: 3, counts });
    const file = await host.readBackup({ id: listed!.id });
    expect([...file.bytes]).toEqual([1, 2, 3]);
    expect(file.name).toMatch(/^Interviews backup \d{4}-\d\d-\d\d \d{4}\.qdpx$/);
  });

  it('keeps the previous backup listed and readable when the next write fails', async () => {
    const folder = memoryDirectory();
    const host = createBrowserHost(document, { backupDirectory: folder.directory });
    await host.writeBackup(backup('v1', new Uint8Array([7])));
    folder.failNextWrite();
    await expect(host.writeBackup(backup('v2', new Uint8Array([8])))).rejects.toThrow('quota');
    const listed = await host.listBackups();
    expect(listed.map((b) => b.changeStamp)).toEqual(['v1']);
    expect([...(await host.readBackup({ id: listed[0]!.id })).bytes]).toEqual([7]);
  });

  it('rotates like the desktop app: no more than the last 10 of a day', async () => {
    const folder = memoryDirectory();
    const host = createBrowserHost(document, { backupDirectory: folder.directory });
    for (let i = 0; i < 13; i++) await host.writeBackup(backup(`v${i}`));
    expect(await host.listBackups()).toHaveLength(10);
    expect([...folder.files.keys()].filter((n) => n.endsWith('.qdpx'))).toHaveLength(10);
  });
});

describe('browser host project files', () => {
  it('Save project downloads the file under the suggested name', async () => {
    const host = createBrowserHost(document, { backupDirectory: memoryDirectory().directory });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('Interviews.qdpx');
    });
    URL.createObjectURL ??= () => 'blob:x';
    await expect(host.saveProjectFile({ projectId: 'p1', bytes: new Uint8Array([1]), saveAs: false, suggestedName: 'Interviews.qdpx' })).resolves.toEqual({
      saved: true,
      fileName: 'Interviews.qdpx',
    });
    expect(clicked).toHaveBeenCalledOnce();
    clicked.mockRestore();
  });

  it('Open project takes a file from a labelled file input', async () => {
    const host = createBrowserHost(document, { backupDirectory: memoryDirectory().directory });
    const click = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => undefined);
    const opening = host.openProjectFile();
    const input = document.getElementById(PROJECT_FILE_INPUT_ID) as HTMLInputElement;
    expect(input.getAttribute('aria-label')).toBe('Project file');
    expect(input.accept).toBe('.qdpx');
    Object.defineProperty(input, 'files', { value: [new File([new Uint8Array([80, 75])], 'Study.qdpx')], configurable: true });
    input.dispatchEvent(new Event('change'));
    await expect(opening).resolves.toMatchObject({ status: 'opened', name: 'Study.qdpx', bytes: new Uint8Array([80, 75]) });
    click.mockRestore();
  });

  it('refuses files that are not .qdpx, empty, or too large, saying why', async () => {
    await expect(readProjectFile(new File(['x'], 'notes.txt'))).resolves.toMatchObject({ status: 'refused', error: expect.stringContaining('not a REFI-QDA project') });
    await expect(readProjectFile(new File([], 'a.qdpx'))).resolves.toMatchObject({ error: '“a.qdpx” could not be opened: it is empty.' });
    const huge = new File(['x'], 'big.qdpx');
    Object.defineProperty(huge, 'size', { value: MAX_PROJECT_FILE_BYTES + 1 });
    const arrayBuffer = vi.spyOn(huge, 'arrayBuffer');
    await expect(readProjectFile(huge)).resolves.toMatchObject({ error: expect.stringContaining('larger than the 1 GB limit') });
    expect(arrayBuffer).not.toHaveBeenCalled();
  });
});

describe('browserBackupRequests', () => {
  it('asks for backups on a timer and when the page is hidden, until unsubscribed', () => {
    vi.useFakeTimers();
    try {
      let n = 0;
      const subscribe = browserBackupRequests({ doc: document, intervalMs: 1000, newId: () => `r${++n}` });
      const callback = vi.fn();
      const stop = subscribe(callback);
      vi.advanceTimersByTime(1000);
      expect(callback).toHaveBeenLastCalledWith({ requestId: 'r1', reason: 'interval' });
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      expect(callback).toHaveBeenLastCalledWith({ requestId: 'r2', reason: 'quit' });
      stop();
      vi.advanceTimersByTime(5000);
      document.dispatchEvent(new Event('visibilitychange'));
      expect(callback).toHaveBeenCalledTimes(2);
    } finally {
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
      vi.useRealTimers();
    }
  });
});
