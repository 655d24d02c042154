// Lets the user pick files to import and reads their bytes for the renderer, refusing files too
// large to import before reading them, so a stray video never fills the memory, and anything that
// is not a regular file (a folder, a FIFO, a device such as /dev/zero), which would hang the read
// or never end.
import { constants } from 'node:fs';
import type * as fsPromises from 'node:fs/promises';
import { basename } from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import type { OpenSourceFilesRequest, PickedFile } from '../../../shared/ipc/contract';
// The largest any format allows (PDF); the renderer then applies each format's own limit.
import { MAX_ANY_FILE_BYTES as MAX_SOURCE_BYTES, formatBytes } from '../../../shared/import/limits';

export interface SourceFileDeps {
  showOpenDialog: (options: OpenDialogOptions) => Promise<Pick<OpenDialogReturnValue, 'canceled' | 'filePaths'>>;
  fs: Pick<typeof fsPromises, 'stat' | 'open'>;
}

const TOO_LARGE = `The file is larger than the ${formatBytes(MAX_SOURCE_BYTES)} limit.`;

const READ_FAILURES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'it no longer exists',
  EISDIR: 'it is a folder',
  EBUSY: 'it is in use by another program',
  NOTREGULAR: 'it is not a regular file but a device, pipe or socket',
};

function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = (code ? READ_FAILURES[code] : undefined) ?? 'the system refused to read it';
  return `The file could not be read (${reason}).`;
}

export async function openSourceFiles(
  { extensions }: OpenSourceFilesRequest,
  { showOpenDialog, fs }: SourceFileDeps,
): Promise<PickedFile[]> {
  const choice = await showOpenDialog({
    title: 'Import sources',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Sources', extensions }],
  });
  if (choice.canceled) return [];
  const picked: PickedFile[] = [];
  // One file at a time: reading them all at once could hold many large files in memory together.
  for (const filePath of choice.filePaths) picked.push(await readSourceFile(filePath, fs));
  return picked;
}

async function readSourceFile(filePath: string, fs: SourceFileDeps['fs']): Promise<PickedFile> {
  const name = basename(filePath);
  let byteSize: number;
  try {
    const stats = await fs.stat(filePath);
    if (stats.isDirectory()) return { name, byteSize: 0, error: unreadable({ code: 'EISDIR' }) };
    if (!stats.isFile()) return { name, byteSize: 0, error: unreadable({ code: 'NOTREGULAR' }) };
    byteSize = stats.size;
  } catch (error) {
    return { name, byteSize: 0, error: unreadable(error) };
  }
  if (byteSize > MAX_SOURCE_BYTES) return { name, byteSize, error: TOO_LARGE };
  return readRegularFile(filePath, name, byteSize, fs);
}

/**
 * Reads at most the size limit (plus one byte, to notice growth) from a file that must still be
 * regular once open: the path may have been swapped for a FIFO or a device since the stat.
 * O_NONBLOCK keeps the open itself from waiting for a FIFO's writer.
 */
export async function readRegularFile(filePath: string, name: string, byteSize: number, fs: Pick<typeof fsPromises, 'open'>): Promise<PickedFile> {
  let handle: fsPromises.FileHandle;
  try {
    handle = await fs.open(filePath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { name, byteSize, error: unreadable(error) };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { name, byteSize: 0, error: unreadable({ code: stats.isDirectory() ? 'EISDIR' : 'NOTREGULAR' }) };
    if (stats.size > MAX_SOURCE_BYTES) return { name, byteSize: stats.size, error: TOO_LARGE };
    // The file may grow while it is read: never read past the limit.
    const buffer = new Uint8Array(Math.min(stats.size, MAX_SOURCE_BYTES) + 1);
    let length = 0;
    while (length < buffer.byteLength) {
      const { bytesRead } = await handle.read(buffer, length, buffer.byteLength - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_SOURCE_BYTES) return { name, byteSize: length, error: TOO_LARGE };
    return { name, byteSize: length, bytes: length === buffer.byteLength ? buffer : buffer.slice(0, length) };
  } catch (error) {
    return { name, byteSize, error: unreadable(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}
