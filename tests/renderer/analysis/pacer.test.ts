// A paced backup rests in proportion to the work it did since it last rested, so that it takes
// about the given share of a core; a long step never buys an unbounded rest, a short one none.
import { describe, expect, it } from 'vitest';
import { pacer } from '../../../renderer/src/analysis/pacer';

function fakeTime() {
  let now = 0;
  const rests: number[] = [];
  return {
    clock: () => now,
    work: (ms: number) => {
      now += ms;
    },
    sleep: async (ms: number) => {
      rests.push(ms);
      now += ms;
    },
    rests,
  };
}

describe('pacer', () => {
  it('rests so that the work takes its share of the time', async () => {
    const time = fakeTime();
    const pause = pacer(0.4, time.clock, time.sleep);
    for (let i = 0; i < 10; i++) {
      time.work(60);
      await pause();
    }
    // 60 ms of work at a 40 % share is followed by 90 ms of rest: 600 ms of work in 1,500.
    expect(time.rests).toEqual(Array(10).fill(90));
    expect(time.clock()).toBe(1500);
  });

  it('does not rest after almost no work, and bounds the rest after a long step', async () => {
    const time = fakeTime();
    const pause = pacer(0.5, time.clock, time.sleep);
    time.work(0.5);
    await pause();
    expect(time.rests).toEqual([]);
    time.work(5_000);
    await pause();
    expect(time.rests).toEqual([400]);
  });
});
