// Every command the app has, registered once, in menu order: its id, its label (the name the UI,
// the README and researchers' notes use), the menu it lives in and its shortcut. What a command
// does and whether it can run now are bound at run time by the component that owns it (`useCommand`).
import type { MenuName } from '../../../shared/ipc/contract';

export type { MenuName };

export interface CommandSpec {
  id: string;
  label: string;
  menu: MenuName;
  /** Items of one menu with different groups are separated by a line. */
  group: string;
  /** The key shown in menus, e.g. `Mod+Shift+Z` (Mod is Cmd on a Mac, Ctrl elsewhere). */
  shortcut?: string;
  /** Further keys that run the command without being shown in menus. */
  alsoKeys?: readonly string[];
  /** Whether the shortcut also works while typing in a text field (the palette's keys do). */
  inTextFields?: boolean;
  /**
   * The key runs the command even while its menu item looks disabled: the action checks for
   * itself (undo reads the history), and the menu's state may lag a step that just landed.
   */
  keyAlwaysRuns?: boolean;
}

export const MENUS: readonly MenuName[] = ['File', 'Edit', 'View', 'Code', 'Analyse', 'Help'];

export const COMMANDS: readonly CommandSpec[] = [
  { id: 'project.new', label: 'New project', menu: 'File', group: 'project' },
  { id: 'project.rename', label: 'Rename project', menu: 'File', group: 'project' },
  { id: 'project.delete', label: 'Delete project', menu: 'File', group: 'project' },
  // The browser would save or open the page on these keys, in text fields too: they are ours.
  { id: 'project.open', label: 'Open project', menu: 'File', group: 'file', shortcut: 'Mod+O', inTextFields: true },
  { id: 'project.save', label: 'Save project', menu: 'File', group: 'file', shortcut: 'Mod+S', inTextFields: true },
  { id: 'project.saveAs', label: 'Save project as', menu: 'File', group: 'file', shortcut: 'Mod+Shift+S', inTextFields: true },
  { id: 'project.restoreBackup', label: 'Restore from backup', menu: 'File', group: 'file' },
  { id: 'sources.import', label: 'Import sources', menu: 'File', group: 'import' },
  { id: 'codebook.import', label: 'Import codebook', menu: 'File', group: 'import' },
  { id: 'export.codebookCsv', label: 'Export codebook (CSV)', menu: 'File', group: 'export' },
  { id: 'export.codebookQdc', label: 'Export codebook (QDC)', menu: 'File', group: 'export' },
  { id: 'export.segmentsCsv', label: 'Export coded segments (CSV)', menu: 'File', group: 'export' },
  { id: 'export.unitMatrix', label: 'Export unit × code matrix (CSV)', menu: 'File', group: 'export' },
  { id: 'export.more', label: 'More exports…', menu: 'File', group: 'export' },
  { id: 'source.exportOriginal', label: 'Export original file', menu: 'File', group: 'export' },
  { id: 'project.merge', label: 'Merge project', menu: 'File', group: 'merge' },

  // Ctrl+Y is Windows' redo; Cmd+Y is not a redo on a Mac, hence `Ctrl` rather than `Mod`.
  { id: 'edit.undo', label: 'Undo', menu: 'Edit', group: 'history', shortcut: 'Mod+Z', keyAlwaysRuns: true },
  { id: 'edit.redo', label: 'Redo', menu: 'Edit', group: 'history', shortcut: 'Mod+Shift+Z', alsoKeys: ['Ctrl+Y'], keyAlwaysRuns: true },
  { id: 'edit.find', label: 'Find', menu: 'Edit', group: 'find', shortcut: 'Mod+F' },
  { id: 'edit.searchProject', label: 'Search project', menu: 'Edit', group: 'find', shortcut: 'Mod+Shift+F' },

  { id: 'view.document', label: 'Show document', menu: 'View', group: 'views' },
  { id: 'view.toggleSources', label: 'Toggle Sources', menu: 'View', group: 'panes' },
  { id: 'view.toggleMemos', label: 'Toggle Memos', menu: 'View', group: 'panes' },
  { id: 'view.toggleCases', label: 'Toggle Cases', menu: 'View', group: 'panes' },
  { id: 'view.toggleCodebook', label: 'Toggle Codebook', menu: 'View', group: 'panes' },
  { id: 'view.resetLayout', label: 'Reset layout', menu: 'View', group: 'panes' },
  // Reading comfort (bound by app/ReadingCommands.tsx; the choices persist in viewPrefsStore).
  { id: 'view.textLarger', label: 'Larger text', menu: 'View', group: 'text', shortcut: 'Mod+=', inTextFields: true },
  { id: 'view.textSmaller', label: 'Smaller text', menu: 'View', group: 'text', shortcut: 'Mod+-', inTextFields: true },
  { id: 'view.textDefault', label: 'Default text size', menu: 'View', group: 'text', shortcut: 'Mod+0', inTextFields: true },
  { id: 'view.linesWider', label: 'Wider lines', menu: 'View', group: 'text' },
  { id: 'view.linesNarrower', label: 'Narrower lines', menu: 'View', group: 'text' },
  { id: 'view.themeLight', label: 'Light theme', menu: 'View', group: 'theme' },
  { id: 'view.themeDark', label: 'Dark theme', menu: 'View', group: 'theme' },
  { id: 'view.themeSystem', label: 'Theme as the system', menu: 'View', group: 'theme' },
  { id: 'view.codeNames', label: 'Code names beside stripes', menu: 'View', group: 'margin' },
  { id: 'view.minimap', label: 'Codings minimap', menu: 'View', group: 'margin' },
  { id: 'view.otherCoders', label: 'Show other coders', menu: 'View', group: 'coders' },
  { id: 'coder.switch', label: 'Switch coder…', menu: 'File', group: 'coders' },
  { id: 'view.palette', label: 'Command palette', menu: 'View', group: 'palette', shortcut: 'Mod+K', alsoKeys: ['Mod+Shift+P'], inTextFields: true },

  { id: 'code.new', label: 'New code', menu: 'Code', group: 'codes' },
  { id: 'code.delete', label: 'Delete code', menu: 'Code', group: 'codes' },
  { id: 'code.assignShortcut', label: 'Assign shortcut…', menu: 'Code', group: 'codes' },
  { id: 'coding.activeMode', label: 'Active code mode', menu: 'Code', group: 'coding', shortcut: 'Mod+Shift+A' },
  { id: 'coding.next', label: 'Next coding', menu: 'Code', group: 'navigate', shortcut: 'F8', inTextFields: true },
  { id: 'coding.previous', label: 'Previous coding', menu: 'Code', group: 'navigate', shortcut: 'Shift+F8', inTextFields: true },
  { id: 'coding.nextUncoded', label: 'Next uncoded paragraph', menu: 'Code', group: 'navigate', shortcut: 'Alt+F8', inTextFields: true },
  { id: 'source.delete', label: 'Delete source', menu: 'Code', group: 'sources' },
  { id: 'source.split', label: 'Split into cases', menu: 'Code', group: 'sources' },
  { id: 'memo.new', label: 'New memo', menu: 'Code', group: 'memos' },
  { id: 'code.autoCode', label: 'Auto-code…', menu: 'Code', group: 'autocode' },

  { id: 'analyse.segments', label: 'Show coded segments', menu: 'Analyse', group: 'retrieval' },
  { id: 'analyse.cooccurrence', label: 'Show co-occurrence', menu: 'Analyse', group: 'matrix' },
  { id: 'analyse.crosstab', label: 'Show crosstab', menu: 'Analyse', group: 'matrix' },
  { id: 'analyse.frequencies', label: 'Show frequencies', menu: 'Analyse', group: 'frequencies' },
  { id: 'analyse.saveFilter', label: 'Save filter…', menu: 'Analyse', group: 'filter' },
  { id: 'analyse.clearFilter', label: 'Clear filter', menu: 'Analyse', group: 'filter' },
  { id: 'analyse.queries', label: 'Show queries', menu: 'Analyse', group: 'queries' },
  { id: 'query.new', label: 'New query', menu: 'Analyse', group: 'queries' },
  { id: 'query.run', label: 'Run query', menu: 'Analyse', group: 'queries' },
  { id: 'query.save', label: 'Save query…', menu: 'Analyse', group: 'queries' },
  { id: 'query.codeResult', label: 'Code the result…', menu: 'Analyse', group: 'queries' },
  { id: 'analyse.agreement', label: 'Compute agreement', menu: 'Analyse', group: 'agreement' },

  { id: 'help.shortcuts', label: 'Keyboard shortcuts', menu: 'Help', group: 'help', shortcut: '?' },
  { id: 'help.tour', label: 'Show tour', menu: 'Help', group: 'help' },
];

