// Reads a codebook file the user picked: a CSV (ours, Taguette's, MAXQDA's, in whatever encoding
// the tool saved it), a REFI-QDA codebook (.qdc), or the codebook inside a REFI-QDA project
// (.qdpx archive or bare .qde). Pure, so the renderer runs it in a worker with a time limit and
// tests call it directly. What was read in a way the user should check comes back as warnings.
import { decodeWithEncoding, detectEncoding } from '../import/encoding';
import { CODEBOOK_LIMITS, formatBytes } from '../import/limits';
import { readQdc, readQdeCodebook, CodebookFileError, type QdcCodebook } from '../refi/qdcRead';
import { readQdpxCodebookWithWarnings } from '../refi/qdpxCodebook';
import { decodeXmlBytes } from '../refi/xmlDecode';

/** What the import plan reads: CSV text, or a REFI-QDA codebook. */
export type CodebookFile = { kind: 'csv'; text: string } | { kind: 'refi'; codebook: QdcCodebook };

export interface ReadCodebookFile {
  file: CodebookFile;
  /** For the preview: "REFI-QDA codebook (.qdc) from ATLAS.ti Win 23.4.0", "CSV". */
  description: string;
  /** How the file was read, when the user should check it (an encoding guessed, say). */
  warnings: string[];
}

export type CodebookFileResult = ({ ok: true } & ReadCodebookFile) | { ok: false; reason: string };

type Kind = 'csv' | 'qdc' | 'qde' | 'qdpx';

function kindOf(name: string, bytes: Uint8Array): Kind {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'qdc' || extension === 'qde' || extension === 'qdpx') return extension;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'qdpx'; // "PK": a zip archive
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return /<(\w+:)?Project[\s>]/.test(head) ? 'qde' : 'qdc';
  return 'csv';
}

/** The largest file of this name the import reads; checked against the size before reading. */
export { codebookSizeLimit } from './codebookSizeLimit';

/** Throws CodebookFileError with a message for the user when the file cannot be a codebook. */
export function readCodebookFile(name: string, bytes: Uint8Array): ReadCodebookFile {
  const kind = kindOf(name, bytes);
  const limit = kind === 'qdpx' ? CODEBOOK_LIMITS.maxArchiveBytes : CODEBOOK_LIMITS.maxCodebookBytes;
  if (bytes.byteLength > limit) throw new CodebookFileError(`The file is larger than the ${formatBytes(limit)} limit for a codebook.`);
  if (bytes.byteLength === 0) throw new CodebookFileError('The file is empty.');
  const from = (origin: string | null): string => (origin ? ` from ${origin}` : '');
  switch (kind) {
    case 'qdc': {
      const { text, warnings } = decodeXmlBytes(bytes);
      const codebook = readQdc(text);
      return { file: { kind: 'refi', codebook }, description: `REFI-QDA codebook (.qdc)${from(codebook.origin)}`, warnings };
    }
    case 'qde': {
      const { text, warnings } = decodeXmlBytes(bytes);
      const codebook = readQdeCodebook(text);
      return { file: { kind: 'refi', codebook }, description: `REFI-QDA project (.qde)${from(codebook.origin)}`, warnings };
    }
    case 'qdpx': {
      const { codebook, warnings } = readQdpxCodebookWithWarnings(bytes);
      return { file: { kind: 'refi', codebook }, description: `REFI-QDA project (.qdpx)${from(codebook.origin)}`, warnings };
    }
    case 'csv': {
      const guess = detectEncoding(bytes);
      const decoded = decodeWithEncoding(bytes, guess.label);
      if (!decoded.ok) throw new CodebookFileError(decoded.reason);
      const warnings = guess.basis === 'detector' || guess.basis === 'fallback' ? [notUtf8Warning(decoded.name)] : [];
      return { file: { kind: 'csv', text: decoded.text }, description: `CSV (${decoded.name})`, warnings };
    }
  }
}

/** The same, as a result: a file that is no codebook, or a reader that failed, gives a reason. */
export function readCodebookFileResult(name: string, bytes: Uint8Array): CodebookFileResult {
  try {
    return { ok: true, ...readCodebookFile(name, bytes) };
  } catch (error) {
    if (error instanceof CodebookFileError) return { ok: false, reason: error.message };
    // A stack overflow on absurd nesting, say: still a sentence for the user.
    return { ok: false, reason: 'This file could not be read as a codebook (it may be damaged).' };
  }
}

export function notUtf8Warning(encodingName: string): string {
  return `This file is not valid UTF-8, so it was read as ${encodingName} (a guess). Check that names and letters read correctly before importing.`;
}
