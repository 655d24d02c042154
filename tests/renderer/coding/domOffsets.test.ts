// DOM selections to text offsets (domOffsets.ts), on the markup DocumentView renders: rows of a
// gutter (stripes, memo markers) and one text element per paragraph, holding a single text node.
// Offsets are UTF-16 code units into the whole source text.
import { afterEach, describe, expect, it } from 'vitest';
import { offsetOfDomPoint, spanOfSelection } from '../../../renderer/src/features/coding/domOffsets';
import { splitParagraphs } from '../../../shared/text/paragraphs';

const TEXT = '😔 opens the first line\nthe second line\nthe third ends with 😟';

let root: HTMLElement;

/** Renders `text` as DocumentView does (every paragraph; the view renders a window of them). */
function render(text: string): HTMLElement {
  root = document.createElement('div');
  root.className = 'document-text';
  root.contentEditable = 'true';
  splitParagraphs(text).forEach((paragraph, index) => {
    const row = document.createElement('div');
    row.className = 'doc-row';
    row.dataset.rowIndex = String(index);
    const gutter = document.createElement('div');
    gutter.className = 'gutter';
    gutter.dataset.gutterIndex = String(index);
    const marker = document.createElement('span');
    marker.className = 'memo-marker';
    gutter.append(marker);
    const para = document.createElement('div');
    para.className = 'para-text';
    para.dataset.paraIndex = String(index);
    para.dataset.paraStart = String(paragraph.start);
    para.dataset.paraLength = String(paragraph.text.length);
    para.textContent = paragraph.text;
    row.append(gutter, para);
    root.append(row);
  });
  document.body.append(root);
  return root;
}

const rows = () => [...root.querySelectorAll<HTMLElement>('.doc-row')];
const paraText = (i: number) => rows()[i]!.querySelector<HTMLElement>('[data-para-start]')!;
const textNode = (i: number) => paraText(i).firstChild as Text;
const gutter = (i: number) => rows()[i]!.querySelector<HTMLElement>('.gutter')!;

/** Selects from (startNode, startOffset) to (endNode, endOffset), the way a drag leaves it. */
function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Selection {
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.collapse(startNode, startOffset);
  selection.extend(endNode, endOffset);
  return selection;
}

const spanOf = (startNode: Node, startOffset: number, endNode: Node, endOffset: number) =>
  spanOfSelection(select(startNode, startOffset, endNode, endOffset), root);

/** The selected text as the app would code it. */
const slice = (span: { start: number; end: number } | null) => (span ? TEXT.slice(span.start, span.end) : null);

afterEach(() => {
  window.getSelection()?.removeAllRanges();
  document.body.replaceChildren();
});

describe('spanOfSelection', () => {
  it('maps a selection inside one paragraph', () => {
    render(TEXT);
    expect(slice(spanOf(textNode(1), 4, textNode(1), 10))).toBe('second');
  });

  it('maps a selection across paragraphs, line breaks included, whichever way it was dragged', () => {
    render(TEXT);
    const forwards = spanOf(textNode(0), 3, textNode(2), 9);
    expect(slice(forwards)).toBe('opens the first line\nthe second line\nthe third');
    const backwards = spanOf(textNode(2), 9, textNode(0), 3);
    expect(backwards).toEqual(forwards);
  });

  it('ends a selection dragged onto the next row element at that paragraph’s start', () => {
    render(TEXT);
    // A row's children are its gutter and its text: boundaries before the gutter and between the
    // gutter and the text both come before the paragraph; after the text is its end.
    expect(slice(spanOf(textNode(0), 3, rows()[1]!, 0))).toBe('opens the first line\n');
    expect(slice(spanOf(textNode(0), 3, rows()[1]!, 1))).toBe('opens the first line\n');
    expect(slice(spanOf(textNode(1), 4, rows()[1]!, 2))).toBe('second line');
  });

  it('ends a selection on a gutter, or a memo marker in it, at that row’s paragraph start', () => {
    render(TEXT);
    expect(slice(spanOf(textNode(0), 3, gutter(1), 0))).toBe('opens the first line\n');
    expect(slice(spanOf(textNode(0), 3, gutter(2).firstChild!, 0))).toBe('opens the first line\nthe second line\n');
    // Started in a gutter, dragged into the text.
    expect(slice(spanOf(gutter(1), 1, textNode(1), 3))).toBe('the');
  });

  it('maps boundaries on a paragraph’s text element to its start and end', () => {
    render(TEXT);
    expect(slice(spanOf(paraText(1), 0, paraText(1), 1))).toBe('the second line');
  });

  it('maps boundaries on the text root between rows to the rows’ paragraphs', () => {
    render(TEXT);
    expect(slice(spanOf(textNode(0), 3, root, 1))).toBe('opens the first line\n');
    expect(slice(spanOf(textNode(2), 4, root, rows().length))).toBe('third ends with 😟');
  });

  it('keeps an emoji whole at the start of a selection (UTF-16: two code units)', () => {
    render(TEXT);
    expect(spanOf(textNode(0), 0, textNode(0), 8)).toEqual({ start: 0, end: 8 });
    expect(slice(spanOf(textNode(0), 0, textNode(0), 8))).toBe('😔 opens');
    // A boundary between the emoji's two halves (a script can put one there) takes the whole emoji.
    expect(slice(spanOf(textNode(0), 1, textNode(0), 8))).toBe('😔 opens');
  });

  it('keeps an emoji whole at the end of a selection, at the end of the text', () => {
    render(TEXT);
    const last = textNode(2);
    expect(slice(spanOf(last, 4, last, last.length))).toBe('third ends with 😟');
    expect(slice(spanOf(last, 4, last, last.length - 1))).toBe('third ends with 😟');
    expect(spanOf(last, 4, last, last.length)!.end).toBe(TEXT.length);
  });

  it('gives nothing for a collapsed selection or one that leaves the text', () => {
    render(TEXT);
    expect(spanOf(textNode(1), 4, textNode(1), 4)).toBeNull();
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    expect(spanOf(textNode(1), 4, outside.firstChild!, 3)).toBeNull();
    expect(spanOfSelection(null, root)).toBeNull();
  });
});

describe('offsetOfDomPoint', () => {
  it('clamps a text offset to its paragraph and knows no point outside a row', () => {
    render(TEXT);
    expect(offsetOfDomPoint(textNode(1), 999)).toBe(TEXT.indexOf('the second line') + 'the second line'.length);
    expect(offsetOfDomPoint(document.body, 0)).toBeNull();
  });
});
