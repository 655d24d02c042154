// Spans of one source sorted by start, with the greatest end so far, so "which spans reach into
// [lo, hi]" is a binary search and a short walk back instead of a scan: what queries ask of
// every coding.

export interface Span {
  start: number;
  end: number;
}

export class SortedSpans<T extends Span> {
  readonly list: T[];
  private readonly maxEnd: number[];

  constructor(spans: Iterable<T>) {
    this.list = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
    let max = -Infinity;
    this.maxEnd = this.list.map((s) => (max = Math.max(max, s.end)));
  }

  /** Position of the first span starting after `offset` (every span before it starts at or before). */
  private after(offset: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.list[mid]!.start <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Spans with start ≤ hi and end ≥ lo (both inclusive), in start order. */
  reaching(lo: number, hi: number): T[] {
    const out: T[] = [];
    for (let i = this.after(hi) - 1; i >= 0 && this.maxEnd[i]! >= lo; i--) {
      if (this.list[i]!.end >= lo) out.push(this.list[i]!);
    }
    return out.reverse();
  }

  /** Spans sharing at least one character with [start, end): touching ones do not. */
  overlapping(start: number, end: number): T[] {
    if (end <= start) return [];
    return this.reaching(start + 1, end - 1).filter((s) => s.end > s.start && s.start < end && s.end > start);
  }

  /** Spans starting in [from, to] (both inclusive), in start order. */
  startingIn(from: number, to: number): T[] {
    const out: T[] = [];
    for (let i = this.after(from - 1); i < this.list.length && this.list[i]!.start <= to; i++) out.push(this.list[i]!);
    return out;
  }
}

/** The characters covered by some span, as sorted disjoint spans (touching spans join). */
export function coverOf(spans: Iterable<Span>): Span[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Where two covers (sorted, disjoint) both apply. */
export function intersectCovers(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (end > start) out.push({ start, end });
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return out;
}
