// Automatic backups kept in a folder: one `.qdpx` per backup plus an index describing them.
// The same logic for both hosts: main keeps the folder in user data (node fs), the browser in
// OPFS; each supplies a `BackupDirectory` whose writes replace a file entirely or not at all.
// The backup is written before the index, so a failure at any point leaves every earlier backup
// readable and listed; rotation (./rotation) runs after each new backup. Source originals (PDFs,
// .docx) are kept once for all backups (./sharedOriginals) and put back when a backup is read.
import type { BackupFile, BackupInfo, WriteBackupRequest, WriteBackupResult } from '../ipc/contract';
import { backupsToDelete } from './rotation';
import { isSharedOriginalFile, joinOriginals, splitOriginals, type KeptOriginal } from './sharedOriginals';

/** A flat folder of named files. */
export interface BackupDirectory {
  /** The file's text, or undefined when there is no such file. */
  readText(name: string): Promise<string | undefined>;
  /** The file's size in bytes, or undefined when there is no such file. */
  size(name: string): Promise<number | undefined>;
  readBytes(name: string): Promise<Uint8Array>;
  /** Replaces `name` with `content` atomically: afterwards it holds the old or the new, whole. */
  write(name: string, content: string | Uint8Array): Promise<void>;
  /** Removes the file; no error when it is already gone. */
  remove(name: string): Promise<void>;
  /** The names of the files in the folder (none when it does not exist yet). */
  list(): Promise<string[]>;
}

export interface BackupStore {
  writeBackup(request: WriteBackupRequest): Promise<WriteBackupResult>;
  /** Every backup kept, newest first. */
  listBackups(): Promise<BackupInfo[]>;
  readBackup(id: string): Promise<BackupFile>;
}

export interface BackupStoreOptions {
  directory: BackupDirectory;
  newId: () => string;
  now?: () => Date;
  /** Backups larger than this are refused on read (a damaged or replaced file). */
  maxBytes: number;
  /**
   * Runs `work` with no other writer of the same folder running: browser tabs share one OPFS
   * folder (Web Locks). Main is one process, so there the store's own queue is enough.
   */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
}

export const BACKUP_INDEX_FILE = 'index.json';

/** A backup as the index records it: what is listed, plus the originals kept beside it. */
interface BackupRecord extends BackupInfo {
  originals?: KeptOriginal[];
}
const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

export function backupFileOf(id: string): string {
  return `${id}.qdpx`;
}

