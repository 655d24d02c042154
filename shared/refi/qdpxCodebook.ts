// The codebook of a REFI-QDA project archive (.qdpx): a ZIP whose project file is usually
// project.qde, though some tools name it after the project or vary the case.
import { unzipSync } from 'fflate';
import { CodebookFileError, readQdeCodebook, type QdcCodebook } from './qdcRead';

/** Reads the codebook from .qdpx bytes. Throws CodebookFileError when there is no project file. */
export function readQdpxCodebook(bytes: Uint8Array): QdcCodebook {
  let entries: Record<string, Uint8Array>;
  try {
    // Only the .qde is inflated; the sources (possibly hundreds of megabytes) are skipped.
    entries = unzipSync(bytes, { filter: (file) => /\.qde$/i.test(file.name) });
  } catch (error) {
    throw new CodebookFileError(`This file is not a REFI-QDA project archive: ${(error as Error).message}`);
  }
  const name = pickProjectFile(Object.keys(entries));
  if (name === undefined) throw new CodebookFileError('This archive has no REFI-QDA project file (.qde).');
  const xml = new TextDecoder('utf-8').decode(entries[name]!);
  return readQdeCodebook(xml);
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
