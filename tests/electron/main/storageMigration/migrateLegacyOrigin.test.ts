// The file:// → app:// copy of the project database, run end to end against two fake IndexedDB
// origins: the page scripts are evaluated from the very source text main sends to the pages.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { migrateLegacyOrigin } from '../../../../electron/main/storageMigration/migrateLegacyOrigin';
import { restoreIndexedDbs, pageScript } from '../../../../electron/main/storageMigration/indexedDbCopy';

const LEGACY_URL = 'file:///opt/Marginalia/resources/app.asar/out/renderer/storage-migration.html';
const APP_URL = 'app://marginalia/storage-migration.html';

function openDexie(factory: IDBFactory, name: string) {
  const db = new Dexie(name, { indexedDB: factory, IDBKeyRange });
  // Shaped like Marginalia's schema: inbound keys, compound and multi-entry indexes, an
  // auto-increment table, a table with outbound keys, and the columnar coding rows.
  db.version(8).stores({
    projects: '&id, updatedAt',
    codings: '&id, sourceId, codeId, [sourceId+codeId]',
    codingColumns: '&sourceId',
    history: '++seq, projectId',
    memos: '&id, *tags',
    settings: '',
  });
  return db;
}

async function seedLegacy(factory: IDBFactory) {
  const db = openDexie(factory, 'marginalia');
  await db.table('projects').bulkPut([
    { id: 'p1', name: 'Interviews 2024', updatedAt: '2024-05-01T10:00:00.000Z', createdAt: new Date(Date.UTC(2024, 4, 1)) },
    { id: 'p2', name: 'Focus groups', note: undefined, score: Number.NaN, extra: { $idb: 'not a tag', deep: [1, -Infinity] } },
  ]);
  await db.table('codings').bulkPut([
    { id: 'c1', sourceId: 's1', codeId: 'k1', start: 0, end: 12 },
    { id: 'c2', sourceId: 's1', codeId: 'k2', start: 5, end: 40 },
  ]);
  await db.table('codingColumns').put({
    sourceId: 's1',
    code: new Uint32Array([1, 2, 4_000_000_000]),
    starts: new Int32Array([0, -5, 70_000]),
    bytes: new Uint8Array(100_000).map((_, i) => i % 251),
    created: new Float64Array([1.5, Date.UTC(2024, 0, 1)]),
  });
  await db.table('history').bulkAdd([{ projectId: 'p1', label: 'Apply code' }, { projectId: 'p1', label: 'Undo' }]);
  await db.table('memos').put({ id: 'm1', tags: ['a', 'b'], text: 'Ein Memo 📝', links: new Map([['x', new Set([1, 2])]]) });
  await db.table('settings').put({ theme: 'dark' }, 'ui');
  await db.table('settings').put(42, ['compound', 1]);
  db.close();
}

async function readAll(factory: IDBFactory, name: string) {
  const db = openDexie(factory, name);
  const tables = Object.fromEntries(
    await Promise.all(db.tables.map(async (table) => [table.name, { keys: await table.toCollection().primaryKeys(), rows: await table.toArray() }] as const)),
  );
  db.close();
  return tables;
}

/** Two origins, each with its own IndexedDB; a hidden page evaluates main's script in its origin. */
function twoOrigins() {
  const legacy = new IDBFactory();
  const app = new IDBFactory();
  const runInHiddenPage = vi.fn(async (url: string, script: string) => {
    const factory = url.startsWith('file://') ? legacy : url.startsWith('app://marginalia/') ? app : undefined;
    if (!factory) throw new Error(`unexpected page ${url}`);
    // Evaluates the source text, exactly as executeJavaScript does in the page.
    return (new Function('indexedDB', `return ${script}`) as (f: IDBFactory) => Promise<unknown>)(factory);
  });
  let marker: object | undefined;
  const deps = {
    legacyPageUrl: LEGACY_URL,
    appPageUrl: APP_URL,
    runInHiddenPage,
    isDone: async () => marker !== undefined,
    markDone: vi.fn(async (record: object) => {
      marker = record;
    }),
    now: () => new Date('2026-01-01T00:00:00Z'),
  };
  return { legacy, app, deps, runInHiddenPage, marker: () => marker };
}

