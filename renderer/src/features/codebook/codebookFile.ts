// Reads a codebook file the user picked, off the page thread: the file's size is checked before
// its bytes are read (a FIFO or a device reports 0 bytes and is never read), then a worker parses
// it under a time limit, so a hostile archive or XML can neither freeze the window nor hang it.
// Only the size check and the types from the reader: the reader itself runs in the worker.
import type { CodebookFileResult } from '../../../../shared/codebook/readCodebookFile';
import { codebookSizeLimit } from '../../../../shared/codebook/codebookSizeLimit';
import { formatBytes } from '../../../../shared/import/limits';
import { runInWorker, type WorkerLike } from '../import/parsers/workerParser';

export const CODEBOOK_FILE_ACCEPT = '.csv,.tsv,.txt,.qdc,.qdpx,.qde,.xml';

/** Long enough for a 500 MB archive's project file; short enough that a hang is noticed. */
export const CODEBOOK_READ_TIMEOUT_MS = 60_000;

export interface CodebookReadRequest {
  name: string;
  bytes: Uint8Array;
}

export function createCodebookWorker(): WorkerLike {
  return new Worker(new URL('./codebook.worker.ts', import.meta.url), { type: 'module', name: 'marginalia-codebook' });
}

/** The picked file's bytes, or why they were not read (empty, not a regular file, too large). */
export async function readPickedCodebook(
  picked: Pick<File, 'name' | 'size' | 'arrayBuffer'>,
  createWorker: () => WorkerLike = createCodebookWorker,
  timeoutMs: number = CODEBOOK_READ_TIMEOUT_MS,
): Promise<CodebookFileResult> {
  // A browser cannot tell a FIFO or a device from a file; both report 0 bytes, and reading them
  // may never end, so nothing of 0 bytes is read.
  if (picked.size === 0) return { ok: false, reason: 'The file is empty (or it is not a regular file).' };
  const limit = codebookSizeLimit(picked.name);
  if (picked.size > limit) return { ok: false, reason: `The file is ${formatBytes(picked.size)}; a codebook can be at most ${formatBytes(limit)}.` };
  const bytes = new Uint8Array(await picked.arrayBuffer());
  return runInWorker<CodebookReadRequest, CodebookFileResult>({
    message: { name: picked.name, bytes },
    transfer: [bytes.buffer],
    createWorker,
    timeoutMs,
    failed: (reason) => ({ ok: false, reason }),
  });
}
