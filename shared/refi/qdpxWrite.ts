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
import { extrasForBuild, utf8Length } from './qdpxWriteExtras';
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
  return { ...prepareRest(snapshot, progress, build, (path) => texts.get(path)?.byteLength), progress, build, texts };
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
function prepareRest(snapshot: ProjectSnapshot, progress: (fraction: number) => void, build: QdeBuild, byteSize: (path: string) => number | undefined) {
  const extras = extrasForBuild(snapshot, build, ORIGIN, byteSize);
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

/** An entry's bytes deflated, with their size and checksum (what the zip records for it). */
export interface DeflatedEntry {
  size: number;
  crc: number;
  compressed: Uint8Array<ArrayBuffer>;
}

/**
 * Entries deflated before, or being deflated now, by their path in the archive: what a write may
 * take instead of deflating the same bytes again (it checks their size and checksum first).
 */
export type DeflatedEntries = Map<string, DeflatedEntry | Promise<DeflatedEntry>>;

/**
 * A source's text handed to the deflater ahead of the write (as soon as it was read), by the path
 * the writer gives it: taken only for exactly this text, without encoding or checking it again.
 */
export interface TextAhead {
  text: string;
  entry: Promise<DeflatedEntry>;
}

/** One entry deflated as it is written: each chunk pushed is the deflater's (it may detach it). */
export interface EntryStream {
  push(chunk: Uint8Array): void;
  end(): Promise<DeflatedEntry>;
}

/**
 * Deflates entries for `writeQdpxDeflating`, on this thread or elsewhere: the project-file worker
 * hands them to a worker of their own, so the texts and project.qde deflate while this thread
 * builds and writes the document. `deflate` leaves its chunks as they are.
 */
export interface EntryDeflater {
  deflate(chunks: readonly Uint8Array[]): Promise<DeflatedEntry>;
  stream(): EntryStream;
}

/** A raw deflate stream: chunks in, the deflated bytes at the end. */
export type NativeDeflateStream = () => { push(chunk: Uint8Array): void; end(): Promise<Uint8Array<ArrayBuffer>> };

/**
 * A `NativeDeflate` as an EntryDeflater, measuring sizes and checksums where it runs. Without
 * `stream`, a streamed entry is gathered and deflated at its end.
 */
export function entryDeflater(deflate: NativeDeflate, stream?: NativeDeflateStream): EntryDeflater {
  return {
    async deflate(chunks) {
      let size = 0;
      for (const chunk of chunks) size += chunk.byteLength;
      return { size, crc: crc32(chunks), compressed: await deflate(chunks) };
    },
    stream() {
      const gathered: Uint8Array[] = [];
      const native = stream?.();
      let size = 0;
      let crc = 0;
      return {
        push(chunk) {
          size += chunk.byteLength;
          crc = crc32([chunk], crc);
          if (native) native.push(chunk);
          else gathered.push(chunk);
        },
        async end() {
          return { size, crc, compressed: await (native ? native.end() : deflate(gathered)) };
        },
      };
    },
  };
}

/**
 * A paced writer's deflater: one entry at a time, each after a rest (`pause`); a streamed entry is
 * gathered and deflated at its end, in its turn.
 */
function pacedDeflater(deflater: EntryDeflater, pause: () => Promise<void>): EntryDeflater {
  let queue: Promise<unknown> = Promise.resolve();
  const deflate = (chunks: readonly Uint8Array[]): Promise<DeflatedEntry> => {
    const next = queue.then(pause).then(() => deflater.deflate(chunks));
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    deflate,
    stream() {
      const gathered: Uint8Array[] = [];
      return { push: (chunk) => void gathered.push(chunk), end: () => deflate(gathered) };
    },
  };
}

/**
 * The same archive, with its entries deflated by the platform (`deflate`, e.g. a worker's
 * CompressionStream at zlib's default level: about twice as fast as deflating in JavaScript on a
 * big project, and a smaller file). The bytes differ from `writeQdpx`'s (another deflater), but
 * they are the same for the same project, and read back the same.
 *
 * Given an EntryDeflater that works on other threads, the sources' texts and originals are handed
 * to it first and deflate there while this thread works out marginalia.json and writes
 * project.qde, which is handed over chunk by chunk as it is written.
 *
 * `reuse`, kept by the caller from one write to the next, holds the sources' texts and originals
 * as the last write deflated them: a source's text never changes, so the next save or backup
 * takes them from there when their size and checksum are the same, instead of deflating the
 * 20 MB of a big project's texts again. It is left holding this write's entries only.
 *
 * `ahead` holds the texts the caller handed to the deflater before the write (the project-file
 * worker does as soon as they are read, checking them against `reuse` there): each is taken for
 * exactly the text it was made from, without encoding or checking it here.
 */
export async function writeQdpxDeflating(
  snapshot: ProjectSnapshot,
  options: WriteQdpxOptions,
  deflate: NativeDeflate | EntryDeflater,
  reuse?: DeflatedEntries,
  ahead?: ReadonlyMap<string, TextAhead>,
): Promise<Uint8Array> {
  const pause = options.pause;
  const given = typeof deflate === 'function' ? entryDeflater(deflate) : deflate;
  // A paced writer deflates the entries one at a time, resting between them; otherwise every
  // entry is deflated at once (each waits on its own stream; hundreds of small texts one after
  // another would spend more time waiting than deflating), then added in a fixed order.
  const deflater = pause ? pacedDeflater(given, pause) : given;
  const progress = options.onProgress ?? (() => {});
  const build = qdeFromSnapshot(snapshot, options.origin ?? ORIGIN);
  progress(0.15);
  const kept = new Map<string, DeflatedEntry>();
  /** A text or an original: taken from `reuse` when its bytes are the same, else deflated. */
  const reusable = (name: string, bytes: Uint8Array): Promise<DeflatedEntry> => {
    const before = reuse?.get(name);
    let entry: Promise<DeflatedEntry>;
    if (before) {
      const crc = crc32([bytes]);
      const again = (): Promise<DeflatedEntry> => deflater.deflate([bytes]);
      entry = Promise.resolve(before).then((b) => (b.size === bytes.byteLength && b.crc === crc ? b : again()), again);
    } else entry = deflater.deflate([bytes]);
    if (reuse) void entry.then((e) => kept.set(name, e), () => undefined);
    return quiet(entry);
  };
  /** A text: as handed over ahead when it is this text (never encoded here), else as `reusable`. */
  const textEntry = (name: string, text: string): Promise<DeflatedEntry> => {
    const given = ahead?.get(name);
    if (given?.text !== text) return reusable(name, utf8.encode(text));
    const entry = given.entry.catch(() => deflater.deflate([utf8.encode(text)]));
    if (reuse) void entry.then((e) => kept.set(name, e), () => undefined);
    return quiet(entry);
  };
  const files: Array<{ name: string; stored: boolean; entry: Promise<DeflatedEntry> }> = [];
  const queueFiles = (): void => {
    for (const [path, text] of build.files) files.push({ name: path, stored: false, entry: textEntry(path, text) });
    // Originals that are compressed already (zip containers, PDF streams) are stored as they are:
    // deflating them again costs time and gains almost nothing.
    for (const [path, original] of build.originals) {
      const stored = STORED_AS_IS.test(path);
      files.push({ name: path, stored, entry: stored ? Promise.resolve({ size: original.byteLength, crc: crc32([original]), compressed: concat([original], original.byteLength) }) : reusable(path, original) });
    }
  };
  // Unpaced, the files go first: on another thread they deflate while this one goes on.
  if (!pause) queueFiles();
  await pause?.();
  // The texts' sizes in UTF-8 worked out, not taken from encoded bytes: most are encoded elsewhere.
  const { extras, mtime } = prepareRest(snapshot, progress, build, (path) => utf8Length(build.files.get(path) ?? ''));
  await pause?.();
  const qdeStream = deflater.stream();
  const sources = Math.max(1, build.doc.sources.length);
  serializeQdeChunks(
    build.doc,
    (chunk) => qdeStream.push(utf8.encode(chunk)),
    (index) => progress(0.35 + (0.3 * (index + 1)) / sources),
  );
  await pause?.();
  const qde = quiet(qdeStream.end());
  if (pause) queueFiles();
  const json = quiet(deflater.deflate([utf8.encode(JSON.stringify(extras))]));
  progress(0.7);
  const entries = [{ name: 'project.qde', stored: false, entry: qde }, ...files, { name: EXTRAS_PATH, stored: false, entry: json }];
  const { zip, bytes } = zipInMemory();
  for (const [i, { name, stored, entry }] of entries.entries()) {
    const { size, crc, compressed } = await entry;
    const file: ZipInputFile = { filename: name, size, crc, compression: stored ? 0 : 8, mtime };
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

/**
 * The promise itself, marked as handled: the writer awaits every entry in the end, but one that
 * fails while an earlier one is awaited would otherwise be reported as unhandled as well.
 */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
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
