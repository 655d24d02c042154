// The one shape every import parser returns: the text to store, or a reason the user can read.
// Parsers never throw for bad input; a thrown error is a bug, a `reason` is a bad file.
import { MAX_SOURCE_CHARS, tooMuchTextReason } from './limits';

export interface ParsedText {
  ok: true;
  /** The source's text, already normalised (LF line endings, no BOM): what offsets index. */
  text: string;
  /** How the bytes were decoded, for display ("UTF-8", "Windows-1252"); absent for binary formats. */
  encoding?: string;
  /** The WHATWG label the bytes were decoded with ("utf-8", "windows-1252"), for text formats. */
  encodingLabel?: string;
  /**
   * For paged formats (PDF), the UTF-16 offset in `text` where each page starts, in page order:
   * `pageStarts[11]` is where page 12 begins, so a segment can cite "p. 12".
   */
  pageStarts?: number[];
  /** Things the user should know but that did not stop the import (lost images, odd bytes). */
  warnings?: string[];
}

export interface ParseFailure {
  ok: false;
  /** A sentence for the user saying what is wrong with the file and, if possible, what to do. */
  reason: string;
}

export type ParseResult = ParsedText | ParseFailure;

export function fail(reason: string): ParseFailure {
  return { ok: false, reason };
}

/**
 * Every source's last check, whatever its format: text past MAX_SOURCE_CHARS is refused (a
 * parser that can expand its input, as .odt can, also counts while it reads).
 */
export function limitSourceLength<T extends ParseResult>(result: T): T | ParseFailure {
  return result.ok && result.text.length > MAX_SOURCE_CHARS ? fail(tooMuchTextReason()) : result;
}
