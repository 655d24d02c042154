// Giving focus back when a dialog closes: to the control that opened it, or, when that control is
// gone (the code it acted on was deleted, the popover it sat in closed), to the region it was in,
// so a keyboard user continues where they were instead of at the top of the page.

const TABBABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]';
/** The regions a control belongs to, innermost first: the pane or view that keeps existing. */
const HOME = '[data-focus-home], [role="tabpanel"], [role="region"], section[aria-label], header, footer, main';

export interface FocusReturn {
  /** Where focus goes back to; run after the dialog is gone. */
  restore(): void;
}

/** Remembers what has focus now (call it as the dialog opens). */
export function rememberFocus(): FocusReturn {
  const active = document.activeElement;
  const opener = active instanceof HTMLElement && active !== document.body ? active : null;
  // Every enclosing region, innermost first: the innermost may go with the opener (a popover).
  const homes: HTMLElement[] = [];
  for (let at = opener?.parentElement?.closest<HTMLElement>(HOME) ?? null; at; at = at.parentElement?.closest<HTMLElement>(HOME) ?? null) homes.push(at);
  return {
    restore() {
      const now = document.activeElement;
      // Something else took focus meanwhile (the dialog's action opened another, or moved it on purpose).
      if (now !== null && now !== document.body && now.isConnected) return;
      const toHome = (): void => {
        for (const home of homes) if (home.isConnected && focusInside(home)) return;
      };
      if (!opener?.isConnected) {
        toHome();
        return;
      }
      opener.focus({ preventScroll: true });
      // The dialog's action may remove its opener a moment later (Delete code: the code's toolbar
      // goes with the code once the change is committed); focus would fall to the page then.
      const watch = new MutationObserver(() => {
        if (opener.isConnected) return;
        stop();
        const active = document.activeElement;
        if (active === null || active === document.body) toHome();
      });
      const timer = setTimeout(() => stop(), OPENER_WATCH_MS);
      const stop = (): void => {
        watch.disconnect();
        clearTimeout(timer);
      };
      watch.observe(document.body, { childList: true, subtree: true });
    },
  };
}

/** How long after a dialog closes its opener's removal still sends focus to the opener's region. */
const OPENER_WATCH_MS = 3000;

/** Focuses the region's preferred stop (`[data-focus-home]` inside it), else its first Tab stop. */
function focusInside(home: HTMLElement): boolean {
  const preferred = home.querySelector<HTMLElement>('[data-focus-home]');
  for (const scope of preferred ? [preferred, home] : [home]) {
    const target = [scope, ...scope.querySelectorAll<HTMLElement>(TABBABLE)].find((el) => el.matches(TABBABLE) && el.tabIndex >= 0 && el.getClientRects().length > 0);
    if (target) {
      target.focus({ preventScroll: true });
      return true;
    }
  }
  return false;
}
