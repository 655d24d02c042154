// Plain text (.txt) and Markdown (.md): decoded with a detected or user-chosen encoding and
// normalised. Markdown is kept as written, marks and all: researchers quote sources exactly,
// and stripping `**` or `#` would silently change what a coding's offsets point into.
import { normaliseImportedText } from '../../text/normalise';
import { decodeWithEncoding, detectEncoding, sniffBom, sniffUtf16WithoutBom, type EncodingGuess } from '../encoding';
import { BINARY_KIND_DESCRIPTIONS, looksBinary, sniffBinaryKind } from '../magic';
import { MAX_FILE_BYTES, formatBytes } from '../limits';
import { fail, type ParseFailure, type ParsedText } from '../result';

export interface TextParseOptions {
  /** WHATWG label chosen by the user; detected when absent. */
  encoding?: string;
}

export type TextParseResult = (ParsedText & { encodingGuess?: EncodingGuess }) | ParseFailure;

/** Refuses what is plainly not text, before any decoding. Shared by the text-like formats. */
export function checkLooksLikeText(bytes: Uint8Array, formatName: string, maxBytes: number): ParseFailure | null {
  if (bytes.byteLength === 0) return fail('This file is empty (0 bytes).');
  if (bytes.byteLength > maxBytes) {
    return fail(`This file is ${formatBytes(bytes.byteLength)}; ${formatName} files can be at most ${formatBytes(maxBytes)}.`);
  }
  const head = bytes.subarray(0, 8192);
  const kind = sniffBinaryKind(head);
  if (kind) return fail(`This file is not text (it looks like ${BINARY_KIND_DESCRIPTIONS[kind]}).`);
  // UTF-16 is full of zero bytes, which `looksBinary` would otherwise take for binary data.
  if (!sniffBom(head) && !sniffUtf16WithoutBom(head) && looksBinary(head)) {
    return fail('This file is not text (it looks like binary data).');
  }
  return null;
}

export function parseTextFile(bytes: Uint8Array, options: TextParseOptions = {}): TextParseResult {
  const refused = checkLooksLikeText(bytes, 'Text', MAX_FILE_BYTES.text);
  if (refused) return refused;
  const guess = options.encoding === undefined ? detectEncoding(bytes) : undefined;
  const label = guess?.label ?? options.encoding ?? 'utf-8';
  const decoded = decodeWithEncoding(bytes, label);
  if (!decoded.ok) return decoded;
  // A NUL that survived decoding means binary data in a text-looking wrapper.
  if (decoded.text.includes('\u0000')) return fail('This file is not text (it contains binary data).');
  const text = normaliseImportedText(decoded.text);
  if (text.trim() === '') return fail('This file holds no text (only spaces or blank lines).');
  const warnings = decoded.replacedSequences > 0 ? [replacementWarning(decoded.replacedSequences, decoded.name)] : undefined;
  return {
    ok: true,
    text,
    encoding: decoded.name,
    encodingLabel: label,
    ...(guess ? { encodingGuess: guess } : {}),
    ...(warnings ? { warnings } : {}),
  };
}

export function replacementWarning(count: number, encodingName: string): string {
  const what = count === 1 ? '1 character' : `${count} characters`;
  return `${what} could not be read as ${encodingName} and show as �. If the preview looks wrong, choose another encoding.`;
}
