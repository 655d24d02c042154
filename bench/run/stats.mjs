// Summaries of repeated measurements: median and 95th percentile (nearest rank), over every
// sample of every run.

/** @param {number[]} samples */
export function summarise(samples) {
  const sorted = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const rank = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  return {
    median: sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2,
    p95: rank(0.95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    n: sorted.length,
  };
}
