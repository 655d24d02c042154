// The codebook of a REFI-QDA project archive (.qdpx): a ZIP whose project file is usually
// project.qde, though some tools name it after the project or vary the case. The archive is read
// through the same guarded zip reader as .docx/.odt/.xlsx: the directory is checked first, and
// only the project file is inflated, within its declared size, so a small archive claiming
// gigabytes is refused before anything expands.
import { readZipDirectory, type ZipEntry } from '../import/zip/directory';
import { extractEntry } from '../import/zip/extract';
import { checkZipLimits } from '../import/zip/guard';
import { CODEBOOK_LIMITS, ZIP_LIMITS } from '../import/limits';
import { decodeXmlBytes } from './xmlDecode';
import { CodebookFileError, readQdeCodebook, type QdcCodebook } from './qdcRead';

/** A codebook read from a file, with what the user should know about how it was read. */
export interface ReadCodebook {
  codebook: QdcCodebook;
  warnings: string[];
}

/** Reads the codebook from .qdpx bytes. Throws CodebookFileError with the reason the archive cannot be read. */
export function readQdpxCodebook(bytes: Uint8Array): QdcCodebook {
  return readQdpxCodebookWithWarnings(bytes).codebook;
}

export function readQdpxCodebookWithWarnings(bytes: Uint8Array): ReadCodebook {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) throw new CodebookFileError(`This file is not a REFI-QDA project archive: ${lowerFirst(directory.reason)}`);
  const name = pickProjectFile(directory.entries.map((e) => e.name).filter((n) => /\.qde$/i.test(n)));
  if (name === undefined) throw new CodebookFileError('This archive has no REFI-QDA project file (.qde).');
  const entry = directory.entries.find((e) => e.name === name)!;
  // The sources beside the project file are never inflated, so only the entry count and the
  // project file itself are held to limits.
  const refused =
    checkZipLimits([entry], { ...ZIP_LIMITS, maxTotalUncompressedBytes: CODEBOOK_LIMITS.maxProjectFileBytes }) ??
    (directory.entries.length > ZIP_LIMITS.maxEntries ? tooManyEntries(directory.entries) : null);
  if (refused) throw new CodebookFileError(refused);
  const data = extractEntry(bytes, entry);
  if (!data.ok) throw new CodebookFileError(data.reason);
  const decoded = decodeXmlBytes(data.data);
  return { codebook: readQdeCodebook(decoded.text), warnings: decoded.warnings };
}

function tooManyEntries(entries: readonly ZipEntry[]): string {
  return `This archive holds ${entries.length.toLocaleString('en')} files; at most ${ZIP_LIMITS.maxEntries.toLocaleString('en')} are accepted.`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** project.qde at the top if present, else any .qde at the top, else the first one anywhere. */
function pickProjectFile(names: readonly string[]): string | undefined {
  const top = names.filter((n) => !n.includes('/'));
  return (
    top.find((n) => n.toLowerCase() === 'project.qde') ??
    top[0] ??
    names.find((n) => n.toLowerCase().endsWith('/project.qde')) ??
    names[0]
  );
}
