// A small seeded pseudo-random generator (mulberry32, public domain, Tommy Ettinger 2017) and
// the draws the bootstrap needs from it. Seeded so that the same data and seed give the same
// confidence interval on every machine, in the app and on the command line.

/** Uniform numbers in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
function normal(random: () => number): number {
  const u = 1 - random(); // (0, 1]: log(0) must not happen
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * A Binomial(n, p) draw. Exact (inversion of the CDF, expected O(n·min(p, 1−p)) steps) while
 * n·min(p, 1−p) < 50; beyond that the normal approximation with continuity correction, whose
 * error there is far below the bootstrap's own sampling error.
 */
export function binomial(random: () => number, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(random, n, 1 - p);
  const mean = n * p;
  if (mean < 50) {
    const q = 1 - p;
    const ratio = p / q;
    let prob = Math.pow(q, n);
    let cdf = prob;
    const u = random();
    let x = 0;
    while (u > cdf && x < n) {
      prob *= (ratio * (n - x)) / (x + 1);
      x++;
      cdf += prob;
      if (prob === 0) break; // underflow far in the tail: stop at the largest reachable value
    }
    return x;
  }
  const x = Math.round(mean + Math.sqrt(mean * (1 - p)) * normal(random));
  return Math.min(n, Math.max(0, x));
}

/**
 * How many of `total` draws with replacement land on each item, items weighted by `weights`
 * (a multinomial draw by conditional binomials): a resample of `total` units in O(items) draws
 * rather than O(total), which matters when a unit stands for thousands of identical characters.
 */
export function multinomial(random: () => number, total: number, weights: ArrayLike<number>): number[];
/** The same draw into `into`, a buffer the caller reuses across draws (a bootstrap draws a thousand times). */
export function multinomial<T extends number[] | Float64Array>(random: () => number, total: number, weights: ArrayLike<number>, into: T): T;
export function multinomial(random: () => number, total: number, weights: ArrayLike<number>, into?: number[] | Float64Array): number[] | Float64Array {
  let remainingWeight = 0;
  for (let i = 0; i < weights.length; i++) remainingWeight += weights[i]!;
  let remaining = total;
  const out = into ?? new Array<number>(weights.length);
  for (let i = 0; i < weights.length; i++) out[i] = 0;
  for (let i = 0; i < weights.length && remaining > 0; i++) {
    const w = weights[i]!;
    const x = i === weights.length - 1 || w >= remainingWeight ? remaining : binomial(random, remaining, w / remainingWeight);
    out[i] = x;
    remaining -= x;
    remainingWeight -= w;
  }
  return out;
}
