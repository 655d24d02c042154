// The one binary search: over indexes 0…length-1 split into a leading run where `isBefore(i)`
// holds and a trailing run where it does not, the index where the second run starts (length when
// every index is before). Named after Rust's `slice::partition_point`; callers phrase their
// question as "is this entry before what I look for?" (sorted offsets, page starts, matches).
export function partitionPoint(length: number, isBefore: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
