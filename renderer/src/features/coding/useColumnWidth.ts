// The width of the document's text column, from a ResizeObserver: painters compare it instead of
// reading clientWidth per paragraph (each read after a DOM write forced a layout). A change of
// width re-renders, so stripes are redrawn and row heights re-estimated.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

export function useColumnWidth(ref: RefObject<HTMLElement | null>): { readonly current: number } {
  const width = useRef(0);
  const [, setVersion] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Read once at mount so the first paint already has it (the observer reports a frame later).
    width.current = Math.round(element.getBoundingClientRect().width);
    const observer = new ResizeObserver((entries) => {
      const next = Math.round(entries[entries.length - 1]!.contentRect.width);
      if (next === width.current) return;
      width.current = next;
      setVersion((v) => v + 1);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