/** Keys that belong to one place (the document, the code menu) rather than to a command; the shortcuts sheet lists them too. */
export const PLACE_KEYS: ReadonlyArray<{ place: string; keys: string; does: string }> = [
  { place: 'Document', keys: '1–9', does: 'Apply the code holding that digit to the selection' },
  { place: 'Document', keys: 'Enter', does: 'Open the code menu for the selection' },
  { place: 'Document', keys: 'Escape', does: 'Clear the selection' },
  { place: 'Document', keys: 'Shift+F10 or the Menu key', does: 'Show the codings at the caret (remove one, add a memo)' },
  { place: 'Codings here', keys: 'Shift+→ / Shift+←', does: 'Extend or shrink the coding by a character (add Ctrl: a word, Alt: a sentence); one undoable step each' },
  { place: 'Codings here', keys: 'Home / End', does: 'Choose whether the arrows move the coding’s start or its end' },
  { place: 'Find bar', keys: 'Escape', does: 'Close the find bar, leaving the match selected to code' },
  { place: 'Document', keys: 'Mod+Home / Mod+End', does: 'Go to the start or end of the source' },
  { place: 'Codebook', keys: 'Enter or F2', does: 'Edit the code (name, colour, description)' },
  { place: 'Codebook', keys: 'Delete', does: 'Delete the code' },
  { place: 'Codebook', keys: '1–9 / 0', does: 'Pin that digit to the code (it keeps it when codes are added) / remove its digit' },
  { place: 'Codebook', keys: 'Alt+arrows', does: 'Move, indent or outdent the code' },
  { place: 'Pane separator', keys: 'Arrows / Home / End', does: 'Resize the panes on either side (Shift: bigger steps)' },
  { place: 'Pane separator', keys: 'Enter', does: 'Collapse or restore the pane' },
  { place: 'Everywhere', keys: 'F6 / Shift+F6', does: 'Move to the next or previous region' },
  { place: 'Menu bar', keys: 'Alt or F10', does: 'Move to the menu bar' },
];
