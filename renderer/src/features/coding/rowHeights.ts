// Row heights for the virtualised document before a row is rendered: estimated from the paragraph's
// length with metrics taken from rows already measured. An estimate that matches the measured
// height means a newly rendered row moves nothing; a wrong one (a constant 26 px against rows of
// 33 px and more) made the virtualizer recompute the offsets of every row on each scroll step.

/** What a row's height follows from, measured on rendered rows at the current column width. */
export interface RowMetrics {
  /** Height of a row whose paragraph fits on one line (padding included). */
  oneLine: number;
  /** Height each further line adds. */
  perLine: number;
  /** Characters a line holds on average, after wrapping at word boundaries. */
  charsPerLine: number;
}

/** One rendered row, as the DOM measured it. */
export interface RowSample {
  /** Characters in the paragraph. */
  length: number;
  /** The row's height, as the virtualizer measures it. */
  height: number;
  /** Line boxes the paragraph's text takes. */
  lines: number;
  /** Distance between consecutive lines (from the line boxes, or the computed line-height); null if unknown. */
  lineHeight: number | null;
  /** Width of the text column, and the summed width of the text's line boxes. */
  columnWidth: number;
  inkWidth: number;
}

/** Whole pixels, as the virtualizer measures rows (offsetHeight, rounded border box). */
export function estimateRowHeight(length: number, metrics: RowMetrics): number {
  const lines = Math.max(1, Math.ceil(length / metrics.charsPerLine));
  return Math.round(metrics.oneLine + metrics.perLine * (lines - 1));
}

/** Metrics fitted to measured rows, or null when the rows say too little (none, or no line height). */
export function deriveRowMetrics(samples: readonly RowSample[]): RowMetrics | null {
  const perLine = median(samples.flatMap((s) => (s.lineHeight && s.lineHeight > 0 ? [s.lineHeight] : [])));
  if (perLine === null) return null;
  // Fractional heights, rounded only in the estimate: the virtualizer rounds what it measures.
  const oneLine = median(samples.map((s) => s.height - perLine * (s.lines - 1)));
  if (oneLine === null) return null;
  const charsPerLine = fittedCharsPerLine(samples) ?? charsPerLineFromWidth(samples);
  if (charsPerLine === null) return null;
  return { oneLine, perLine, charsPerLine: Math.max(1, charsPerLine) };
}

/**
 * The characters per line that put the most sampled rows on the number of lines they measured:
 * a paragraph of n characters takes L lines for any value in [n / L, n / (L − 1)), so this is the
 * point covered by the most of those intervals. Fitting the count of lines directly beats
 * averaging (word wrapping leaves a varying gap at each line's end). Null when no sampled
 * paragraph wraps: then the samples only bound it from below.
 */
function fittedCharsPerLine(samples: readonly RowSample[]): number | null {
  const events: Array<[number, number]> = [];
  let wraps = false;
  for (const { length, lines } of samples) {
    if (length === 0) continue;
    events.push([length / lines, 1]);
    if (lines > 1) {
      events.push([length / (lines - 1), -1]);
      wraps = true;
    }
  }
  if (!wraps) return null;
  // Ends before starts at the same point: the intervals are half open.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let covered = 0;
  let best = -1;
  let from = 0;
  let to = 0;
  events.forEach(([at, change], i) => {
    covered += change;
    if (change > 0 && covered > best) {
      best = covered;
      from = at;
      to = events[i + 1]?.[0] ?? at;
    }
  });
  return (from + to) / 2;
}

/** When every rendered paragraph fits on one line: the column width over the average character width. */
function charsPerLineFromWidth(samples: readonly RowSample[]): number | null {
  let characters = 0;
  let ink = 0;
  let column = 0;
  for (const s of samples) {
    if (s.length === 0 || s.inkWidth <= 0) continue;
    characters += s.length;
    ink += s.inkWidth;
    column = Math.max(column, s.columnWidth);
  }
  return characters > 0 && column > 0 ? column / (ink / characters) : null;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
