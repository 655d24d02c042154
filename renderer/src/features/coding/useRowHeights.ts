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

type Known = { width: number; metrics: RowMetrics };

/** What a source's document view remembers of its rows between openings (documentMemory.ts). */
export interface RowMemory {
  /** The metrics last measured for the source, or null. */
  known(): Known | null;
  keep(known: Known): void;
  /** The estimates for these metrics and paragraphs, computed once and kept with them. */
  estimates(known: Known, paragraphs: readonly Paragraph[]): Int32Array;
}

function estimatesOf(paragraphs: readonly Paragraph[], known: Known): Int32Array {
  return Int32Array.from(paragraphs, (p) => estimateRowHeight(p.text.length, known.metrics));
}

export function createRowMemory(): RowMemory {
  let kept: Known | null = null;
  let computed: { known: Known; paragraphs: readonly Paragraph[]; heights: Int32Array } | null = null;
  return {
    known: () => kept,
    keep: (known) => {
      kept = known;
    },
    estimates: (known, paragraphs) => {
      if (computed?.known !== known || computed.paragraphs !== paragraphs) computed = { known, paragraphs, heights: estimatesOf(paragraphs, known) };
      return computed.heights;
    },
  };
}

/**
 * `remembered` carries the metrics measured the last time this source was shown: reopened at the
 * same width, its rows are placed right from the first frame and not sampled again.
 */
export function useRowHeights(paragraphs: readonly Paragraph[], remembered?: RowMemory): RowHeights {
  const [known, setKnown] = useState<Known | null>(() => remembered?.known() ?? null);
  // Every row's estimate at once: the virtualizer asks for all 25,000 each time a measured row
  // differs from its estimate, so the lookup must cost nothing. Kept with the remembered metrics.
  const estimates = useMemo(() => (known ? (remembered ? remembered.estimates(known, paragraphs) : estimatesOf(paragraphs, known)) : null), [paragraphs, known, remembered]);
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
    if (!metrics) return;
    const next = { width, metrics };
    setKnown(next);
    remembered?.keep(next);
  }, [remembered]);
  return { estimateSize, getItemKey, wantsSamples, update };
}
