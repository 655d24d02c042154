// Turns the bytes of an imported text file into a string, or a reason the user can read.
// Pure and shared: the Electron host and the browser host decode through the same function.

/** Files larger than this are refused before they are read. */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

export type DecodeResult =
  | { ok: true; text: string; encoding: string }
  | { ok: false; reason: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export function decodeTextFile(bytes: Uint8Array): DecodeResult {
  if (bytes.byteLength === 0) return { ok: false, reason: 'The file is empty.' };
  if (bytes.byteLength > MAX_SOURCE_BYTES) {
    return { ok: false, reason: `The file is larger than the ${MAX_SOURCE_BYTES / 1024 / 1024} MB limit.` };
  }
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, reason: 'The file is not valid UTF-8 text.' };
  }
  // A NUL in "text" means a binary file that happens to be valid UTF-8 (or UTF-16 without BOM).
  if (text.includes('\u0000')) return { ok: false, reason: 'The file looks binary, not text.' };
  if (text.trim() === '') return { ok: false, reason: 'The file holds no text.' };
  return { ok: true, text, encoding: hasBom ? 'UTF-8 with BOM' : 'UTF-8' };
}
