// Writes a Marginalia project as a REFI-QDA project archive (.qdpx): project.qde in the standard
// form, each source's text as sources/<GUID>.txt (UTF-8, no BOM) and, where it has one, the file
// it was imported from as sources/<GUID>.<ext>, and marginalia.json with what the standard cannot
// hold. No directory entries (fflate would write "sources//").
// project.qde is streamed into the archive in chunks as it is written (never one giant string),
// so a big project's 50 MB file costs neither a second copy nor a join.
import { Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from 'fflate';
import { crc32 } from './crc32';
import type { ProjectSnapshot } from '../model/snapshot';
import { EXTRAS_PATH } from './qdpxExtras';
import { extrasForBuild } from './qdpxWriteExtras';
import { qdeFromSnapshot, xsdDateTime, type QdeBuild } from './qdeFromSnapshot';
import { serializeQde, serializeQdeChunks } from './qdeSerialize';

export interface WriteQdpxOptions {
  /** The `origin` attribute: which program wrote the file. */
  origin?: string;
  /**
   * Deflate level, 0–9. Default 1: on a big project (100,000 codings) level 6 costs several
   * times the time for a file only a fifth smaller.
   */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Called between the steps with the share of the work done (0–1), for a progress bar. */
  onProgress?: (fraction: number) => void;
  /**
   * For a writer that shares the machine with someone working (an automatic backup): awaited
   * between the steps, where the caller may rest. With it, entries are deflated one after
   * another, a pause between each, instead of all at once. `writeQdpxDeflating` only.
   */
  pause?: () => Promise<void>;
}

const ORIGIN = 'Marginalia';

/** The project.qde text alone (its sources' texts go beside it in the archive). */
export function writeProjectQde(snapshot: ProjectSnapshot, options: WriteQdpxOptions = {}): string {
  return serializeQde(qdeFromSnapshot(snapshot, options.origin ?? ORIGIN).doc);
}

export { standardSnapshot } from './qdpxWriteExtras';

/** Raw deflate of some chunks as one stream, by the platform (a worker's CompressionStream). */
export type NativeDeflate = (chunks: readonly Uint8Array[]) => Promise<Uint8Array<ArrayBuffer>>;

/** The parts of an archive every writer shares: the document, marginalia.json, the entry time. */
function prepare(snapshot: ProjectSnapshot, options: WriteQdpxOptions) {
  const { progress, build, texts } = prepareBuild(snapshot, options);
  return { ...prepareRest(snapshot, progress, build, texts), progress, build, texts };
}

/** The document and the sources' texts in UTF-8, once: what the archive holds, and their sizes for marginalia.json. */
function prepareBuild(snapshot: ProjectSnapshot, options: WriteQdpxOptions) {
  const progress = options.onProgress ?? (() => {});
  const build = qdeFromSnapshot(snapshot, options.origin ?? ORIGIN);
  const texts = new Map<string, Uint8Array>();
  for (const [path, text] of build.files) texts.set(path, utf8.encode(text));
  progress(0.15);
  return { progress, build, texts };
}

/** marginalia.json and the entry time. */
function prepareRest(snapshot: ProjectSnapshot, progress: (fraction: number) => void, build: QdeBuild, texts: ReadonlyMap<string, Uint8Array>) {
  const extras = extrasForBuild(snapshot, build, ORIGIN, (path) => texts.get(path)?.byteLength);
  progress(0.35);
  // A fixed time in every entry: the same project gives the same bytes.
  const stamp = xsdDateTime(snapshot.project.updatedAt);
  const mtime = stamp && !Number.isNaN(Date.parse(stamp)) && Date.parse(stamp) >= Date.UTC(1980, 0, 2) ? new Date(stamp) : new Date(Date.UTC(1980, 0, 2));
  return { extras, mtime };
}

/** A zip written to memory, entry after entry. */
function zipInMemory() {
  const parts: Uint8Array[] = [];
  let size = 0;
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
    size += chunk.byteLength;
  });
  return { zip, bytes: () => concat(parts, size) };
}

export function writeQdpx(snapshot: ProjectSnapshot, options: WriteQdpxOptions = {}): Uint8Array {
  const { progress, build, texts, extras, mtime } = prepare(snapshot, options);
  const level = options.level ?? 1;
  const { zip, bytes } = zipInMemory();
  const entry = (name: string, entryLevel = level): ZipDeflate | ZipPassThrough => {
    const file = entryLevel === 0 ? new ZipPassThrough(name) : new ZipDeflate(name, { level: entryLevel });
    file.mtime = mtime;
    zip.add(file);
    return file;
  };
  // project.qde is most of the work: the bar moves with its sources (0.35–0.85), then the texts.
  const qde = entry('project.qde');
  const sources = Math.max(1, build.doc.sources.length);
  serializeQdeChunks(
    build.doc,
    (chunk) => qde.push(utf8.encode(chunk)),
    (index) => progress(0.35 + (0.5 * (index + 1)) / sources),
  );
  qde.push(EMPTY, true);
  for (const [path, bytes] of texts) entry(path).push(bytes, true);
  // Originals that are compressed already (zip containers, PDF streams) are stored as they are:
  // deflating them again costs time and gains almost nothing.
  for (const [path, original] of build.originals) entry(path, STORED_AS_IS.test(path) ? 0 : level).push(original, true);
  progress(0.95);
  entry(EXTRAS_PATH).push(utf8.encode(JSON.stringify(extras)), true);
  zip.end();
  const zipped = bytes();
  progress(1);
  return zipped;
}

