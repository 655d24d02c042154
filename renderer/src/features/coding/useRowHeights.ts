// The virtualizer's row-size estimate for the document view: from the paragraph's length, with
// metrics measured on rendered rows and measured again when the column's width changes.
import { useCallback, useMemo, useRef, useState } from 'react';
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
  const known = useRef<{ width: number; metrics: RowMetrics } | null>(null);
  const [version, setVersion] = useState(0);
  const estimateSize = useCallback(
    (index: number) => {
      const metrics = known.current?.metrics;
      return metrics ? estimateRowHeight(paragraphs[index]?.text.length ?? 0, metrics) : FIRST_ESTIMATE;
    },
    [paragraphs],
  );
  // The virtualizer recomputes its offsets only when one of its options changes, and estimateSize
  // is not among them; getItemKey is. The keys stay the same, so measured rows keep their sizes.
  const getItemKey = useMemo(() => {
    void version;
    return (index: number) => index;
  }, [version]);
  const wantsSamples = useCallback((width: number) => width > 0 && known.current?.width !== width, []);
  const update = useCallback((width: number, samples: readonly RowSample[]) => {
    const metrics = deriveRowMetrics(samples);
    if (!metrics) return; // too little to go on: sample again on the next render
    known.current = { width, metrics };
    setVersion((v) => v + 1);
  }, []);
  return { estimateSize, getItemKey, wantsSamples, update };
}
