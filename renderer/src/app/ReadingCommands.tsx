// Binds the View menu's reading-comfort commands (text size, line width, theme, code names beside
// the stripes, the minimap) and Help → Show tour to the persisted view preferences. The theme and
// the two toggles show as checked menu items.
import { useCommand } from '../commands/registry';
import { useViewPrefs } from '../stores/viewPrefsStore';

export function ReadingCommands() {
  const prefs = useViewPrefs.getState;
  const theme = useViewPrefs((s) => s.theme);
  const codeNames = useViewPrefs((s) => s.codeNames);
  const minimap = useViewPrefs((s) => s.minimap);
  useCommand('view.textLarger', () => prefs().stepFontSize(1), true);
  useCommand('view.textSmaller', () => prefs().stepFontSize(-1), true);
  useCommand('view.textDefault', () => prefs().stepFontSize(0), true);
  useCommand('view.linesWider', () => prefs().stepLineWidth(1), true);
  useCommand('view.linesNarrower', () => prefs().stepLineWidth(-1), true);
  useCommand('view.themeLight', () => prefs().setTheme('light'), true, undefined, theme === 'light');
  useCommand('view.themeDark', () => prefs().setTheme('dark'), true, undefined, theme === 'dark');
  useCommand('view.themeSystem', () => prefs().setTheme('system'), true, undefined, theme === 'system');
  useCommand('view.codeNames', () => prefs().toggleCodeNames(), true, undefined, codeNames);
  useCommand('view.minimap', () => prefs().toggleMinimap(), true, undefined, minimap);
  useCommand('help.tour', () => prefs().showTour(), true);
  return null;
}