describe('migrateLegacyOrigin', () => {
  it('copies every database, store, index and row from file:// to app:// exactly', async () => {
    const { legacy, app, deps } = twoOrigins();
    await seedLegacy(legacy);
    const before = await readAll(legacy, 'marginalia');

    await expect(migrateLegacyOrigin(deps)).resolves.toEqual({ kind: 'copied', restored: ['marginalia'], skipped: [] });

    const after = await readAll(app, 'marginalia');
    expect(after).toEqual(before);
    const columns = after['codingColumns']!.rows[0] as Record<string, unknown>;
    expect(columns['code']).toBeInstanceOf(Uint32Array);
    expect(columns['starts']).toBeInstanceOf(Int32Array);
    expect(columns['created']).toBeInstanceOf(Float64Array);
    const p2 = after['projects']!.rows.find((row) => (row as { id: string }).id === 'p2') as Record<string, unknown>;
    expect(Object.keys(p2)).toContain('note');
    expect(p2['score']).toBeNaN();
    expect(p2['extra']).toEqual({ $idb: 'not a tag', deep: [1, -Infinity] });

    // Indexes work in the copy, and auto-increment continues after the copied keys.
    const db = openDexie(app, 'marginalia');
    expect(await db.table('codings').where('[sourceId+codeId]').equals(['s1', 'k2']).primaryKeys()).toEqual(['c2']);
    expect(await db.table('memos').where('tags').equals('b').count()).toBe(1);
    expect(await db.table('history').add({ projectId: 'p1', label: 'Next' })).toBe(3);
    db.close();
  });

  it('leaves the old data where it was', async () => {
    const { legacy, deps } = twoOrigins();
    await seedLegacy(legacy);
    const before = await readAll(legacy, 'marginalia');
    await migrateLegacyOrigin(deps);
    expect(await readAll(legacy, 'marginalia')).toEqual(before);
  });

  it('runs once: a later start neither reads the old origin nor copies again', async () => {
    const { legacy, app, deps, runInHiddenPage } = twoOrigins();
    await seedLegacy(legacy);
    await migrateLegacyOrigin(deps);
    const db = openDexie(app, 'marginalia');
    await db.table('projects').delete('p2'); // work done under app:// since
    db.close();
    runInHiddenPage.mockClear();

    await expect(migrateLegacyOrigin(deps)).resolves.toEqual({ kind: 'already-done' });
    expect(runInHiddenPage).not.toHaveBeenCalled();
    expect((await readAll(app, 'marginalia'))['projects']!.keys).toEqual(['p1']);
  });

  it('never overwrites a database that already exists under app://', async () => {
    const { legacy, app, deps } = twoOrigins();
    await seedLegacy(legacy);
    const current = openDexie(app, 'marginalia');
    await current.table('projects').put({ id: 'new', name: 'Started under app://', updatedAt: 'x' });
    current.close();

    await expect(migrateLegacyOrigin(deps)).resolves.toEqual({ kind: 'copied', restored: [], skipped: ['marginalia'] });
    expect((await readAll(app, 'marginalia'))['projects']!.keys).toEqual(['new']);
  });

  it('marks a fresh profile done without opening the app page', async () => {
    const { deps, runInHiddenPage, marker } = twoOrigins();
    await expect(migrateLegacyOrigin(deps)).resolves.toEqual({ kind: 'nothing-to-copy' });
    expect(runInHiddenPage.mock.calls.map(([url]) => url)).toEqual([LEGACY_URL]);
    expect(marker()).toEqual({ at: '2026-01-01T00:00:00.000Z', restored: [], skipped: [] });
  });

  it('tries again next start when the copy fails, and leaves no half-copied database', async () => {
    const { legacy, app, deps, runInHiddenPage } = twoOrigins();
    await seedLegacy(legacy);
    runInHiddenPage.mockImplementationOnce(async () => {
      throw new Error('The page crashed');
    });
    await expect(migrateLegacyOrigin(deps)).rejects.toThrow('The page crashed');
    expect(deps.markDone).not.toHaveBeenCalled();
    await expect(migrateLegacyOrigin(deps)).resolves.toMatchObject({ kind: 'copied', restored: ['marginalia'] });
    expect(await readAll(app, 'marginalia')).toEqual(await readAll(legacy, 'marginalia'));
  });
});

describe('restoreIndexedDbs', () => {
  it('creates nothing when a row cannot be written (one upgrade transaction per database)', async () => {
    const app = new IDBFactory();
    const dump = JSON.stringify({
      databases: [
        {
          name: 'broken',
          version: 10,
          stores: [
            {
              name: 'codes',
              keyPath: 'id',
              autoIncrement: false,
              indexes: [{ name: 'name', keyPath: 'name', unique: true, multiEntry: false }],
              records: [
                ['a', { id: 'a', name: 'Trust' }],
                ['b', { id: 'b', name: 'Trust' }],
              ],
            },
          ],
        },
      ],
    });
    const run = new Function('indexedDB', `return ${pageScript(restoreIndexedDbs, dump)}`) as (f: IDBFactory) => Promise<unknown>;
    await expect(run(app)).rejects.toBeDefined();
    expect((await app.databases()).map((info) => info.name)).not.toContain('broken');
  });
});
