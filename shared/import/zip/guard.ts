// Refuses zip bombs and other hostile packages from the central directory alone, before
// anything is inflated. What the directory declares can be a lie; extract.ts enforces the same
// budget on the bytes actually inflated.
import { ZIP_LIMITS } from '../limits';
import type { ZipEntry } from './directory';

export type ZipLimits = typeof ZIP_LIMITS;

const BOMB = 'This file looks like a “zip bomb”: it would expand to far more data than any document holds, so it was not opened.';

/** Null when the package is within limits, else the reason it is refused. */
export function checkZipLimits(entries: readonly ZipEntry[], limits: ZipLimits = ZIP_LIMITS): string | null {
  if (entries.length > limits.maxEntries) {
    return `This package holds ${entries.length.toLocaleString('en')} files; a document has far fewer (at most ${limits.maxEntries.toLocaleString('en')} are accepted).`;
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.encrypted) return 'This document is password-protected (encrypted). Remove the password in the application that made it, then import it again.';
    total += entry.uncompressedSize;
    if (total > limits.maxTotalUncompressedBytes) return BOMB;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > limits.ratioCheckMinBytes && ratio > limits.maxEntryRatio) return BOMB;
  }
  return null;
}

export const ZIP_BOMB_REASON = BOMB;
