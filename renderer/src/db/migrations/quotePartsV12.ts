// The v12 upgrade's step, frozen: a source's v7 columns and quotes row become v12 columns (each
// coding's quotes in part 0, in the columns' order) and that part. An upgrade must write exactly
// the layout its version defines, so it never calls live code that a later version may change.
import type { SourceCodingsV7, SourceQuotesV7 } from './packCodingsV7';

/** The v12 `sourceCodings` record: v7's plus where each coding's quotes are. */
export interface SourceCodingsV12 extends SourceCodingsV7 {
  quoteParts: number[];
  quotePartSizes: number[];
  quotePart: Uint32Array;
  quoteIndex: Uint32Array;
}

/** The v12 `quoteParts` record. */
export interface QuotePartV12 {
  sourceId: string;
  part: number;
  projectId: string;
  exact: string;
  exactEnds: Uint32Array;
  prefix: string;
  prefixEnds: Uint32Array;
  suffix: string;
  suffixEnds: Uint32Array;
}

function joined(values: readonly string[], n: number): { text: string; ends: Uint32Array } {
  const ends = new Uint32Array(n);
  const parts = new Array<string>(n);
  let length = 0;
  for (let i = 0; i < n; i++) {
    // A missing quotes row, or a short one, read as empty quotes in v7.
    const value = values[i] ?? '';
    parts[i] = value;
    length += value.length;
    ends[i] = length;
  }
  return { text: parts.join(''), ends };
}

export function quotePartsV12(columns: SourceCodingsV7, quotes: SourceQuotesV7 | undefined): { columns: SourceCodingsV12; part: QuotePartV12 } {
  const n = columns.starts.length;
  const quoteIndex = new Uint32Array(n);
  for (let i = 0; i < n; i++) quoteIndex[i] = i;
  const exact = joined(quotes?.exact ?? [], n);
  const prefix = joined(quotes?.prefix ?? [], n);
  const suffix = joined(quotes?.suffix ?? [], n);
  return {
    columns: { ...columns, quoteParts: [0], quotePartSizes: [n], quotePart: new Uint32Array(n), quoteIndex },
    part: { sourceId: columns.sourceId, part: 0, projectId: columns.projectId, exact: exact.text, exactEnds: exact.ends, prefix: prefix.text, prefixEnds: prefix.ends, suffix: suffix.text, suffixEnds: suffix.ends },
  };
}
