// Reads rendered rows for the row-height estimate (layout reads only: run it in the same read
// phase as the stripes, before anything is written to the DOM).
import type { RowSample } from './rowHeights';

/** Samples every rendered paragraph text element (its parent is the measured row). */
export function sampleRows(texts: readonly HTMLElement[], range: Range): RowSample[] {
  const samples: RowSample[] = [];
  let computedLineHeight: number | undefined;
  for (const text of texts) {
    const row = text.parentElement;
    // A row with a case header is taller than its text says: it would skew the estimate.
    if (!row || row.classList.contains('with-case-header')) continue;
    const node = text.firstChild;
    let lines = 1;
    let lineHeight: number | null = null;
    let inkWidth = 0;
    let length = 0;
    if (node && node.nodeType === Node.TEXT_NODE && (node as Text).length > 0) {
      length = (node as Text).length;
      range.selectNodeContents(node);
      // One rect per line box (more where a line breaks into fragments): count distinct tops.
      let firstTop = Number.NaN;
      let lastTop = Number.NaN;
      lines = 0;
      for (const rect of range.getClientRects()) {
        if (rect.height <= 0) continue;
        inkWidth += rect.width;
        if (lines === 0 || rect.top > lastTop + 1) {
          if (lines === 0) firstTop = rect.top;
          lastTop = rect.top;
          lines++;
        }
      }
      lines = Math.max(1, lines);
      if (lines > 1) lineHeight = (lastTop - firstTop) / (lines - 1);
    }
    if (lineHeight === null) {
      computedLineHeight ??= parseFloat(getComputedStyle(text).lineHeight);
      if (Number.isFinite(computedLineHeight)) lineHeight = computedLineHeight;
    }
    samples.push({ length, height: row.getBoundingClientRect().height, lines, lineHeight, columnWidth: text.clientWidth, inkWidth });
  }
  return samples;
}
