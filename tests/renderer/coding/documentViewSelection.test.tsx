// DocumentView turns the DOM selection into the span a digit key codes: offsets into the whole
// text across paragraphs, surrounding whitespace trimmed, nothing for whitespace alone, emoji
// whole (UTF-16 offsets). jsdom has no layout: the scroller is given a height, so the
// virtualised view renders the rows of this short text.
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Code } from '../../../shared/model/types';
import { DocumentView } from '../../../renderer/src/features/coding/DocumentView';

const TEXT = '😔 opens the first line\nthe second line  \n   \nthe third ends with 😟';

const code: Code = { id: 'c1', projectId: 'p1', parentId: null, name: 'Access', description: '', color: '#336699', order: 1, createdAt: '' };

// The scroller's viewport (what the virtualiser reads) is 600 pixels: room for every row here.
beforeEach(() => {
  const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')!;
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get(this: Element) {
      return this.classList.contains('document-scroll') ? 600 : 0;
    },
  });
  return () => {
    Object.defineProperty(Element.prototype, 'clientHeight', clientHeight);
  };
});

function renderView() {
  const onShortcut = vi.fn<(codeId: string, span: { start: number; end: number }) => void>();
  render(<DocumentView sourceId="s1" sourceName="notes.txt" text={TEXT} codings={[]} orderedCodes={[code]} onShortcut={onShortcut} onFocusMenu={() => {}} />);
  const root = screen.getByRole('textbox', { name: 'Text of notes.txt' });
  const paragraphs = [...root.querySelectorAll<HTMLElement>('[data-para-start]')];
  return { onShortcut, root, paragraphs };
}

/** Selects between two DOM points, then presses the digit 1 in the text (codes with Access). */
function selectAndPressOne(root: HTMLElement, start: [Node, number], end: [Node, number]): void {
  // Focus first: focusing the editable text moves the selection into it.
  root.focus();
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.collapse(...start);
  selection.extend(...end);
  root.dispatchEvent(new KeyboardEvent('keydown', { key: '1', code: 'Digit1', bubbles: true }));
}

const coded = (onShortcut: ReturnType<typeof renderView>['onShortcut']) =>
  onShortcut.mock.calls.map(([codeId, span]) => [codeId, TEXT.slice(span.start, span.end)]);

describe('DocumentView: from a selection to the span a digit codes', () => {
  it('renders every paragraph of a short text with its offset', () => {
    const { paragraphs } = renderView();
    expect(paragraphs.map((p) => [Number(p.dataset.paraStart), p.textContent])).toEqual([
      [0, '😔 opens the first line'],
      [24, 'the second line  '],
      [42, '   '],
      [46, 'the third ends with 😟'],
    ]);
  });

  it('codes a selection across paragraphs, trailing spaces and the blank line trimmed', () => {
    const { onShortcut, root, paragraphs } = renderView();
    selectAndPressOne(root, [paragraphs[1]!.firstChild!, 4], [paragraphs[2]!.firstChild!, 2]);
    expect(coded(onShortcut)).toEqual([['c1', 'second line']]);
  });

  it('codes nothing for whitespace alone', () => {
    const { onShortcut, root, paragraphs } = renderView();
    selectAndPressOne(root, [paragraphs[1]!.firstChild!, 15], [paragraphs[2]!.firstChild!, 3]);
    expect(onShortcut).not.toHaveBeenCalled();
  });

  it('codes a selection ending on the next row’s gutter up to the end of the line', () => {
    const { onShortcut, root, paragraphs } = renderView();
    const gutter = paragraphs[3]!.closest('.doc-row')!.querySelector('.gutter')!;
    selectAndPressOne(root, [paragraphs[0]!.firstChild!, 3], [gutter, 0]);
    expect(coded(onShortcut)).toEqual([['c1', 'opens the first line\nthe second line']]);
  });

  it('keeps an emoji whole at either edge', () => {
    const { onShortcut, root, paragraphs } = renderView();
    selectAndPressOne(root, [paragraphs[0]!.firstChild!, 0], [paragraphs[0]!.firstChild!, 8]);
    // Boundaries between an emoji's two UTF-16 halves (a script can put them there) take it whole.
    selectAndPressOne(root, [paragraphs[0]!.firstChild!, 1], [paragraphs[0]!.firstChild!, 8]);
    const last = paragraphs[3]!.firstChild as Text;
    selectAndPressOne(root, [last, 4], [last, last.length - 1]);
    expect(coded(onShortcut)).toEqual([
      ['c1', '😔 opens'],
      ['c1', '😔 opens'],
      ['c1', 'third ends with 😟'],
    ]);
    expect(onShortcut.mock.calls[2]![1].end).toBe(TEXT.length);
  });
});
