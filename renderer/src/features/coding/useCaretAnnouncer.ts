// Announces, through a polite live region, the codes under the caret when it moves into (or out
// of) coded text, so a screen reader user hears what a sighted coder sees as colour. It writes the
// live region's text directly: a caret move never re-renders the document.
import { useEffect, useRef, type RefObject } from 'react';
import type { Code } from '../../../../shared/model/types';
import type { Paragraph } from '../../../../shared/text/paragraphs';
import { codingsAt, type ParagraphCodings } from './paragraphCodings';
import { offsetOfDomPoint } from './domOffsets';
import { caretAnnouncement, codesUnderCaret } from './caretAnnouncement';

/** The id of the live region DocumentPanel renders once (a region present before it speaks is heard). */
export const CARET_ANNOUNCER_ID = 'caret-announcer';

export function useCaretAnnouncer(
  textRef: RefObject<HTMLElement | null>,
  index: () => ParagraphCodings,
  paragraphs: () => readonly Paragraph[],
  codesById: ReadonlyMap<string, Code>,
): void {
  // Read through a ref: the listener is registered once and must not forget what it said.
  const latest = useRef({ index, paragraphs, codesById });
  useEffect(() => {
    latest.current = { index, paragraphs, codesById };
  });
  useEffect(() => {
    let said: string[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = (): void => {
      const root = textRef.current;
      const selection = window.getSelection();
      const region = document.getElementById(CARET_ANNOUNCER_ID);
      if (!root || !region || !selection?.focusNode || !root.contains(selection.focusNode)) return;
      const offset = offsetOfDomPoint(selection.focusNode, selection.focusOffset);
      if (offset === null) return;
      const { index: indexNow, paragraphs: paragraphsNow, codesById: codes } = latest.current;
      const names = codesUnderCaret(codingsAt(indexNow(), paragraphsNow(), offset), codes);
      const sentence = caretAnnouncement(said, names);
      said = names;
      if (sentence) region.textContent = sentence;
    };
    // After the caret settles: arrowing through a line must not queue a sentence per character.
    const onSelectionChange = (): void => {
      clearTimeout(timer);
      timer = setTimeout(check, 250);
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('selectionchange', onSelectionChange);
    };
  }, [textRef]);
}
