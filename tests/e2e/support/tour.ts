// The first-run tour (a card over the bottom right corner) is for people; tests that are not
// about it start with it dismissed, as a returning user would have it. openApp does this for
// every test unless asked for the tour (`openApp(browser, { tour: true })`).
import type { BrowserContext } from 'playwright-core';

/** The key of renderer/src/stores/viewPrefsStore.ts (VIEW_PREFS_KEY). */
const VIEW_PREFS_KEY = 'marginalia.view';

/** Marks the tour dismissed in every page `context` opens, unless the page already has preferences. */
export async function dismissTourIn(context: BrowserContext): Promise<void> {
  await context.addInitScript((key: string) => {
    try {
      if (localStorage.getItem(key) === null) localStorage.setItem(key, JSON.stringify({ state: { tourDismissed: true }, version: 0 }));
    } catch {
      // about:blank and other opaque origins have no localStorage: nothing to dismiss there.
    }
  }, VIEW_PREFS_KEY);
}
