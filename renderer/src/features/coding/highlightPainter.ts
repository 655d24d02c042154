// Paints codings with the CSS Custom Highlight API: one Highlight per code, holding Ranges over the
// rendered paragraphs' text nodes. The text is never split into <mark>s, so selection, copy and
// offsets stay simple, and a paragraph is repainted only when its own codings change. The ranges
// are StaticRanges: the painter never moves one, and live Ranges (one per painted coding) made
// every node removal in the document slower while rows unmount during scrolling.
import type { Code, CodingSpan } from '../../../../shared/model/types';
import { withAlpha } from '../../../../shared/codebook/palette';
import { THEMES } from '../../../../shared/theme/themes';
import { staticRangeInParagraph } from './domOffsets';

const PENDING = 'mg-pending';
const FIND = 'mg-find';
const FIND_CURRENT = 'mg-find-current';
const REVEALED = 'mg-revealed';

interface PaintedParagraph {
  codings: readonly CodingSpan[];
  /** The text node the ranges point into and the paragraph's offset: new ones need new ranges. */
  node: Node | null;
  start: number;
  signature: string;
  ranges: Array<{ name: string; range: AbstractRange }>;
}

function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

export function highlightName(codeId: string): string {
  return `mg-code-${codeId.replace(/[^A-Za-z0-9-]/g, '')}`;
}

/** The highlight of a code's codings by other coders, when they are shown apart: a dashed underline, no fill. */
export function otherCodersHighlightName(codeId: string): string {
  return `mg-other-${codeId.replace(/[^A-Za-z0-9-]/g, '')}`;
}

/**
 * The code colours' style sheet, one per document and kept for the page's life: adopting a sheet,
 * dropping one or rewriting its rules restyles the whole page, and opening another source (one
 * painter disposed, one made) did all three. `signature` is what its rules were written for;
 * null until the first write, so a project without codes still gets the pending/find/revealed rules.
 */
const colourSheets = new WeakMap<Document, { sheet: CSSStyleSheet; signature: string | null }>();

function colourSheet(doc: Document): { sheet: CSSStyleSheet; signature: string | null } | null {
  let entry = colourSheets.get(doc);
  if (!entry) {
    try {
      const sheet = new CSSStyleSheet();
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      entry = { sheet, signature: null };
      colourSheets.set(doc, entry);
    } catch {
      return null;
    }
  }
  return entry;
}

export class HighlightPainter {
  private readonly painted = new Map<HTMLElement, PaintedParagraph>();
  private readonly colours: { sheet: CSSStyleSheet; signature: string | null } | null = null;
  private readonly enabled = highlightsSupported();
  /** "Show other coders": the current coder; everyone else's codings are painted apart. */
  private mine: string | null = null;

  constructor(doc: Document = document) {
    if (!this.enabled) return;
    this.colours = colourSheet(doc);
  }

  /** Declares each code's colour. Repaints nothing: ranges keep their highlight names. */
  setCodes(codes: readonly Code[]): void {
    if (!this.enabled || !this.colours) return;
    const signature = codes.map((c) => c.id + c.color).join('|');
    if (signature === this.colours.signature) return;
    this.colours.signature = signature;
    // Rules for both themes: the dark one lays colours thinner (shared/theme/themes.ts), and
    // switching theme then repaints nothing.
    const dark = ":root[data-theme='dark']";
    const rules = codes.flatMap((code) => [
      `::highlight(${highlightName(code.id)}) { background-color: ${withAlpha(code.color, THEMES.light.highlightAlpha)}; }`,
      `${dark} ::highlight(${highlightName(code.id)}) { background-color: ${withAlpha(code.color, THEMES.dark.highlightAlpha)}; }`,
      `::highlight(${otherCodersHighlightName(code.id)}) { text-decoration: underline dashed ${code.color} 2px; text-underline-offset: 3px; }`,
    ]);
    rules.push(`::highlight(${PENDING}) { background-color: rgba(0, 95, 204, 0.28); }`);
    rules.push(`${dark} ::highlight(${PENDING}) { background-color: rgba(80, 150, 255, 0.35); }`);
    rules.push(`::highlight(${FIND}) { background-color: rgba(255, 214, 0, 0.55); }`);
    rules.push(`${dark} ::highlight(${FIND}) { background-color: rgba(255, 214, 0, 0.3); }`);
    rules.push(`::highlight(${REVEALED}) { background-color: rgba(120, 90, 200, 0.22); text-decoration: underline 2px rgba(90, 60, 170, 0.8); }`);
    rules.push(`::highlight(${FIND_CURRENT}) { background-color: rgba(255, 140, 0, 0.8); color: #000; }`);
    this.colours.sheet.replaceSync(rules.join('\n'));
  }

