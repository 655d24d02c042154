// The one rule for placing a new item after its siblings (codes under a parent, sources, cases,
// attributes): one past the largest `order` among them, 0 when there are none. Counting the
// siblings instead would repeat an order after a deletion; `order` only sorts, so gaps are fine.
export function nextOrder(siblings: Iterable<{ readonly order?: number | undefined }>): number {
  let next = 0;
  for (const { order } of siblings) {
    if (order !== undefined && order + 1 > next) next = order + 1;
  }
  return next;
}
