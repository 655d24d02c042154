// Startup wiring of project files: backup requests are always answered (so quitting never
// waits), opened files become the open project, and a second window cannot show the same project.
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { connectProjectFiles } from '../../../renderer/src/features/projectFiles/connectProjectFiles';
import type { BoundProjectFileActions } from '../../../renderer/src/features/projectFiles/projectFileActions';
import { useOneWindowPerProject } from '../../../renderer/src/features/projectFiles/useOneWindowPerProject';
import { saveProjectAsHandler } from '../../../renderer/src/features/storage/saveProjectAsPrompt';
import type { BackupRequest } from '../../../shared/ipc/contract';
import { fakeHost } from '../support/fakeHost';

const ui = () => ({ notify: vi.fn(), reportError: vi.fn(), openProject: vi.fn(), activeProjectId: () => 'p1', showReport: vi.fn(), showProgress: vi.fn() });

describe('connectProjectFiles', () => {
  it('without project-file actions, answers every backup request at once', () => {
    let request: ((r: BackupRequest) => void) | undefined;
    const completeBackupRequest = vi.fn(async () => undefined);
    const host = fakeHost({ completeBackupRequest, onBackupRequested: (cb) => ((request = cb), () => (request = undefined)) });
    const disconnect = connectProjectFiles(host, undefined, ui());
    request!({ requestId: 'r1', reason: 'quit' });
    expect(completeBackupRequest).toHaveBeenCalledWith({ requestId: 'r1' });
    disconnect();
    expect(request).toBeUndefined();
  });

  it('with actions, opens announced files as the open project, reports them as Open project does, and offers Save project as', async () => {
    let opened: Parameters<BoundProjectFileActions['listenForOpenedFiles']>[0] | undefined;
    let refused: Parameters<BoundProjectFileActions['listenForOpenedFiles']>[1] | undefined;
    let stage: Parameters<BoundProjectFileActions['listenForOpenedFiles']>[2] | undefined;
    const saveProjectAs = vi.fn(async () => ({ saved: true as const, fileName: 'Interviews.qdpx' }));
    const actions = {
      startAutomaticBackups: vi.fn(() => () => undefined),
      listenForOpenedFiles: vi.fn((onOpened: typeof opened, onError: typeof refused, onStage: typeof stage) => ((opened = onOpened), (refused = onError), (stage = onStage), () => undefined)),
      saveProjectAs,
    } as unknown as BoundProjectFileActions;
    const view = ui();
    const disconnect = connectProjectFiles(fakeHost(), actions, view);
    // The same progress bar while it is read, moving as the worker reads …
    stage!('opening', 0);
    expect(view.showProgress).toHaveBeenLastCalledWith({ label: 'Opening the project file…', value: 0 });
    stage!('opening', 0.4);
    expect(view.showProgress).toHaveBeenLastCalledWith({ label: 'Opening the project file…', value: 40 });
    opened!({ status: 'opened', fileName: 'From ATLAS.qdpx', projectId: 'new1', notRead: ['1 audio source'] });
    expect(view.showProgress).toHaveBeenLastCalledWith(null);
    expect(view.openProject).toHaveBeenCalledWith('new1');
    // The same dialog as "Open project": what could not be read, not just a notice.
    expect(view.showReport).toHaveBeenCalledWith({ kind: 'opened', from: '“From ATLAS.qdpx”', imported: expect.objectContaining({ projectId: 'new1', notRead: ['1 audio source'] }) });
    refused!(new Error('This is not a readable .qdpx project.'));
    expect(view.showReport).toHaveBeenLastCalledWith({ kind: 'refused', message: 'This is not a readable .qdpx project.' });
    expect(view.notify).not.toHaveBeenCalled();
    saveProjectAsHandler()!();
    await waitFor(() => expect(view.notify).toHaveBeenCalledWith('info', 'Saved the project to Interviews.qdpx.'), { timeout: 2000 });
    expect(saveProjectAs).toHaveBeenCalledWith('p1');
    disconnect();
    expect(saveProjectAsHandler()).toBeUndefined();
  });
});

