// Drag handles at the two ends of the coding shown in "Codings here": dragging one moves that end
// to the character under the pointer, and releasing commits the new extent as one undoable step
// (the keyboard way is Shift+arrows in the popover). The handles follow the text as it scrolls.
import { useEffect, useReducer, useState, type CSSProperties, type PointerEvent } from 'react';
import type { CodingSpan } from '../../../../shared/model/types';
import type { SpanEdge } from '../../../../shared/text/boundaries';
import { offsetOfDomPoint, PARAGRAPH_TEXT_SELECTOR } from './domOffsets';

export interface CodingHandlesProps {
  coding: CodingSpan;
  codeName: string;
  color: string;
  onResize(start: number, end: number): void;
}

/** Viewport position of a text offset, or null when its paragraph is not rendered. */
function pointOf(offset: number, edge: SpanEdge): { x: number; top: number; bottom: number } | null {
  for (const element of document.querySelectorAll<HTMLElement>(`.document-text ${PARAGRAPH_TEXT_SELECTOR}`)) {
    const start = Number(element.dataset.paraStart);
    const length = Number(element.dataset.paraLength);
    if (offset < start || offset > start + length) continue;
    const node = element.firstChild;
    if (!node) return null;
    const range = document.createRange();
    // The end's box is the last character's, the start's the first's: both stay on the coding's lines.
    const at = offset - start;
    const [from, to] = edge === 'end' && at > 0 ? [at - 1, at] : [at, Math.min(length, at + 1)];
    range.setStart(node, from);
    range.setEnd(node, to);
    const rects = range.getClientRects();
    const box = rects[edge === 'end' ? rects.length - 1 : 0] ?? range.getBoundingClientRect();
    return { x: edge === 'end' && at > 0 ? box.right : box.left, top: box.top, bottom: box.bottom };
  }
  return null;
}

/** The text offset under a viewport point, if it is in the document's text. */
function offsetAt(x: number, y: number): number | null {
  const caret = document.caretRangeFromPoint?.(x, y);
  if (!caret || !caret.startContainer.parentElement?.closest('.document-text')) return null;
  return offsetOfDomPoint(caret.startContainer, caret.startOffset);
}

export function CodingHandles({ coding, codeName, color, onResize }: CodingHandlesProps) {
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  const [drag, setDrag] = useState<{ edge: SpanEdge; offset: number } | null>(null);

  // Re-place the handles as the text scrolls or the window changes size.
  useEffect(() => {
    const scroller = document.querySelector('.document-scroll');
    scroller?.addEventListener('scroll', refresh, { passive: true });
    window.addEventListener('resize', refresh);
    return () => {
      scroller?.removeEventListener('scroll', refresh);
      window.removeEventListener('resize', refresh);
    };
  }, []);

  const start = drag?.edge === 'start' ? Math.min(drag.offset, coding.end - 1) : coding.start;
  const end = drag?.edge === 'end' ? Math.max(drag.offset, coding.start + 1) : coding.end;

  const handle = (edge: SpanEdge) => {
    const point = pointOf(edge === 'start' ? start : end, edge);
    if (!point) return null;
    const move = (event: PointerEvent<HTMLDivElement>): void => {
      if (!drag) return;
      const offset = offsetAt(event.clientX, event.clientY);
      if (offset !== null && offset !== drag.offset) setDrag({ edge, offset });
    };
    return (
      <div
        key={edge}
        className={`coding-handle coding-handle-${edge}`}
        style={{ left: point.x - 5, top: point.top - 3, height: point.bottom - point.top + 6, '--handle-colour': color } as CSSProperties}
        title={`Drag to move the ${edge} of this ${codeName} coding`}
        aria-hidden="true"
        onPointerDown={(event) => {
          event.preventDefault();
          event.stopPropagation();
          event.currentTarget.setPointerCapture(event.pointerId);
          setDrag({ edge, offset: edge === 'start' ? coding.start : coding.end });
        }}
        onPointerMove={move}
        onPointerUp={(event) => {
          event.currentTarget.releasePointerCapture(event.pointerId);
          setDrag(null);
          if (start !== coding.start || end !== coding.end) onResize(start, end);
        }}
      />
    );
  };

  return (
    <>
      {handle('start')}
      {handle('end')}
    </>
  );
}
