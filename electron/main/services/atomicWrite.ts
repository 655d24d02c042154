// Writes a file so that it is either entirely the old content or entirely the new: the data goes
// to a temporary file in the same folder (same file system, so the rename is atomic), is flushed
// to disk, and only then replaces the target. A crash or full disk never leaves half an export.
import { randomUUID } from 'node:crypto';
import * as fsPromises from 'node:fs/promises';
import { dirname, join } from 'node:path';

export type AtomicWriteFs = Pick<typeof fsPromises, 'open' | 'rename' | 'rm'>;

export async function writeFileAtomic(
  target: string,
  content: string | Uint8Array,
  fs: AtomicWriteFs = fsPromises,
): Promise<void> {
  const folder = dirname(target);
  // A fixed short name: the target's own name may already be near the 255-byte file-name limit.
  const temporary = join(folder, `.marginalia-${randomUUID()}.tmp`);
  try {
    const handle = await fs.open(temporary, 'wx');
    try {
      await handle.writeFile(content, typeof content === 'string' ? 'utf8' : undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder, fs);
}

/**
 * Makes the rename itself durable on POSIX file systems. Best effort: Windows cannot open a
 * folder as a file, and the new content is already safely on disk either way.
 */
async function syncFolder(folder: string, fs: AtomicWriteFs): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Nothing to recover: see above.
  }
}
