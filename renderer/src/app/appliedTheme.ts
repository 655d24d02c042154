// Puts the reading preferences on the page: `data-theme="light|dark"` on the root element (the
// stylesheet's custom properties follow it), and the document's text size and line width as
// custom properties. "system" follows the operating system's light or dark setting, live.
import { useViewPrefs, type ViewPrefs, type ThemeChoice } from '../stores/viewPrefsStore';
import type { ThemeName } from '../../../shared/theme/themes';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): ThemeName {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

function systemPrefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches;
}

function apply(prefs: Pick<ViewPrefs, 'theme' | 'fontSize' | 'lineWidth' | 'codeNames'>): void {
  const root = document.documentElement;
  const theme = resolveTheme(prefs.theme, systemPrefersDark());
  if (root.dataset.theme !== theme) root.dataset.theme = theme;
  // Native controls (scrollbars, date pickers, checkboxes) follow too.
  root.style.colorScheme = theme;
  root.style.setProperty('--doc-font-size', `${prefs.fontSize}px`);
  root.style.setProperty('--doc-line-width', Number.isFinite(prefs.lineWidth) ? `${prefs.lineWidth}rem` : 'none');
  root.classList.toggle('show-code-names', prefs.codeNames);
}

/**
 * Applies the preferences now (call before the first render) and whenever they or the system's
 * setting change. Returns a function that stops following them.
 */
export function followViewPrefs(): () => void {
  apply(useViewPrefs.getState());
  const unsubscribe = useViewPrefs.subscribe((prefs) => apply(prefs));
  const media = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null;
  const onSystemChange = (): void => apply(useViewPrefs.getState());
  media?.addEventListener('change', onSystemChange);
  return () => {
    unsubscribe();
    media?.removeEventListener('change', onSystemChange);
  };
}
