// The checks every zip-based office format shares (.docx, .odt, .xlsx): size, that the bytes are
// a zip at all, that it is not an encrypted or pre-2007 Office file, and that it is no zip bomb.
import { BINARY_KIND_DESCRIPTIONS, isZip, sniffBinaryKind } from '../magic';
import { formatBytes } from '../limits';
import { zipSync, type Zippable } from 'fflate';
import { openZipPackage, type ZipPackage } from '../zip/package';

export interface ContainerKind {
  /** How the user knows the format, with its article: "a Word document (.docx)". */
  title: string;
  maxBytes: number;
  /** What to do with an OLE2 file given this extension: it is encrypted, or the older binary format. */
  ole2Advice: string;
}

export type OpenContainerResult = { ok: true; zip: ZipPackage } | { ok: false; reason: string };

export function openOfficeContainer(bytes: Uint8Array, kind: ContainerKind): OpenContainerResult {
  if (bytes.byteLength === 0) return { ok: false, reason: 'This file is empty (0 bytes).' };
  if (bytes.byteLength > kind.maxBytes) {
    return { ok: false, reason: `This file is ${formatBytes(bytes.byteLength)}; ${kind.title} can be at most ${formatBytes(kind.maxBytes)}.` };
  }
  if (!isZip(bytes)) {
    const found = sniffBinaryKind(bytes.subarray(0, 8192));
    // Office wraps password-protected .docx/.xlsx in an OLE2 container, the same one the
    // pre-2007 .doc/.xls formats use; from the outside the two cannot be told apart.
    if (found === 'ole2') return { ok: false, reason: kind.ole2Advice };
    const looks = found ? ` (it looks like ${BINARY_KIND_DESCRIPTIONS[found]})` : '';
    return { ok: false, reason: `This file is not ${kind.title}${looks}. It may have been renamed or damaged.` };
  }
  return openZipPackage(bytes);
}

/**
 * An uncompressed copy of the package's XML parts, for libraries that unzip on their own
 * without limits (mammoth, read-excel-file): every part is first inflated here within its
 * declared size, so what they are handed cannot expand. Media and other binaries are left out.
 */
export function repackXmlParts(
  zip: ZipPackage,
  /** Checks or rewrites a part's text before the library sees it (the .xlsx sheets' extents). */
  rewrite?: (name: string, text: string) => { ok: true; text: string } | { ok: false; reason: string } | null,
): { ok: true; bytes: Uint8Array } | { ok: false; reason: string } {
  const parts: Zippable = {};
  for (const entry of zip.entries) {
    if (!entry.name.endsWith('.xml') && !entry.name.endsWith('.rels')) continue;
    const data = zip.read(entry.name);
    if (!data.ok) return data;
    const rewritten = rewrite?.(entry.name, new TextDecoder('utf-8').decode(data.data)) ?? null;
    if (rewritten && !rewritten.ok) return rewritten;
    parts[entry.name] = [rewritten ? new TextEncoder().encode(rewritten.text) : data.data, { level: 0 }];
  }
  return { ok: true, bytes: zipSync(parts, { level: 0 }) };
}
