// Answers a request to show a span (a memo's coding, a code's typical example): scrolls the
// virtualised text to it once its source is open, and opens the codings at that place.
import { useEffect, useEffectEvent, useRef, type RefObject } from 'react';
import type { Paragraph } from '../../../../shared/text/paragraphs';
import { paragraphIndexAt } from '../../../../shared/text/paragraphs';
import { rangeInParagraph } from './domOffsets';
import { selectReveal, useUiStore } from '../../stores/uiStore';

export interface RevealTarget {
  sourceId: string;
  text: string;
  paragraphs: readonly Paragraph[];
  textRef: RefObject<HTMLElement | null>;
  scrollToParagraph(index: number): void;
  /** Told the span shown, so the view can mark it. */
  onRevealed?(span: { start: number; end: number }): void;
}

/** Frames to wait for the scrolled-to paragraph to be rendered before giving up on the popover. */
const MAX_FRAMES = 30;

export function useRevealRequest({ sourceId, text, paragraphs, textRef, scrollToParagraph, onRevealed }: RevealTarget): void {
  const reveal = useUiStore(selectReveal);
  const frameRef = useRef(0);
  const onRevealedNow = useEffectEvent((span: { start: number; end: number }) => onRevealed?.(span));
  // Only unmounting cancels a pending reveal: clearing the request re-renders, and that must not.
  useEffect(() => () => cancelAnimationFrame(frameRef.current), []);
  useEffect(() => {
    if (!reveal || reveal.sourceId !== sourceId || paragraphs.length === 0) return;
    // Right after switching sources the view may still hold the previous text for a moment.
    if (reveal.exact !== undefined && text.slice(reveal.start, reveal.end) !== reveal.exact) return;
    const { start, end, then } = reveal;
    useUiStore.getState().revealDone();
    onRevealedNow({ start, end });
    const index = paragraphIndexAt(paragraphs, start);
    scrollToParagraph(index);
    let frame = 0;
    const open = (): void => {
      const element = textRef.current?.querySelector<HTMLElement>(`[data-para-index="${index}"]`);
      if (!element) {
        if (++frame < MAX_FRAMES) frameRef.current = requestAnimationFrame(open);
        return;
      }
      const paragraphStart = Number(element.dataset.paraStart);
      const range = rangeInParagraph(element, start - paragraphStart, Math.min(end, paragraphStart + Number(element.dataset.paraLength)) - paragraphStart);
      const rect = (range ?? element).getBoundingClientRect();
      // A search hit is selected (painted as the pending selection, the code menu beside it).
      if (then === 'select') return useUiStore.getState().setPendingSpan({ sourceId, start, end, anchor: { x: rect.right, y: rect.bottom }, focusMenu: false });
      useUiStore.getState().inspect({ sourceId, offset: start, anchor: { x: rect.left, y: rect.bottom } });
    };
    // Two frames: the virtualiser renders the row, then measures and places it.
    frameRef.current = requestAnimationFrame(() => (frameRef.current = requestAnimationFrame(open)));
  }, [paragraphs, reveal, scrollToParagraph, sourceId, text, textRef]);
}
