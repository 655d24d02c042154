// Normalisation applied once, on import. The result is stored and never changes again, so every
// offset in the project refers to it. Only line endings and the BOM change: Unicode is left as
// written (no NFC), because researchers quote their sources exactly.

/** Drops a leading BOM and turns CRLF and lone CR into LF. */
export function normaliseImportedText(raw: string): string {
  const withoutBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return withoutBom.replace(/\r\n?/g, '\n');
}