describe('connectProjectFiles and the status bar', () => {
  it('reads the backups at startup and after every backup round, and reports a prompted save', async () => {
    let round: ((result: { written: string[]; unchanged: string[]; failed: [] }) => void) | undefined;
    const first = [{ projectId: 'p1', createdAt: '2026-12-02T09:00:00.000Z' }];
    const second = [...first, { projectId: 'p1', createdAt: '2026-12-02T09:05:00.000Z' }];
    const listBackups = vi.fn().mockResolvedValueOnce(first).mockResolvedValueOnce(second);
    const actions = {
      startAutomaticBackups: vi.fn((_onFailure: unknown, onRound: typeof round) => ((round = onRound), () => undefined)),
      listenForOpenedFiles: vi.fn(() => () => undefined),
      saveProjectAs: vi.fn(async () => ({ saved: true as const, fileName: 'Interviews.qdpx' })),
      listBackups,
    } as unknown as BoundProjectFileActions;
    const view = { ...ui(), noteBackups: vi.fn(), noteSaved: vi.fn() };
    const disconnect = connectProjectFiles(fakeHost(), actions, view, { backupListDelayMs: 0 });
    await waitFor(() => expect(view.noteBackups).toHaveBeenCalledWith(first), { timeout: 2000 });
    round!({ written: ['p1'], unchanged: [], failed: [] });
    await waitFor(() => expect(view.noteBackups).toHaveBeenLastCalledWith(second), { timeout: 2000 });
    saveProjectAsHandler()!();
    await waitFor(() => expect(view.noteSaved).toHaveBeenCalledWith('p1', 'Interviews.qdpx'), { timeout: 2000 });
    disconnect();
  });
});

describe('connectProjectFiles and "Backing up…"', () => {
  it('says a round is running from its start until the last of overlapping rounds ends', () => {
    let start: (() => void) | undefined;
    let end: ((result: { written: string[]; unchanged: string[]; failed: [] }) => void) | undefined;
    const actions = {
      startAutomaticBackups: vi.fn((_onFailure: unknown, onRound: typeof end, onStart: typeof start) => ((end = onRound), (start = onStart), () => undefined)),
      listenForOpenedFiles: vi.fn(() => () => undefined),
      listBackups: vi.fn(async () => []),
    } as unknown as BoundProjectFileActions;
    const view = { ...ui(), noteBackingUp: vi.fn() };
    const disconnect = connectProjectFiles(fakeHost(), actions, view, { backupListDelayMs: 60_000 });
    const done = { written: [], unchanged: [], failed: [] as [] };
    start!();
    expect(view.noteBackingUp).toHaveBeenLastCalledWith(true);
    // A quit's round while the timed one is still written: still backing up after the first ends.
    start!();
    end!(done);
    expect(view.noteBackingUp).toHaveBeenCalledTimes(1);
    end!(done);
    expect(view.noteBackingUp).toHaveBeenLastCalledWith(false);
    expect(view.noteBackingUp).toHaveBeenCalledTimes(2);
    disconnect();
  });
});

describe('useOneWindowPerProject', () => {
  it('goes back to the previous project when another window already shows the chosen one', async () => {
    const showProject = vi.fn(async ({ projectId }: { projectId: string | null }) => ({ shownElsewhere: projectId === 'p2' }));
    const goBack = vi.fn();
    const notify = vi.fn();
    const { rerender } = renderHook(({ id }) => useOneWindowPerProject({ showProject }, id, goBack, notify), { initialProps: { id: 'p1' as string | null } });
    await waitFor(() => expect(showProject).toHaveBeenCalledWith({ projectId: 'p1' }), { timeout: 2000 });
    rerender({ id: 'p2' });
    await waitFor(() => expect(goBack).toHaveBeenCalledWith('p1'), { timeout: 2000 });
    expect(notify).toHaveBeenCalledWith('That project is open in another window: Marginalia switched to it.');
  });
});
