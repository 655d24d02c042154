// The naive way to show coded text, for comparison only: every paragraph in the DOM at once
// (no virtualisation), and every coding drawn by wrapping its text in <mark> elements, splitting
// text nodes at its edges, so overlapping codings nest marks inside marks. This is how many
// annotation tools began; the product's DocumentView + HighlightPainter exist to avoid its costs.
import type { Code, CodingSpan } from '../../shared/model/types';
import { HIGHLIGHT_ALPHA, withAlpha } from '../../shared/codebook/palette';
import { paragraphIndexAt, type Paragraph } from '../../shared/text/paragraphs';

export const NAIVE_INDEX_ATTRIBUTE = 'data-index';

export class MarkedDocument {
  private readonly elements: HTMLElement[] = [];
  private readonly classOfCode = new Map<string, string>();

  constructor(
    private readonly container: HTMLElement,
    private readonly paragraphs: readonly Paragraph[],
    codes: readonly Code[],
  ) {
    const style = document.createElement('style');
    style.textContent = codes
      .map((code, i) => {
        this.classOfCode.set(code.id, `c${i}`);
        return `mark.c${i} { background-color: ${withAlpha(code.color, HIGHLIGHT_ALPHA)}; color: inherit; }`;
      })
      .join('\n');
    document.head.appendChild(style);
  }

  /** Puts every paragraph in the DOM. */
  render(): void {
    const fragment = document.createDocumentFragment();
    this.paragraphs.forEach((paragraph, i) => {
      const element = document.createElement('p');
      element.setAttribute(NAIVE_INDEX_ATTRIBUTE, String(i));
      element.textContent = paragraph.text;
      this.elements.push(element);
      fragment.appendChild(element);
    });
    this.container.appendChild(fragment);
  }

  /** Wraps the coding's text, paragraph by paragraph, in marks of its code's colour. */
  mark(coding: CodingSpan): void {
    const first = paragraphIndexAt(this.paragraphs, coding.start);
    const last = paragraphIndexAt(this.paragraphs, Math.max(coding.start, coding.end - 1));
    const className = this.classOfCode.get(coding.codeId) ?? '';
    for (let i = first; i <= last; i++) {
      const paragraph = this.paragraphs[i]!;
      const start = Math.max(0, coding.start - paragraph.start);
      const end = Math.min(paragraph.text.length, coding.end - paragraph.start);
      if (end > start) wrapTextRange(this.elements[i]!, start, end, className);
    }
  }
}

/** Wraps characters [start, end) of `element`'s text in marks, one per text node they cross. */
function wrapTextRange(element: HTMLElement, start: number, end: number, className: string): void {
  const pieces: Array<{ node: Text; from: number; to: number }> = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.length;
    if (offset + length > start && offset < end) {
      pieces.push({ node, from: Math.max(0, start - offset), to: Math.min(length, end - offset) });
    }
    offset += length;
    if (offset >= end) break;
  }
  for (const piece of pieces) {
    let target = piece.node;
    if (piece.from > 0) target = target.splitText(piece.from);
    if (piece.to - piece.from < target.length) target.splitText(piece.to - piece.from);
    const mark = document.createElement('mark');
    mark.className = className;
    target.parentNode!.insertBefore(mark, target);
    mark.appendChild(target);
  }
}
