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
  // Reads that do not depend on each other are made together: each is a round trip to the database.
  const [info, storedName] = await Promise.all([getHost().getAppInfo(), getSetting<string>(CODER_NAME_KEY)]);
  // The name an older version kept, else the OS user's (Electron; the browser knows none).
  startCoderSession(storedName ?? info.userName);
  const seeded = await seedSampleProjectOnFirstRun(coderIdIn);
  const [stored, projects] = await Promise.all([seeded ?? getSetting<string>(LAST_PROJECT_KEY), listProjects()]);
  const last = seeded ?? stored;
  const open = projects.find((p) => p.id === last) ?? projects[0];
  // The analysis worker starts once the window has settled, and reads the open project's codings
  // then: started here, its script and that read competed with the first paint of the open source.
  afterStartup(() => getAnalysis().warmUp(open?.id).catch(() => undefined));
  useUiStore.getState().openProject(open?.id ?? null);
  if (open) {
    await Promise.all([sourcesInOrder(open.id).then((sources) => restoreView(open.id, sources.map((s) => s.id))), loadLayout(open.id)]);
  }
}

/** How long after startup work that is not needed for the first screen waits, at least. */
const SETTLE_MS = 1500;

/** Runs `work` once startup has settled: after SETTLE_MS, at the next idle moment (or 2 s more at most). */
function afterStartup(work: () => void): void {
  setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 2000 });
    else work();
  }, SETTLE_MS);
}

