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
  // A boundary on a row or gutter element: snap to the row's paragraph text, its end only when
  // the boundary is on the row itself and after the text (the gutter comes before the text).
  const row = element?.closest(ROW_SELECTOR);
  if (row) {
    const text = row.querySelector<HTMLElement>(PARAGRAPH_TEXT_SELECTOR);
    if (!text) return null;
    const after = node === row && childIndexOf(row, text) < offset;
    return Number(text.dataset.paraStart) + (after ? Number(text.dataset.paraLength) : 0);
  }
  // A boundary between rows, on the element that holds them (a drag past the last line ends there).
  if (element && node === element) {
    const children = [...element.children].filter((child) => child.matches(ROW_SELECTOR));
    if (children.length === 0) return null;
    const next = [...element.childNodes].slice(offset).find((child): child is Element => child instanceof Element && child.matches(ROW_SELECTOR));
    const text = (next ?? children[children.length - 1]!).querySelector<HTMLElement>(PARAGRAPH_TEXT_SELECTOR);
    if (!text) return null;
    return Number(text.dataset.paraStart) + (next ? 0 : Number(text.dataset.paraLength));
  }
  return null;
}

const ROW_SELECTOR = '[data-row-index]';

function childIndexOf(parent: Node, child: Node): number {
  return Array.prototype.indexOf.call(parent.childNodes, child);
}

/**
 * Moves a boundary that falls between the two halves of a surrogate pair (an emoji: a script or a
 * tool can put one there) to the outside of the character, so a span never holds half of one.
 */
function wholeCharacterBoundary(node: Node, offset: number, direction: -1 | 1): number {
  if (node.nodeType !== Node.TEXT_NODE) return offset;
  const data = (node as Text).data;
  const high = data.charCodeAt(offset - 1);
  const low = data.charCodeAt(offset);
  const splitsPair = high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
  return splitsPair ? offset + (direction < 0 ? -1 : 1) : offset;
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
  // A Range runs forwards whichever way the user dragged: its start widens backwards, its end forwards.
  const a = offsetOfDomPoint(range.startContainer, wholeCharacterBoundary(range.startContainer, range.startOffset, -1));
  const b = offsetOfDomPoint(range.endContainer, wholeCharacterBoundary(range.endContainer, range.endOffset, 1));
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
