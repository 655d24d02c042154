// Files opened from outside (double-click, argv, macOS open-file): which paths count, and which
// window receives them; one window per project.
import { describe, expect, it, vi } from 'vitest';
import { projectFilesInArgv, routeProjectFile, type FileOpenWindow } from '../../../electron/main/openFileRequests';
import { ProjectWindows } from '../../../electron/main/projectWindows';
import { eventChannels, type MainEvents } from '../../../shared/ipc/contract';

function fakeWindow(id: number, { minimized = false } = {}) {
  return {
    id,
    isDestroyed: vi.fn(() => false),
    isMinimized: () => minimized,
    restore: vi.fn(),
    focus: vi.fn(),
    webContents: { send: vi.fn() },
  } satisfies FileOpenWindow;
}

describe('projectFilesInArgv', () => {
  it('takes .qdpx paths only, made absolute, skipping the executable and switches', () => {
    const argv = ['/opt/Marginalia/marginalia', '--no-sandbox', '--enable-features=X', 'Study.QDPX', '/home/ada/b.qdpx', 'notes.txt', '.'];
    expect(projectFilesInArgv(argv, '/home/ada/work')).toEqual(['/home/ada/work/Study.QDPX', '/home/ada/b.qdpx']);
  });

  it('ignores a .qdpx that is really a switch value or the executable', () => {
    expect(projectFilesInArgv(['/x/evil.qdpx', '--user-data-dir=/tmp/a.qdpx'], '/')).toEqual([]);
  });
});

describe('routeProjectFile', () => {
  const opened: MainEvents['onOpenProjectFile'] = { status: 'opened', name: 'a.qdpx', bytes: new Uint8Array([1]), fileToken: 't1' };

  it('sends a new file to the target window and brings it forward', async () => {
    const target = fakeWindow(1, { minimized: true });
    await routeProjectFile('/a.qdpx', { read: async () => opened, windowOfProject: () => undefined, targetWindow: async () => target });
    expect(target.restore).toHaveBeenCalled();
    expect(target.focus).toHaveBeenCalled();
    expect(target.webContents.send).toHaveBeenCalledWith(eventChannels.onOpenProjectFile, opened);
  });

  it('passes a refusal on, so the user learns why the file did not open', async () => {
    const target = fakeWindow(1);
    const refused = { status: 'refused' as const, name: 'a.qdpx', error: '“a.qdpx” could not be opened: it is a folder.' };
    await routeProjectFile('/a.qdpx', { read: async () => refused, windowOfProject: () => undefined, targetWindow: async () => target });
    expect(target.webContents.send).toHaveBeenCalledWith(eventChannels.onOpenProjectFile, refused);
  });

  it('only focuses the window already showing the file’s project', async () => {
    const windows = new ProjectWindows<ReturnType<typeof fakeWindow>>();
    const showing = fakeWindow(2);
    const other = fakeWindow(1);
    windows.show(showing, 'p1');
    const targetWindow = vi.fn(async () => other);
    await routeProjectFile('/a.qdpx', {
      read: async () => ({ ...opened, knownProjectId: 'p1' }),
      windowOfProject: (id) => windows.windowOf(id),
      targetWindow,
    });
    expect(showing.focus).toHaveBeenCalled();
    expect(showing.webContents.send).not.toHaveBeenCalled();
    expect(targetWindow).not.toHaveBeenCalled();
  });
});

describe('ProjectWindows', () => {
  it('keeps each project in one window: showing it elsewhere focuses the first window instead', () => {
    const windows = new ProjectWindows<ReturnType<typeof fakeWindow>>();
    const a = fakeWindow(1);
    const b = fakeWindow(2);
    expect(windows.show(a, 'p1')).toBeUndefined();
    expect(windows.show(b, 'p1')).toBe(a);
    expect(a.focus).toHaveBeenCalled();
    expect(windows.windowOf('p1')).toBe(a);
    // A window may show the project it already shows, or switch to another.
    expect(windows.show(a, 'p1')).toBeUndefined();
    expect(windows.show(a, 'p2')).toBeUndefined();
    expect(windows.windowOf('p1')).toBeUndefined();
    expect(windows.show(b, 'p1')).toBeUndefined();
  });

  it('forgets closed windows', () => {
    const windows = new ProjectWindows<ReturnType<typeof fakeWindow>>();
    const a = fakeWindow(1);
    windows.show(a, 'p1');
    windows.forget(1);
    expect(windows.windowOf('p1')).toBeUndefined();
    const b = fakeWindow(2);
    windows.show(b, 'p2');
    b.isDestroyed.mockReturnValue(true);
    expect(windows.windowOf('p2')).toBeUndefined();
  });
});
