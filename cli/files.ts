// File input and output for the command line: reads with a size limit (a project file is read
// whole), writes through a temporary name and a rename so an interrupted run leaves either the
// old file or the new one, never half of one.
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Larger inputs are refused before they are read. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024 * 1024 - 1;

export class FileError extends Error {
  override name = 'FileError';
}

export function readInput(file: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new FileError(`${file} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError(`cannot read ${file}: ${describe(error)}`);
  }
  if (size > MAX_INPUT_BYTES) throw new FileError(`${file} is larger than ${Math.floor(MAX_INPUT_BYTES / 1024 / 1024)} MB`);
  try {
    return new Uint8Array(readFileSync(file));
  } catch (error) {
    throw new FileError(`cannot read ${file}: ${describe(error)}`);
  }
}

export function writeOutput(file: string, data: Uint8Array | string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new FileError(`cannot write ${file}: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return (error as Error).message ?? String(error);
}