/** An entry as deflated: what a later write of the same bytes can reuse. */
export interface DeflatedEntry {
  size: number;
  crc: number;
  compressed: Uint8Array<ArrayBuffer>;
}

/**
 * The same archive, with its entries deflated by the platform (`deflate`, e.g. a worker's
 * CompressionStream at zlib's default level: about twice as fast as deflating in JavaScript on a
 * big project, and a smaller file). The bytes differ from `writeQdpx`'s (another deflater), but
 * they are the same for the same project, and read back the same.
 *
 * `reuse`, kept by the caller from one write to the next, holds the sources' texts and originals
 * as the last write deflated them: a source's text never changes, so the next save or backup of
 * the project takes them from there (same name, size and checksum) instead of deflating the
 * 20 MB of a big project's texts again. It is left holding this write's entries only.
 */
export async function writeQdpxDeflating(snapshot: ProjectSnapshot, options: WriteQdpxOptions, deflate: NativeDeflate, reuse?: Map<string, DeflatedEntry>): Promise<Uint8Array> {
  const pause = options.pause;
  const { progress, build, texts } = prepareBuild(snapshot, options);
  await pause?.();
  const { extras, mtime } = prepareRest(snapshot, progress, build, texts);
  await pause?.();
  // Every entry is deflated at once (each waits on its own stream; hundreds of small texts one
  // after another would spend more time waiting than deflating), then added in a fixed order.
  // A paced writer deflates them one at a time, resting between them.
  let queue: Promise<unknown> = Promise.resolve();
  const deflateNow = (chunks: Uint8Array[]): Promise<Uint8Array<ArrayBuffer>> => {
    if (!pause) return deflate(chunks);
    const next = queue.then(pause).then(() => deflate(chunks));
    queue = next.catch(() => undefined);
    return next;
  };
  const entries: Array<{ name: string; size: number; crc: number; stored: boolean; compressed: Promise<Uint8Array<ArrayBuffer>> }> = [];
  const kept = new Map<string, DeflatedEntry>();
  const add = (name: string, chunks: Uint8Array[], stored = false, reusable = false): void => {
    let size = 0;
    for (const chunk of chunks) size += chunk.byteLength;
    const crc = crc32(chunks);
    const before = reusable && !stored ? reuse?.get(name) : undefined;
    let compressed: Promise<Uint8Array<ArrayBuffer>>;
    if (stored) compressed = Promise.resolve(concat(chunks, size));
    else if (before && before.size === size && before.crc === crc) compressed = Promise.resolve(before.compressed);
    else compressed = deflateNow(chunks);
    if (reuse && reusable && !stored) void compressed.then((bytes) => kept.set(name, { size, crc, compressed: bytes }), () => undefined);
    entries.push({ name, size, crc, stored, compressed });
  };
  const qde: Uint8Array[] = [];
  const sources = Math.max(1, build.doc.sources.length);
  serializeQdeChunks(
    build.doc,
    (chunk) => qde.push(utf8.encode(chunk)),
    (index) => progress(0.35 + (0.3 * (index + 1)) / sources),
  );
  await pause?.();
  add('project.qde', qde);
  for (const [path, bytes] of texts) add(path, [bytes], false, true);
  for (const [path, original] of build.originals) add(path, [original], STORED_AS_IS.test(path), true);
  add(EXTRAS_PATH, [utf8.encode(JSON.stringify(extras))]);
  progress(0.7);
  const { zip, bytes } = zipInMemory();
  for (const [i, entry] of entries.entries()) {
    const file: ZipInputFile = { filename: entry.name, size: entry.size, crc: entry.crc, compression: entry.stored ? 0 : 8, mtime };
    const compressed = await entry.compressed;
    zip.add(file);
    file.ondata!(null, compressed, true);
    progress(0.7 + (0.3 * (i + 1)) / entries.length);
  }
  zip.end();
  if (reuse) {
    reuse.clear();
    for (const [name, entry] of kept) reuse.set(name, entry);
  }
  return bytes();
}

const EMPTY = new Uint8Array(0);

function concat(parts: readonly Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** Formats whose bytes are compressed already. */
const STORED_AS_IS = /\.(docx|odt|xlsx|pdf|zip|epub|png|jpe?g|gif|mp3|mp4)$/i;

/** Native UTF-8 encoding (fflate's strToU8 walks the string in JavaScript). */
const utf8 = new TextEncoder();
