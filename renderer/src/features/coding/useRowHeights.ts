// The virtualizer's row-size estimate for the document view: from the paragraph's length, with
// metrics measured on rendered rows and measured again when the column's width changes.
import { useCallback, useMemo, useState } from 'react';
import type { Paragraph } from '../../../../shared/text/paragraphs';
import { deriveRowMetrics, estimateRowHeight, type RowMetrics, type RowSample } from './rowHeights';

/** Until the first rows are measured: roughly one line (replaced before the first frame is shown). */
const FIRST_ESTIMATE = 26;

export interface RowHeights {
  estimateSize(index: number): number;
  /** Changes identity when the metrics change: the virtualizer then places unmeasured rows again. */
  getItemKey(index: number): number;
  /** Whether rows should be sampled at this column width (none yet, or the width changed). */
  wantsSamples(width: number): boolean;
  /** Takes samples read in the painters' layout-read phase. */
  update(width: number, samples: readonly RowSample[]): void;
}

export function useRowHeights(paragraphs: readonly Paragraph[]): RowHeights {
  const [known, setKnown] = useState<{ width: number; metrics: RowMetrics } | null>(null);
  // Every row's estimate at once: the virtualizer asks for all 25,000 each time a measured row
  // differs from its estimate, so the lookup must cost nothing.
  const estimates = useMemo(
    () => (known ? Int32Array.from(paragraphs, (p) => estimateRowHeight(p.text.length, known.metrics)) : null),
    [paragraphs, known],
  );
  const estimateSize = useCallback((index: number) => estimates?.[index] ?? FIRST_ESTIMATE, [estimates]);
  // The virtualizer recomputes its offsets only when one of its options changes, and estimateSize
  // is not among them; getItemKey is. The keys stay the same, so measured rows keep their sizes.
  const getItemKey = useMemo(() => {
    void known;
    return (index: number) => index;
  }, [known]);
  const wantsSamples = useCallback((width: number) => width > 0 && known?.width !== width, [known]);
  const update = useCallback((width: number, samples: readonly RowSample[]) => {
    const metrics = deriveRowMetrics(samples);
    // Too little to go on: sample again on the next render.
    if (metrics) setKnown({ width, metrics });
  }, []);
  return { estimateSize, getItemKey, wantsSamples, update };
}
