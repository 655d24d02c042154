// When two codings are "the same": one code on the same span of the same source. Merging and
// copying use it to collapse duplicates instead of stacking identical highlights.
import type { CodingSpan } from '../model/types';

/**
 * A key for a span under a given code. The coder is deliberately not part of it: two coders'
 * identical codings under one code after a merge say nothing more than one does.
 */
export function spanKey(span: Pick<CodingSpan, 'sourceId' | 'start' | 'end'>, codeId: string): string {
  return `${codeId}\u0000${span.sourceId}\u0000${span.start}\u0000${span.end}`;
}
