// Lets the user pick files to import and reads their bytes for the renderer, refusing files too
// large to import before reading them, so a stray video never fills the memory.
import type * as fsPromises from 'node:fs/promises';
import { basename } from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import type { OpenSourceFilesRequest, PickedFile } from '../../../shared/ipc/contract';
// The largest any format allows (PDF); the renderer then applies each format's own limit.
import { MAX_ANY_FILE_BYTES as MAX_SOURCE_BYTES, formatBytes } from '../../../shared/import/limits';

export interface SourceFileDeps {
  showOpenDialog: (options: OpenDialogOptions) => Promise<Pick<OpenDialogReturnValue, 'canceled' | 'filePaths'>>;
  fs: Pick<typeof fsPromises, 'stat' | 'readFile'>;
}

const TOO_LARGE = `The file is larger than the ${formatBytes(MAX_SOURCE_BYTES)} limit.`;

const READ_FAILURES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'it no longer exists',
  EISDIR: 'it is a folder',
  EBUSY: 'it is in use by another program',
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
    byteSize = stats.size;
  } catch (error) {
    return { name, byteSize: 0, error: unreadable(error) };
  }
  if (byteSize > MAX_SOURCE_BYTES) return { name, byteSize, error: TOO_LARGE };
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(filePath);
  } catch (error) {
    return { name, byteSize, error: unreadable(error) };
  }
  // The file may have grown between stat and read.
  if (buffer.byteLength > MAX_SOURCE_BYTES) return { name, byteSize: buffer.byteLength, error: TOO_LARGE };
  return { name, byteSize: buffer.byteLength, bytes: toPlainBytes(buffer) };
}

/**
 * IPC clones a typed array's whole underlying ArrayBuffer, and a Buffer may be a view into a
 * larger shared pool: hand over a view only when it spans its buffer exactly, else a copy.
 */
function toPlainBytes(buffer: Buffer): Uint8Array {
  return buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength
    ? new Uint8Array(buffer.buffer, 0, buffer.byteLength)
    : new Uint8Array(buffer);
}