export function createBackupStore({
  directory,
  newId,
  now = () => new Date(),
  maxBytes,
  exclusive = (work) => work(),
}: BackupStoreOptions): BackupStore {
  // Backups from a timer and a quit (or two windows) must not interleave their index updates.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(() => exclusive(work));
    queue = next.catch(() => undefined);
    return next;
  };

  const readIndex = async (): Promise<BackupRecord[]> => {
    const text = await directory.readText(BACKUP_INDEX_FILE);
    if (text === undefined) return [];
    try {
      const parsed = JSON.parse(text) as { backups?: unknown } | null;
      return Array.isArray(parsed?.backups) ? parsed.backups.filter(isBackupInfo) : [];
    } catch {
      // A damaged index must not stop new backups.
      return [];
    }
  };

  return {
    writeBackup: (request) =>
      serially(async () => {
        const index = await readIndex();
        const latest = newestFirst(index.filter((b) => b.projectId === request.projectId))[0];
        if (latest && latest.changeStamp === request.changeStamp) return { written: false, reason: 'unchanged' } as const;
        const backup: BackupInfo = {
          id: newId(),
          projectId: request.projectId,
          projectName: request.projectName,
          createdAt: now().toISOString(),
          // What a restore gives back: the whole archive, originals included.
          byteSize: request.bytes.byteLength,
          changeStamp: request.changeStamp,
          counts: { ...request.counts },
        };
        // Shared originals first (each written once, named by its content), then the backup,
        // then the index: until the index lists the backup, every file written is merely unused.
        const split = await splitOriginals(request.bytes);
        if (split) {
          for (const [name, data] of split.files) {
            if ((await directory.size(name)) !== data.byteLength) await directory.write(name, data);
          }
        }
        await directory.write(backupFileOf(backup.id), split ? split.rest : request.bytes);
        const record: BackupRecord = split ? { ...backup, originals: split.originals } : backup;
        const withNew = [...index, record];
        const doomed = new Set(backupsToDelete(withNew, now()).map((b) => b.id));
        const kept = withNew.filter((b) => !doomed.has(b.id));
        await directory.write(BACKUP_INDEX_FILE, JSON.stringify({ version: 1, backups: kept }, null, 2));
        // Only once the index no longer lists them: a failure here leaves unlisted files, never
        // listed backups that cannot be read. Files an earlier failure left unlisted go too, and
        // originals no kept backup needs.
        const listed = new Set(kept.flatMap((b) => [backupFileOf(b.id), ...(b.originals ?? []).map((o) => o.file)]));
        for (const name of await directory.list()) {
          if (name !== BACKUP_INDEX_FILE && isLeftover(name) && !listed.has(name)) await directory.remove(name);
        }
        return { written: true, backup } as const;
      }),

    listBackups: async () => newestFirst((await readIndex()).map(infoOf)),

    readBackup: async (id) => {
      const backup = (await readIndex()).find((b) => b.id === id);
      if (!backup) throw new Error('That backup no longer exists.');
      const size = await directory.size(backupFileOf(backup.id));
      if (size === undefined) throw new Error(`The backup of “${backup.projectName}” from ${backup.createdAt} is missing.`);
      const originals = backup.originals ?? [];
      const whole = originals.reduce((sum, o) => sum + o.compressedSize, size);
      if (whole > maxBytes) throw new Error(`The backup of “${backup.projectName}” from ${backup.createdAt} is too large to open.`);
      const bytes = await directory.readBytes(backupFileOf(backup.id));
      if (originals.length === 0) return { name: backupFileName(backup), bytes };
      // A shared original that went missing costs that source's original, not the backup: the
      // project opens, and its report names the original it could not find.
      const joined = await joinOriginals(bytes, originals, async (name) => ((await directory.size(name)) === undefined ? undefined : directory.readBytes(name)));
      return { name: backupFileName(backup), bytes: joined.bytes };
    },
  };
}

/** Backups, shared originals and the temporary files of interrupted writes: nothing else in the folder is touched. */
function isLeftover(name: string): boolean {
  return /\.qdpx$/.test(name) || isSharedOriginalFile(name) || /^\.marginalia-.*\.tmp$/.test(name);
}

/** What the index lists about a backup, without where its parts are kept. */
function infoOf({ originals: _originals, ...info }: BackupRecord): BackupInfo {
  return info;
}

export function newestFirst(backups: readonly BackupInfo[]): BackupInfo[] {
  return [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** `Interviews backup 2026-12-02 0315.qdpx`: readable, sortable, safe on every file system. */
export function backupFileName(backup: Pick<BackupInfo, 'projectName' | 'createdAt'>): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we replace
  const name = backup.projectName.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_').trim().slice(0, 100) || 'Project';
  const stamp = backup.createdAt.slice(0, 16).replace('T', ' ').replace(':', '');
  return `${name} backup ${stamp}.qdpx`;
}

function isBackupInfo(value: unknown): value is BackupRecord {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Record<string, unknown>;
  return (
    typeof b['id'] === 'string' &&
    ID_PATTERN.test(b['id']) &&
    typeof b['projectId'] === 'string' &&
    typeof b['projectName'] === 'string' &&
    typeof b['createdAt'] === 'string' &&
    typeof b['byteSize'] === 'number' &&
    typeof b['changeStamp'] === 'string' &&
    typeof b['counts'] === 'object' &&
    b['counts'] !== null &&
    (b['originals'] === undefined || (Array.isArray(b['originals']) && b['originals'].every(isKeptOriginal)))
  );
}

function isKeptOriginal(value: unknown): value is KeptOriginal {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  return (
    typeof o['entry'] === 'string' &&
    typeof o['file'] === 'string' &&
    isSharedOriginalFile(o['file']) &&
    (o['method'] === 0 || o['method'] === 8) &&
    typeof o['crc32'] === 'number' &&
    typeof o['size'] === 'number' &&
    typeof o['compressedSize'] === 'number'
  );
}
