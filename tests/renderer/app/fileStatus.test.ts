// What the status bar says about a project's files: its last save to a .qdpx in this session and
// its latest automatic backup, the latest of each project whatever order the backups are listed in.
import { beforeEach, describe, expect, it } from 'vitest';
import { useFileStatusStore } from '../../../renderer/src/stores/fileStatusStore';
import { fileStatusParts } from '../../../renderer/src/app/fileStatusText';

const NOW = new Date('2026-12-02T15:00:00');
const local = (hhmm: string, day = '2026-12-02') => new Date(`${day}T${hhmm}:00`).toISOString();

describe('the status bar file status', () => {
  beforeEach(() => useFileStatusStore.setState({ byProject: {} }));

  it('says nothing before the project was saved or backed up', () => {
    expect(fileStatusParts(useFileStatusStore.getState().byProject.p1, NOW)).toEqual([]);
  });

  it('names the file saved to and the latest backup of the project', () => {
    const store = useFileStatusStore.getState();
    store.noteBackups([
      { projectId: 'p1', createdAt: local('09:05') },
      { projectId: 'p1', createdAt: local('14:40') },
      { projectId: 'p2', createdAt: local('14:55') },
      { projectId: 'p1', createdAt: local('11:30') },
    ]);
    store.noteSaved('p1', 'Interviews.qdpx', local('14:50'));
    const parts = fileStatusParts(useFileStatusStore.getState().byProject.p1, NOW);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatch(/^Saved to Interviews\.qdpx at .*2:50/);
    expect(parts[1]).toMatch(/^Backed up at .*2:40/);
  });

  it('gives the date of a backup from another day', () => {
    useFileStatusStore.getState().noteBackups([{ projectId: 'p1', createdAt: local('18:00', '2026-11-28') }]);
    const [backup] = fileStatusParts(useFileStatusStore.getState().byProject.p1, NOW);
    expect(backup).toMatch(/^Backed up on .*28/);
  });

  it('says "Backing up…" instead of the last backup while a round is written', () => {
    useFileStatusStore.getState().noteBackups([{ projectId: 'p1', createdAt: local('09:05') }]);
    useFileStatusStore.getState().noteSaved('p1', 'Interviews.qdpx', local('14:50'));
    const status = useFileStatusStore.getState().byProject.p1;
    expect(fileStatusParts(status, NOW, true)).toEqual([expect.stringMatching(/^Saved to Interviews/), 'Backing up…']);
    expect(fileStatusParts(status, NOW, false)[1]).toMatch(/^Backed up at/);
  });

  it('keeps the same state when a listing brings nothing new (no re-render of the status bar)', () => {
    const store = useFileStatusStore.getState();
    store.noteBackups([{ projectId: 'p1', createdAt: local('09:05') }]);
    const before = useFileStatusStore.getState().byProject;
    store.noteBackups([{ projectId: 'p1', createdAt: local('09:05') }]);
    expect(useFileStatusStore.getState().byProject).toBe(before);
  });
});
