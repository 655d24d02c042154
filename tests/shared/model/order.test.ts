import { describe, expect, it } from 'vitest';
import { nextOrder } from '../../../shared/model/order';

describe('nextOrder', () => {
  it('places a new item after every sibling, even after gaps left by deletions', () => {
    expect(nextOrder([])).toBe(0);
    expect(nextOrder([{ order: 0 }, { order: 1 }])).toBe(2);
    // Three siblings, but the largest order is 7: counting would give 3 and collide.
    expect(nextOrder([{ order: 7 }, { order: 2 }, { order: 3 }])).toBe(8);
  });

  it('ignores siblings without an order', () => {
    expect(nextOrder([{ order: undefined }, { order: 4 }, {}])).toBe(5);
  });
});
