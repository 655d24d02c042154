// Reads a zip archive's central directory (names, sizes, where each entry's data lies) without
// inflating anything, so limits can be checked before a single byte is decompressed.
// Hand-written rather than fflate's `unzipSync({ filter })` listing because we also need each
// entry's data offset, to inflate it ourselves with a byte budget (see extract.ts).

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate; anything else is refused when extracted. */
  method: number;
  encrypted: boolean;
  /** The CRC-32 the directory declares for the uncompressed data. */
  crc32: number;
  compressedSize: number;
  /** As the directory declares it; extraction checks the real size against it. */
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipDirectoryResult = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;

const DAMAGED = 'The file is not a readable zip package (it may be damaged or incomplete).';

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_MIN_LENGTH;
  const first = Math.max(0, last - MAX_COMMENT_LENGTH);
  for (let i = last; i >= first; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

export function readZipDirectory(bytes: Uint8Array): ZipDirectoryResult {
  if (bytes.byteLength < EOCD_MIN_LENGTH) return { ok: false, reason: DAMAGED };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return { ok: false, reason: DAMAGED };
  const entryCount = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  const zip64 =
    (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIGNATURE) ||
    entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff;
  // ZIP64 exists for archives over 4 GB or 65,535 entries; no document we accept needs it, and
  // refusing it keeps this reader small.
  if (zip64) return { ok: false, reason: 'This package uses the ZIP64 format, which is only needed for archives far larger than a document.' };
  if (directoryOffset + directorySize > eocd) return { ok: false, reason: DAMAGED };

  const names = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return { ok: false, reason: DAMAGED };
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      encrypted: (flags & 1) === 1,
      crc32: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    if (entry.localHeaderOffset >= directoryOffset) return { ok: false, reason: DAMAGED };
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}
