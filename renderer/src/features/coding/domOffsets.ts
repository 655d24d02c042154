// Maps DOM selection points to text offsets. Each rendered paragraph's text element carries
// `data-start` (its offset in the whole text) and holds a single text node, because highlights are
// painted with the CSS Custom Highlight API and never split the text.

export const PARAGRAPH_TEXT_SELECTOR = '[data-para-start]';

export function offsetOfDomPoint(node: Node, offset: number): number | null {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const paragraph = element?.closest(PARAGRAPH_TEXT_SELECTOR);
  if (paragraph) {
    const start = Number((paragraph as HTMLElement).dataset.paraStart);
    const length = Number((paragraph as HTMLElement).dataset.paraLength);
    if (node.nodeType === Node.TEXT_NODE) return start + Math.min(offset, length);
    // An element boundary inside the paragraph: before or after its only text.
    return start + (offset === 0 ? 0 : length);
  }
  // A boundary on a row or gutter element: snap to the nearest paragraph text.
  const row = element?.closest('[data-row-index]');
  const text = row?.querySelector(PARAGRAPH_TEXT_SELECTOR) as HTMLElement | null | undefined;
  if (!text) return null;
  const start = Number(text.dataset.paraStart);
  const atEnd = node === row ? offset > 0 : false;
  return atEnd ? start + Number(text.dataset.paraLength) : start;
}

export interface DomSpan {
  start: number;
  end: number;
}

/** The selection as text offsets, if it lies inside `root`; null otherwise or when collapsed. */
export function spanOfSelection(selection: Selection | null, root: Element): DomSpan | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const a = offsetOfDomPoint(range.startContainer, range.startOffset);
  const b = offsetOfDomPoint(range.endContainer, range.endOffset);
  if (a === null || b === null) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/** A DOM Range over `[start, end)` within one rendered paragraph text element. */
export function rangeInParagraph(element: HTMLElement, start: number, end: number): Range | null {
  const node = element.firstChild;
  if (!node || node.nodeType !== Node.TEXT_NODE) return null;
  const length = (node as Text).length;
  const range = document.createRange();
  range.setStart(node, Math.max(0, Math.min(length, start)));
  range.setEnd(node, Math.max(0, Math.min(length, end)));
  return range;
}

/** Points `range` at `[start, end)` within one rendered paragraph; false when it has no text node. */
export function setRangeInParagraph(range: Range, element: HTMLElement, start: number, end: number): boolean {
  const node = element.firstChild;
  if (!node || node.nodeType !== Node.TEXT_NODE) return false;
  const length = (node as Text).length;
  const from = Math.max(0, Math.min(length, start));
  range.setStart(node, from);
  range.setEnd(node, Math.max(from, Math.min(length, end)));
  return true;
}

/**
 * A StaticRange over `[start, end)` within one rendered paragraph, for highlights: unlike a Range
 * the document does not update it on every DOM mutation (the paragraph's text never changes while
 * it is rendered, and a range that no longer fits is simply not painted).
 */
export function staticRangeInParagraph(element: HTMLElement, start: number, end: number): StaticRange | null {
  const node = element.firstChild;
  if (!node || node.nodeType !== Node.TEXT_NODE) return null;
  const length = (node as Text).length;
  const from = Math.max(0, Math.min(length, start));
  return new StaticRange({ startContainer: node, startOffset: from, endContainer: node, endOffset: Math.max(from, Math.min(length, end)) });
}
