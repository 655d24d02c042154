// The .qdpx container as other tools write it: finds the project file (project.qde, or
// <name>.qde, at the top or one folder down), resolves source paths (internal://, relative and
// bare paths, sources/ or Sources/), decodes source texts (BOM, or a legacy encoding when a tool
// ignored the UTF-8 rule), and refuses what no project file needs: unsafe names, links, bombs.
import { readZipDirectory, type ZipEntry } from '../import/zip/directory';
import { checkZipLimits } from '../import/zip/guard';
import type { ZIP_LIMITS } from '../import/limits';
import { compressedDataOf, extractEntry } from '../import/zip/extract';
import { symlinkEntryNames } from '../import/zip/symlinks';
import { decodeWithEncoding, detectEncoding } from '../import/encoding';
import type { ReportBuilder } from './qdpxReport';

const MB = 1024 * 1024;

/**
 * Bounds for a project archive. Only entries that are read count toward the size limits (a
 * project may carry gigabytes of video it never asks us to inflate); the count bounds the work
 * of merely listing it.
 */
/**
 * The largest project file (project.qde) read: about a million codings. Its element tree costs
 * several times its size in memory, so the bound is far below the archive's.
 */
export const MAX_PROJECT_FILE_BYTES = 256 * MB;

export const QDPX_LIMITS = {
  maxEntries: 100_000,
  maxTotalUncompressedBytes: 512 * MB,
  maxEntryRatio: 200,
  ratioCheckMinBytes: 1 * MB,
} as const;

export class QdpxFileError extends Error {
  override name = 'QdpxFileError';
}

/**
 * Inflates raw deflate data natively (the host's DecompressionStream), stopping as soon as the
 * output would pass `size` bytes: the data, or null when it is not exactly `size` bytes or cannot
 * be inflated (the entry is then read the ordinary way, which says why).
 */
export type NativeInflate = (compressed: Uint8Array, size: number) => Promise<Uint8Array | null>;

export interface QdpxArchive {
  /** The project file's entry name ("project.qde"). */
  projectFile: string;
  /** Reads an entry's bytes (within the limits), or says why it cannot. */
  read(name: string): { ok: true; data: Uint8Array } | { ok: false; reason: string };
  /** The entry a source path points to, or why there is none. */
  resolve(path: string): { ok: true; name: string } | { ok: false; reason: string };
  has(name: string): boolean;
  /** The size an entry declares (uncompressed bytes); extraction holds it to that. */
  declaredSize(name: string): number;
  /** Entry names that are files (no folders), safe ones only. */
  files: readonly string[];
  /**
   * Inflates these entries ahead with a native inflater, so that `read` finds them done: the
   * same checks apply when they are read (sizes, budget), and an entry the native inflater
   * cannot give exactly is inflated by `read` as before. Only entries within the limits on
   * their own are inflated, each stopped at its declared size, so a bomb costs nothing here;
   * all the calls together inflate no more than the archive's budget. An entry another call is
   * still inflating is left to it.
   */
  preload(names: readonly string[], inflate: NativeInflate): Promise<void>;
}

/** An entry name that could escape a folder or name a device: never read. */
export function isUnsafeEntryName(name: string): boolean {
  return (
    name.startsWith('/') ||
    name.startsWith('\\') ||
    /^[a-zA-Z]:/.test(name) ||
    name.includes('\\') ||
    name.includes('\u0000') ||
    name.split('/').some((part) => part === '..')
  );
}

