// The open project's pane layout (UI state), remembered per project as a preference in the
// settings table: never in the project's history, so resizing a pane is not an undoable step and
// does not travel in the project file.
import { create } from 'zustand';
import { getSetting, setSetting } from '../../db/operations/settings';
import { DEFAULT_LAYOUT, readLayout, type PaneLayout } from './paneLayout';

interface LayoutState {
  projectId: string | null;
  layout: PaneLayout;
  setLayout(next: PaneLayout): void;
}

export const layoutKey = (projectId: string): string => `layout:${projectId}`;

export const useLayoutStore = create<LayoutState>()((set, get) => ({
  projectId: null,
  layout: DEFAULT_LAYOUT,
  setLayout: (layout) => {
    set({ layout });
    scheduleSave(get().projectId, layout);
  },
}));

export const selectLayout = (s: LayoutState): PaneLayout => s.layout;

let saveTimer: ReturnType<typeof setTimeout> | undefined;

/** A drag changes the layout many times a second: the preference is written once it settles. */
function scheduleSave(projectId: string | null, layout: PaneLayout): void {
  clearTimeout(saveTimer);
  if (!projectId) return;
  saveTimer = setTimeout(() => void setSetting(layoutKey(projectId), layout).catch(() => undefined), 250);
}

/** Shows the project's remembered layout (the default for a project never arranged). */
export async function loadLayout(projectId: string | null): Promise<void> {
  clearTimeout(saveTimer);
  useLayoutStore.setState({ projectId, layout: DEFAULT_LAYOUT });
  if (!projectId) return;
  const stored = await getSetting<unknown>(layoutKey(projectId));
  // Another project may have been opened while this one was read.
  if (useLayoutStore.getState().projectId === projectId && stored !== undefined) useLayoutStore.setState({ layout: readLayout(stored) });
}
