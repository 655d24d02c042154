// F6 and Shift+F6 move focus from region to region (top bar, Sources, Memos, Cases, the centre
// view, Codebook, status bar), as in desktop apps: a keyboard user crosses the screen in a few
// presses instead of dozens of Tab stops. Focus lands on the region's first focusable control.
import { useEffect } from 'react';

/** The regions in screen order; a region missing from the page (no project open) is skipped. */
export const REGION_SELECTORS = [
  'header.project-bar',
  'section.sources-panel',
  'section.memos-panel',
  'section.cases-panel',
  '.centre-column',
  'section.codebook-panel',
  'footer.status-bar',
] as const;

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

function regions(doc: Document): HTMLElement[] {
  return REGION_SELECTORS.map((s) => doc.querySelector<HTMLElement>(s)).filter((r): r is HTMLElement => r !== null);
}

/** Focuses the region after (or before) the one holding focus; returns the region focused. */
export function cycleRegion(doc: Document, backwards: boolean): HTMLElement | undefined {
  const all = regions(doc);
  if (all.length === 0) return undefined;
  const current = all.findIndex((r) => r.contains(doc.activeElement));
  const next = current < 0 ? (backwards ? all.length - 1 : 0) : (current + (backwards ? -1 : 1) + all.length) % all.length;
  const region = all[next]!;
  const target = [...region.querySelectorAll<HTMLElement>(FOCUSABLE)].find((el) => el.offsetParent !== null || el.getClientRects().length > 0);
  if (target) target.focus();
  else {
    // A region with nothing to focus (an empty status bar) still takes focus, so F6 goes on from it.
    region.tabIndex = -1;
    region.focus();
  }
  return region;
}

export function useRegionCycling(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'F6' || event.ctrlKey || event.altKey || event.metaKey) return;
      event.preventDefault();
      cycleRegion(document, event.shiftKey);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
