// Binds the View menu's reading-comfort commands (text size, line width, theme, code names beside
// the stripes, the minimap) and Help → Show tour to the persisted view preferences.
import { useCommand } from '../commands/registry';
import { useViewPrefs } from '../stores/viewPrefsStore';

export function ReadingCommands() {
  const prefs = useViewPrefs.getState;
  useCommand('view.textLarger', () => prefs().stepFontSize(1), true);
  useCommand('view.textSmaller', () => prefs().stepFontSize(-1), true);
  useCommand('view.textDefault', () => prefs().stepFontSize(0), true);
  useCommand('view.linesWider', () => prefs().stepLineWidth(1), true);
  useCommand('view.linesNarrower', () => prefs().stepLineWidth(-1), true);
  useCommand('view.themeLight', () => prefs().setTheme('light'), true);
  useCommand('view.themeDark', () => prefs().setTheme('dark'), true);
  useCommand('view.themeSystem', () => prefs().setTheme('system'), true);
  useCommand('view.codeNames', () => prefs().toggleCodeNames(), true);
  useCommand('view.minimap', () => prefs().toggleMinimap(), true);
  useCommand('help.tour', () => prefs().showTour(), true);
  return null;
}
