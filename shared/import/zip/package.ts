// Opens a zip-based document (.docx, .odt, .xlsx) safely: checks the directory against the
// limits, then inflates only the entries a parser asks for, each within its declared size.
import { readZipDirectory, type ZipEntry } from './directory';
import { checkZipLimits, type ZipLimits } from './guard';
import { extractEntry } from './extract';
import { ZIP_LIMITS } from '../limits';

export interface ZipPackage {
  entries: readonly ZipEntry[];
  has(name: string): boolean;
  /** The entry's bytes, or a reason (damaged, bomb). */
  read(name: string): { ok: true; data: Uint8Array } | { ok: false; reason: string };
  /** The entry as UTF-8 text (document XML is UTF-8 by the OOXML and ODF specifications). */
  readText(name: string): { ok: true; text: string } | { ok: false; reason: string };
}

export type OpenPackageResult = { ok: true; zip: ZipPackage } | { ok: false; reason: string };

export function openZipPackage(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): OpenPackageResult {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return directory;
  const refused = checkZipLimits(directory.entries, limits);
  if (refused) return { ok: false, reason: refused };
  const byName = new Map(directory.entries.map((e) => [e.name, e]));
  const read: ZipPackage['read'] = (name) => {
    const entry = byName.get(name);
    if (!entry) return { ok: false, reason: `The package has no “${name}”.` };
    return extractEntry(bytes, entry);
  };
  return {
    ok: true,
    zip: {
      entries: directory.entries,
      has: (name) => byName.has(name),
      read,
      readText(name) {
        const data = read(name);
        if (!data.ok) return data;
        return { ok: true, text: new TextDecoder('utf-8').decode(data.data) };
      },
    },
  };
}
