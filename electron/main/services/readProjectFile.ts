// Reads a `.qdpx` chosen by the user (Open dialog, double-click, argv) after checking what it is:
// a regular file with the right extension and a size main is willing to hold in memory.
import type * as fsPromises from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_PROJECT_FILE_BYTES } from '../../../shared/ipc/contract';
import { formatBytes } from '../../../shared/import/limits';

export type ProjectFileFs = Pick<typeof fsPromises, 'stat' | 'readFile'>;

export type ProjectFileRead = { ok: true; name: string; bytes: Uint8Array } | { ok: false; name: string; error: string };

const READ_FAILURES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'it does not exist',
  EISDIR: 'it is a folder',
  EBUSY: 'it is in use by another program',
};

export function isProjectFileName(path: string): boolean {
  return /\.qdpx$/i.test(path);
}

function refusal(name: string, reason: string): ProjectFileRead {
  return { ok: false, name, error: `“${name}” could not be opened: ${reason}.` };
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code ? READ_FAILURES[code] : undefined) ?? 'the system refused to read it';
}

export async function readProjectFile(path: string, fs: ProjectFileFs): Promise<ProjectFileRead> {
  const name = basename(path);
  if (!isProjectFileName(path)) return refusal(name, 'it is not a REFI-QDA project (.qdpx)');
  let size: number;
  try {
    // stat follows a symbolic link: a link to a regular .qdpx is as good as the file itself.
    const stats = await fs.stat(path);
    if (stats.isDirectory()) return refusal(name, 'it is a folder');
    if (!stats.isFile()) return refusal(name, 'it is not a regular file');
    size = stats.size;
  } catch (error) {
    return refusal(name, reasonOf(error));
  }
  const tooLarge = refusal(name, `it is larger than the ${formatBytes(MAX_PROJECT_FILE_BYTES)} limit`);
  if (size > MAX_PROJECT_FILE_BYTES) return tooLarge;
  if (size === 0) return refusal(name, 'it is empty');
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(path);
  } catch (error) {
    return refusal(name, reasonOf(error));
  }
  // The file may have grown between stat and read.
  if (buffer.byteLength > MAX_PROJECT_FILE_BYTES) return tooLarge;
  return { ok: true, name, bytes: toPlainBytes(buffer) };
}

/**
 * IPC clones a typed array's whole underlying ArrayBuffer, and a Buffer may be a view into a
 * larger shared pool: hand over a view only when it spans its buffer exactly, else a copy.
 */
export function toPlainBytes(buffer: Buffer): Uint8Array {
  return buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength
    ? new Uint8Array(buffer.buffer, 0, buffer.byteLength)
    : new Uint8Array(buffer);
}
