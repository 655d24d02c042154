// What happens once when the app opens: refuse a database from a newer version, ask to keep
// storage, start the coder session (who is coding), seed the sample project on the very first run, start the
// analysis worker, and reopen the project the user had open last, showing what it showed then.
import { getHost } from '../host';
import { assertDatabaseNotNewer } from './databaseVersion';
import { ensurePersistentStorage } from '../features/storage/storageHealth';
import { databaseIdentity, listProjects, sourcesInOrder } from '../db/queries';
import { seedSampleProjectOnFirstRun } from '../db/operations/sample';
import { CODER_NAME_KEY, LAST_PROJECT_KEY, getSetting } from '../db/operations/settings';
import { useUiStore } from '../stores/uiStore';
import { getAnalysis } from '../analysis';
import { restoreView } from './viewMemory';
import { loadLayout } from './layout/layoutStore';
import { coderIdIn, startCoderSession } from '../features/coders/coderSession';

export async function startApp(): Promise<void> {
  // Before anything reads the database: Dexie would open a newer one and may alter it.
  const { name, version } = databaseIdentity();
  await assertDatabaseNotNewer(name, version);
  // Not awaited: the answer only matters to the storage status, and a prompt must not hold startup.
  void ensurePersistentStorage();
  const info = await getHost().getAppInfo();
  // The name an older version kept, else the OS user's (Electron; the browser knows none).
  startCoderSession((await getSetting<string>(CODER_NAME_KEY)) ?? info.userName);
  const seeded = await seedSampleProjectOnFirstRun(coderIdIn);
  const last = seeded ?? (await getSetting<string>(LAST_PROJECT_KEY));
  const projects = await listProjects();
  const open = projects.find((p) => p.id === last) ?? projects[0];
  // The analysis worker starts now, off the critical path, and reads the open project's codings.
  getAnalysis().warmUp(open?.id).catch(() => undefined);
  useUiStore.getState().openProject(open?.id ?? null);
  if (open) {
    const sources = await sourcesInOrder(open.id);
    await Promise.all([restoreView(open.id, sources.map((s) => s.id)), loadLayout(open.id)]);
  }
}
