// Reads a codebook file the user picked: a CSV (ours, Taguette's, MAXQDA's, in whatever encoding
// the tool saved it), a REFI-QDA codebook (.qdc), or the codebook inside a REFI-QDA project
// (.qdpx archive or bare .qde). Files are read in the renderer through a file input in both hosts:
// the bytes never need main, and a file input works inside Electron as in a browser.
import { readQdc, readQdeCodebook, CodebookFileError } from '../../../../shared/refi/qdcRead';
import { readQdpxCodebook } from '../../../../shared/refi/qdpxCodebook';
import { decodeWithEncoding, detectEncoding } from '../../../../shared/import/encoding';
import type { CodebookFile } from '../../db/operations/codebook';

/** A project archive carries its sources too; only its small project file is inflated. */
export const MAX_ARCHIVE_BYTES = 500 * 1024 * 1024;
export const MAX_CODEBOOK_BYTES = 20 * 1024 * 1024;

export const CODEBOOK_FILE_ACCEPT = '.csv,.tsv,.txt,.qdc,.qdpx,.qde,.xml';

export interface ReadCodebookFile {
  file: CodebookFile;
  /** For the preview: "REFI-QDA codebook (.qdc) from ATLAS.ti Win 23.4.0", "CSV". */
  description: string;
}

type Kind = 'csv' | 'qdc' | 'qde' | 'qdpx';

function kindOf(name: string, bytes: Uint8Array): Kind {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'qdc' || extension === 'qde' || extension === 'qdpx') return extension;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'qdpx'; // "PK": a zip archive
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return /<(\w+:)?Project[\s>]/.test(head) ? 'qde' : 'qdc';
  return 'csv';
}

function xmlText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** Throws CodebookFileError with a message for the user when the file cannot be a codebook. */
export function readCodebookFile(name: string, bytes: Uint8Array): ReadCodebookFile {
  const kind = kindOf(name, bytes);
  const limit = kind === 'qdpx' ? MAX_ARCHIVE_BYTES : MAX_CODEBOOK_BYTES;
  if (bytes.byteLength > limit) throw new CodebookFileError(`The file is larger than the ${limit / 1024 / 1024} MB limit for a codebook.`);
  if (bytes.byteLength === 0) throw new CodebookFileError('The file is empty.');
  const from = (origin: string | null): string => (origin ? ` from ${origin}` : '');
  switch (kind) {
    case 'qdc': {
      const codebook = readQdc(xmlText(bytes));
      return { file: { kind: 'refi', codebook }, description: `REFI-QDA codebook (.qdc)${from(codebook.origin)}` };
    }
    case 'qde': {
      const codebook = readQdeCodebook(xmlText(bytes));
      return { file: { kind: 'refi', codebook }, description: `REFI-QDA project (.qde)${from(codebook.origin)}` };
    }
    case 'qdpx': {
      const codebook = readQdpxCodebook(bytes);
      return { file: { kind: 'refi', codebook }, description: `REFI-QDA project (.qdpx)${from(codebook.origin)}` };
    }
    case 'csv': {
      const guess = detectEncoding(bytes);
      const decoded = decodeWithEncoding(bytes, guess.label);
      if (!decoded.ok) throw new CodebookFileError(decoded.reason);
      return { file: { kind: 'csv', text: decoded.text }, description: `CSV (${decoded.name})` };
    }
  }
}