  /**
   * Paints other coders' codings apart from `mine`'s (null: all alike). Every painted paragraph
   * is repainted on its next `paintParagraph`.
   */
  setMine(mine: string | null): void {
    if (mine === this.mine) return;
    this.mine = mine;
    for (const entry of this.painted.values()) {
      this.removeRanges(entry);
      entry.signature = '';
      entry.codings = [];
    }
  }

  /** Paints one rendered paragraph's codings (`start` is the paragraph's offset in the text). */
  paintParagraph(element: HTMLElement, start: number, codings: readonly CodingSpan[]): void {
    if (!this.enabled) return;
    const previous = this.painted.get(element);
    const node = element.firstChild;
    const same = previous !== undefined && previous.node === node && previous.start === start;
    // The paragraph index hands out a new array only when the paragraph's codings change.
    if (same && previous.codings === codings) return;
    const signature = codings.map((c) => `${c.id}:${c.codeId}:${c.start}:${c.end}`).join(',');
    if (same && previous.signature === signature) {
      previous.codings = codings;
      return;
    }
    if (previous) this.removeRanges(previous);
    const ranges: PaintedParagraph['ranges'] = [];
    for (const coding of codings) {
      const range = staticRangeInParagraph(element, coding.start - start, coding.end - start);
      if (!range || range.collapsed) continue;
      const name = this.mine !== null && coding.coder !== this.mine ? otherCodersHighlightName(coding.codeId) : highlightName(coding.codeId);
      this.highlight(name).add(range);
      ranges.push({ name, range });
    }
    this.painted.set(element, { codings, node, start, signature, ranges });
  }

  /** Drops ranges of paragraphs that scrolled out of the DOM. */
  sweep(): void {
    for (const [element, entry] of this.painted) {
      if (!element.isConnected) {
        this.removeRanges(entry);
        this.painted.delete(element);
      }
    }
  }

  /** Shows the span waiting for a code while focus is in the code menu. */
  setPending(ranges: readonly AbstractRange[]): void {
    this.setNamed(PENDING, ranges);
  }

  /** Marks the span just revealed (a case segment or a coded segment opened from a list). */
  setRevealed(ranges: readonly AbstractRange[]): void {
    this.setNamed(REVEALED, ranges);
  }

  /** Shows find matches on the rendered paragraphs, the current one stronger. */
  setFind(ranges: readonly AbstractRange[], current: readonly AbstractRange[]): void {
    this.setNamed(FIND, ranges);
    this.setNamed(FIND_CURRENT, current);
  }

  private setNamed(name: string, ranges: readonly AbstractRange[]): void {
    if (!this.enabled) return;
    if (ranges.length === 0) CSS.highlights.delete(name);
    else CSS.highlights.set(name, new Highlight(...ranges));
  }

  dispose(): void {
    if (!this.enabled) return;
    for (const entry of this.painted.values()) this.removeRanges(entry);
    this.painted.clear();
    for (const name of [PENDING, FIND, FIND_CURRENT, REVEALED]) CSS.highlights.delete(name);
    // The colour sheet stays: the next painter (the next source opened) uses it as it is.
  }

  private highlight(name: string): Highlight {
    let highlight = CSS.highlights.get(name);
    if (!highlight) {
      highlight = new Highlight();
      CSS.highlights.set(name, highlight);
    }
    return highlight;
  }

  private removeRanges(entry: PaintedParagraph): void {
    for (const { name, range } of entry.ranges) {
      const highlight = CSS.highlights.get(name);
      highlight?.delete(range);
      if (highlight && highlight.size === 0) CSS.highlights.delete(name);
    }
  }
}
