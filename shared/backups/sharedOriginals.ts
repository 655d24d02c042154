// Backups keep each source's original file (a PDF, a .docx) once, not once per backup: a project
// with 300 MB of PDFs backed up 40 times (the rotation keeps up to 10 + 30 daily) would otherwise
// fill 12 GB with copies of files that never change. Before a backup is stored, its original
// entries are lifted out of the .qdpx as they are (still compressed, nothing inflated) into
// content-addressed files beside it; restoring puts them back, so what a restore hands on is the
// same complete, standard .qdpx that was backed up. Texts, project.qde and marginalia.json change
// with every coding and stay in the backup itself.
import { Zip, type ZipInputFile } from 'fflate';
import { compressedDataOf } from '../import/zip/extract';
import { readZipDirectory, type ZipEntry } from '../import/zip/directory';

/** One original lifted out of a backup: where it was in the archive and how to put it back. */
export interface KeptOriginal {
  /** The entry's name in the archive, e.g. `sources/<GUID>.pdf`. */
  entry: string;
  /** The shared file holding the entry's data as it was in the archive (still compressed). */
  file: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  crc32: number;
  size: number;
  compressedSize: number;
}

export interface SplitBackup {
  /** The archive without its originals. */
  rest: Uint8Array;
  originals: KeptOriginal[];
  /** The data of each shared file named in `originals`. */
  files: Map<string, Uint8Array>;
}

const SHARED_FILE = /^original-[0-9a-f]{64}\.zipentry$/;

export function isSharedOriginalFile(name: string): boolean {
  return SHARED_FILE.test(name);
}

/**
 * Originals are what our writer puts in `sources/` beside the texts: `sources/<GUID>.<ext>` with
 * an extension other than `.txt`. Small ones are left in the backup: sharing them saves nothing.
 */
function isOriginal(entry: ZipEntry): boolean {
  return /^sources\/[^/]+\.[A-Za-z0-9]+$/.test(entry.name) && !/\.txt$/i.test(entry.name) && entry.compressedSize >= MIN_SHARED_BYTES;
}

const MIN_SHARED_BYTES = 4096;

/**
 * The archive with its originals lifted out, or null when it has none (or is not a zip we can
 * take apart: it is then kept whole, as before).
 */
export async function splitOriginals(bytes: Uint8Array): Promise<SplitBackup | null> {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return null;
  const lifted = directory.entries.filter((e) => !e.encrypted && (e.method === 0 || e.method === 8) && isOriginal(e));
  if (lifted.length === 0) return null;
  const originals: KeptOriginal[] = [];
  const files = new Map<string, Uint8Array>();
  for (const entry of lifted) {
    const data = compressedDataOf(bytes, entry);
    if (!data) return null;
    const file = `original-${await sha256Hex(data)}.zipentry`;
    files.set(file, data);
    originals.push({ entry: entry.name, file, method: entry.method, crc32: entry.crc32, size: entry.uncompressedSize, compressedSize: entry.compressedSize });
  }
  const liftedNames = new Set(lifted.map((e) => e.name));
  const kept = directory.entries.filter((e) => !liftedNames.has(e.name));
  const parts: RawEntry[] = [];
  for (const entry of kept) {
    const data = compressedDataOf(bytes, entry);
    if (!data) return null;
    parts.push({ name: entry.name, method: entry.method, crc32: entry.crc32, size: entry.uncompressedSize, data });
  }
  return { rest: zipRaw(parts), originals, files };
}

/**
 * The backup as it was written: `rest` with the originals put back. An original whose shared
 * file is missing or damaged is left out, so the project still restores (its reader then lists
 * that source's original as not found) rather than the whole backup being lost.
 */
export async function joinOriginals(rest: Uint8Array, originals: readonly KeptOriginal[], readFile: (name: string) => Promise<Uint8Array | undefined>): Promise<{ bytes: Uint8Array; missing: string[] }> {
  const directory = readZipDirectory(rest);
  if (!directory.ok) return { bytes: rest, missing: originals.map((o) => o.entry) };
  const parts: RawEntry[] = [];
  for (const entry of directory.entries) {
    const data = compressedDataOf(rest, entry);
    if (data) parts.push({ name: entry.name, method: entry.method, crc32: entry.crc32, size: entry.uncompressedSize, data });
  }
  const missing: string[] = [];
  for (const original of originals) {
    const data = await readFile(original.file);
    // The file is named by its content's hash: anything else in it is not that original.
    if (!data || data.byteLength !== original.compressedSize || `original-${await sha256Hex(data)}.zipentry` !== original.file) {
      missing.push(original.entry);
      continue;
    }
    parts.push({ name: original.entry, method: original.method, crc32: original.crc32, size: original.size, data });
  }
  return { bytes: zipRaw(parts), missing };
}

interface RawEntry {
  name: string;
  method: number;
  crc32: number;
  size: number;
  /** As stored in the archive (deflated when method is 8). */
  data: Uint8Array;
}

/** A zip of entries whose data is copied as it is: nothing is inflated or deflated again. */
function zipRaw(entries: readonly RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
    total += chunk.byteLength;
  });
  for (const entry of entries) {
    const file: ZipInputFile = { filename: entry.name, size: entry.size, crc: entry.crc32, compression: entry.method, mtime: FIXED_TIME };
    zip.add(file);
    file.ondata!(null, entry.data as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** The time in every entry of a repacked backup: restoring reads contents, never entry times. */
const FIXED_TIME = new Date(Date.UTC(1980, 0, 2));

async function sha256Hex(data: Uint8Array): Promise<string> {
  // Web Crypto reads only the view's own bytes, so a slice of a bigger buffer needs no copy.
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