export function openQdpxArchive(bytes: Uint8Array, report: ReportBuilder): QdpxArchive {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) throw new QdpxFileError(`This is not a readable .qdpx project: ${lowerFirst(directory.reason)}`);
  if (directory.entries.length > QDPX_LIMITS.maxEntries) {
    throw new QdpxFileError(`This .qdpx holds ${directory.entries.length} files; at most ${QDPX_LIMITS.maxEntries} are accepted.`);
  }
  const links = symlinkEntryNames(bytes);
  const byName = new Map<string, ZipEntry>();
  for (const entry of directory.entries) {
    if (entry.name.endsWith('/')) continue;
    if (isUnsafeEntryName(entry.name)) {
      report.add('repaired', `The archive entry “${entry.name.slice(0, 80)}” has an unsafe name (it could point outside the project); it was ignored.`, 'unsafe archive entries');
      continue;
    }
    if (links.has(entry.name)) {
      report.add('repaired', `The archive entry “${entry.name.slice(0, 80)}” is a symbolic link; it was ignored.`, 'links in the archive');
      continue;
    }
    if (byName.has(entry.name)) {
      report.add('repaired', `The archive holds “${entry.name.slice(0, 80)}” twice; the first was used.`, 'repeated archive entries');
      continue;
    }
    byName.set(entry.name, entry);
  }
  const files = [...byName.keys()];
  const projectFile = pickProjectFile(files);
  if (projectFile === undefined) throw new QdpxFileError('This archive has no REFI-QDA project file (project.qde).');
  const lower = new Map(files.map((f) => [f.toLowerCase(), f]));

  let budget: number = QDPX_LIMITS.maxTotalUncompressedBytes;
  // ZipLimits is typed after ZIP_LIMITS' literal values; these are the same fields, other numbers.
  const limitsWithin = (total: number) => ({ ...QDPX_LIMITS, maxEntries: 1, maxTotalUncompressedBytes: total }) as unknown as typeof ZIP_LIMITS;
  const inflatedAhead = new Map<string, Uint8Array>();
  // What every preload together has inflated: held to the archive's budget, however many calls.
  let aheadTotal = 0;
  const read: QdpxArchive['read'] = (name) => {
    const entry = byName.get(name);
    if (!entry) return { ok: false, reason: `the archive has no “${name}”` };
    // Sizes are checked from the directory before anything is inflated; extractEntry then holds
    // the entry to its declared size, so a lying directory cannot get past the budget either.
    const refused = checkZipLimits([entry], limitsWithin(budget));
    if (refused) return { ok: false, reason: lowerFirst(refused) };
    budget -= entry.uncompressedSize;
    const ahead = inflatedAhead.get(name);
    if (ahead) {
      inflatedAhead.delete(name);
      return { ok: true, data: ahead };
    }
    const out = extractEntry(bytes, entry);
    return out.ok ? out : { ok: false, reason: lowerFirst(out.reason) };
  };
  const inflating = new Set<string>();
  const preload: QdpxArchive['preload'] = async (names, inflate) => {
    const jobs: Array<Promise<void>> = [];
    for (const name of new Set(names)) {
      const entry = byName.get(name);
      if (!entry || entry.method !== 8 || inflatedAhead.has(name) || inflating.has(name)) continue;
      if (checkZipLimits([entry], limitsWithin(QDPX_LIMITS.maxTotalUncompressedBytes - aheadTotal)) !== null) continue;
      const compressed = compressedDataOf(bytes, entry);
      if (!compressed) continue;
      aheadTotal += entry.uncompressedSize;
      inflating.add(name);
      // All at once: each native inflation waits on its stream, and hundreds of small texts
      // one after another would spend more time waiting than inflating.
      jobs.push(
        inflate(compressed, entry.uncompressedSize).then((data) => {
          inflating.delete(name);
          if (data && data.byteLength === entry.uncompressedSize) inflatedAhead.set(name, data);
        }),
      );
    }
    await Promise.all(jobs);
  };
  const resolve: QdpxArchive['resolve'] = (path) => {
    const match = /^([a-z]+):\/\/(.*)$/i.exec(path.trim());
    const scheme = match ? match[1]!.toLowerCase() : '';
    if (scheme === 'absolute') return { ok: false, reason: `it is an external file (${path}), not inside the archive` };
    if (scheme !== '' && scheme !== 'internal' && scheme !== 'relative') return { ok: false, reason: `its path “${path}” is not one Marginalia can read` };
    const rest = (match ? match[2]! : path.trim()).replace(/^\/+/, '');
    if (rest === '' || isUnsafeEntryName(rest)) return { ok: false, reason: `its path “${path}” is unsafe` };
    const candidates = scheme === 'internal' ? [`sources/${rest}`, rest] : [rest, `sources/${rest}`];
    // Tools write sources/ or Sources/, and the project file may sit one folder down.
    const base = projectFile.includes('/') ? projectFile.slice(0, projectFile.lastIndexOf('/') + 1) : '';
    for (const candidate of [...candidates.map((c) => base + c), ...candidates]) {
      const found = lower.get(candidate.toLowerCase());
      if (found !== undefined) return { ok: true, name: found };
    }
    return { ok: false, reason: `the archive has no file for “${path}”` };
  };
  return { projectFile, read, resolve, has: (name) => byName.has(name), declaredSize: (name) => byName.get(name)?.uncompressedSize ?? 0, files, preload };
}

/** project.qde at the top, else the one .qde at the top, else project.qde or a .qde one folder down. */
function pickProjectFile(names: readonly string[]): string | undefined {
  const qde = names.filter((n) => /\.qde$/i.test(n));
  const top = qde.filter((n) => !n.includes('/'));
  return (
    top.find((n) => n.toLowerCase() === 'project.qde') ??
    top[0] ??
    qde.find((n) => n.split('/').length === 2 && n.toLowerCase().endsWith('/project.qde')) ??
    qde.find((n) => n.split('/').length === 2)
  );
}

export interface DecodedText {
  text: string;
  encoding: string;
}

/**
 * A source text's bytes as a string. The standard says UTF-8; a UTF-8 BOM is dropped (it is not
 * part of the text). Anything else is detected and decoded, with a report line, because refusing
 * a whole project for one file saved in Windows-1252 would leave the researcher with nothing.
 */
export function decodeSourceText(bytes: Uint8Array, label: string, report: ReportBuilder): DecodedText | { error: string } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: hasBom ? 'UTF-8 with BOM' : 'UTF-8' };
  } catch {
    // not UTF-8: fall through to detection
  }
  const guess = detectEncoding(bytes);
  const decoded = decodeWithEncoding(bytes, guess.label);
  if (!decoded.ok) return { error: decoded.reason };
  report.add('repaired', `${label} is not UTF-8 as the standard requires; it was read as ${decoded.name}${guess.basis === 'bom' ? '' : ' (detected, please check the text)'}.`, 'texts in legacy encodings');
  return { text: decoded.text, encoding: decoded.name };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
