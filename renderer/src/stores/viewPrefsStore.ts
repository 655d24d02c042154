// Reading comfort, remembered per installation: theme, the document's text size and line width,
// code names beside the margin stripes, the minimap, and whether the first-run tour was dismissed.
// Kept in localStorage (not the project database) because it must be known before the first
// paint: a dark-theme user must never see a white flash while IndexedDB opens.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type ThemeChoice = 'system' | 'light' | 'dark';

export const FONT_SIZES = [13, 14, 15, 16, 17, 18, 20, 22, 24, 26] as const;
export const DEFAULT_FONT_SIZE = 15;
/** Line widths in `rem`; Infinity fills the column. */
export const LINE_WIDTHS = [32, 38, 46, 56, 68, Infinity] as const;
export const DEFAULT_LINE_WIDTH = 46;

/** The localStorage key; tests set `tourDismissed` in it to keep the tour out of their way. */
export const VIEW_PREFS_KEY = 'marginalia.view';

export interface ViewPrefs {
  theme: ThemeChoice;
  /** Document text size in CSS pixels. */
  fontSize: number;
  /** Maximum line width of the document in rem (Infinity: the whole column). */
  lineWidth: number;
  codeNames: boolean;
  minimap: boolean;
  tourDismissed: boolean;
}

interface ViewPrefsState extends ViewPrefs {
  setTheme(theme: ThemeChoice): void;
  stepFontSize(direction: 1 | -1 | 0): void;
  stepLineWidth(direction: 1 | -1): void;
  toggleCodeNames(): void;
  toggleMinimap(): void;
  dismissTour(): void;
  showTour(): void;
}

/** The next value of a sorted list in `direction`, from the nearest one to `current`. */
function step<T extends number>(values: readonly T[], current: number, direction: 1 | -1): T {
  let at = values.findIndex((v) => v >= current);
  if (at < 0) at = values.length - 1;
  else if (values[at] !== current && direction === 1) at -= 1;
  return values[Math.min(values.length - 1, Math.max(0, at + direction))]!;
}

export const useViewPrefs = create<ViewPrefsState>()(
  persist(
    (set) => ({
      theme: 'system',
      fontSize: DEFAULT_FONT_SIZE,
      lineWidth: DEFAULT_LINE_WIDTH,
      codeNames: false,
      minimap: true,
      tourDismissed: false,
      setTheme: (theme) => set({ theme }),
      stepFontSize: (direction) =>
        set((s) => ({ fontSize: direction === 0 ? DEFAULT_FONT_SIZE : step(FONT_SIZES, s.fontSize, direction) })),
      stepLineWidth: (direction) => set((s) => ({ lineWidth: step(LINE_WIDTHS, s.lineWidth, direction) })),
      toggleCodeNames: () => set((s) => ({ codeNames: !s.codeNames })),
      toggleMinimap: () => set((s) => ({ minimap: !s.minimap })),
      dismissTour: () => set({ tourDismissed: true }),
      showTour: () => set({ tourDismissed: false }),
    }),
    {
      name: VIEW_PREFS_KEY,
      // JSON has no Infinity: the full width is stored as null.
      storage: createJSONStorage(() => localStorage, {
        replacer: (_key, value) => (value === Infinity ? null : value),
        reviver: (key, value) => (key === 'lineWidth' && value === null ? Infinity : value),
      }),
      partialize: ({ theme, fontSize, lineWidth, codeNames, minimap, tourDismissed }) => ({ theme, fontSize, lineWidth, codeNames, minimap, tourDismissed }),
    },
  ),
);

export const selectTheme = (s: ViewPrefs): ThemeChoice => s.theme;
export const selectFontSize = (s: ViewPrefs): number => s.fontSize;
export const selectLineWidth = (s: ViewPrefs): number => s.lineWidth;
export const selectCodeNames = (s: ViewPrefs): boolean => s.codeNames;
export const selectMinimap = (s: ViewPrefs): boolean => s.minimap;
export const selectTourDismissed = (s: ViewPrefs): boolean => s.tourDismissed;
