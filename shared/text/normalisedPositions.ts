// A source text as another tool stored it, normalised the way Marginalia normalises on import
// (normaliseImportedText: CR LF and lone CR become LF), with a map from the file's positions to
// offsets in the normalised text, so selections made in the original land on the same characters.
//
// Positions in the file count Unicode code points of the text as stored (after its BOM, which is
// not part of the text), CR and LF of a CR LF pair counting as two: that is what the REFI-QDA
// standard's code-point rule says. A position between the CR and the LF of a pair maps to the
// start of the (single) line break.
import { normaliseImportedText } from './normalise';
import { createOffsetConverter } from './offsets';

export interface NormalisedText {
  /** The normalised text (what the project stores). */
  text: string;
  /** Length of the file's text in code points: the largest valid position. */
  codePointLength: number;
  /** True when the text had CR LF or lone CR line ends (the normalised text has fewer units). */
  hadCarriageReturns: boolean;
  /** The UTF-16 offset in `text` of a code-point position in the file text, or null when out of range. */
  toOffset(position: number): number | null;
  /**
   * The same for a tool that counts each line end as one position (code points of the
   * normalised text): some tools write positions that way for CR LF texts.
   */
  toOffsetCountingLineEndsAsOne(position: number): number | null;
  /** Length of the normalised text in code points. */
  normalisedCodePointLength: number;
}

/** `normalise: false` keeps the text exactly (Marginalia's own files store normalised text already). */
export function normaliseWithPositions(stored: string, normalise = true): NormalisedText {
  const fileText = stored.charCodeAt(0) === 0xfeff ? stored.slice(1) : stored;
  const converter = createOffsetConverter(fileText);
  const text = normalise ? normaliseImportedText(fileText) : fileText;
  // UTF-16 offsets (in the file text) of every CR that is dropped: the CR of each CR LF pair.
  const dropped: number[] = [];
  if (normalise) {
    for (let i = fileText.indexOf('\r'); i !== -1; i = fileText.indexOf('\r', i + 1)) {
      if (fileText.charCodeAt(i + 1) === 0x0a) dropped.push(i);
    }
  }
  const normalisedConverter = normalise && text !== fileText ? createOffsetConverter(text) : converter;
  return {
    text,
    codePointLength: converter.codePointLength,
    normalisedCodePointLength: normalisedConverter.codePointLength,
    toOffsetCountingLineEndsAsOne(position) {
      if (!Number.isInteger(position) || position < 0 || position > normalisedConverter.codePointLength) return null;
      return normalisedConverter.toUtf16(position);
    },
    hadCarriageReturns: normalise && fileText.includes('\r'),
    toOffset(position) {
      if (!Number.isInteger(position) || position < 0 || position > converter.codePointLength) return null;
      const unit = converter.toUtf16(position);
      // Dropped CRs strictly before `unit` each shift it left by one; a position just after a
      // dropped CR (between CR and LF) lands where that CR was.
      let lo = 0;
      let hi = dropped.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (dropped[mid]! < unit) lo = mid + 1;
        else hi = mid;
      }
      return unit - lo;
    },
  };
}
