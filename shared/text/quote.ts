// The TextQuote part of a coding's anchor (W3C Web Annotation): the exact text plus context.

/** Code units of context kept on each side of a coded span. */
export const QUOTE_CONTEXT = 32;

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export function quoteAt(text: string, start: number, end: number): TextQuote {
  let prefixStart = Math.max(0, start - QUOTE_CONTEXT);
  let suffixEnd = Math.min(text.length, end + QUOTE_CONTEXT);
  // Never cut a surrogate pair in half at the context edges.
  if (isLowSurrogate(text.charCodeAt(prefixStart)) && prefixStart > 0) prefixStart++;
  if (isLowSurrogate(text.charCodeAt(suffixEnd)) && suffixEnd < text.length) suffixEnd--;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
