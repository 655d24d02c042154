// How large a picked codebook file may be, by its name: checked before its bytes are read, so it
// lives apart from the reader (readCodebookFile.ts), which brings the parsers and the encoding
// detector with it; the page thread needs only this.
import { CODEBOOK_LIMITS } from '../import/limits';

export function codebookSizeLimit(name: string): number {
  return /\.qdpx$/i.test(name) ? CODEBOOK_LIMITS.maxArchiveBytes : CODEBOOK_LIMITS.maxCodebookBytes;
}
