// Scrolling a document from top to bottom in equal steps, one step per frame (a scrollbar drag
// covers the document about this fast), recording each frame's length from rAF timestamps, which
// Chromium aligns to frame starts: a smooth frame is 16.7 ms, a dropped one a multiple of it.

export interface ScrollRecord {
  /** Length of every frame while scrolling, ms. */
  frames: number[];
  /** Scroll positions reached, for checking that the whole document was covered. */
  lastScrollTop: number;
  scrollHeight: number;
}

export function scrollInSteps(scroller: HTMLElement, steps: number): Promise<ScrollRecord> {
  return new Promise((resolve) => {
    const frames: number[] = [];
    let previous: number | null = null;
    let step = 0;
    let settle = 3; // frames after the last step, so its cost is counted too
    scroller.scrollTop = 0;
    const onFrame = (time: number): void => {
      if (previous !== null) frames.push(time - previous);
      previous = time;
      if (step < steps) {
        step++;
        // Recomputed each step: a virtualised list corrects its height as rows are measured.
        const bottom = scroller.scrollHeight - scroller.clientHeight;
        scroller.scrollTop = step === steps ? bottom : Math.round((bottom * step) / steps);
        requestAnimationFrame(onFrame);
      } else if (settle-- > 0) {
        requestAnimationFrame(onFrame);
      } else {
        resolve({ frames, lastScrollTop: scroller.scrollTop, scrollHeight: scroller.scrollHeight });
      }
    };
    requestAnimationFrame(onFrame);
  });
}
