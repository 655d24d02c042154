// The open project's pane layout (UI state), remembered per project as a preference in the
// settings table: never in the project's history, so resizing a pane is not an undoable step and
// does not travel in the project file.
import { create } from 'zustand';
import { getSetting, layoutSettingKey, setSetting } from '../../db/operations/settings';
import { throttledWriter } from '../throttledWrite';
import { DEFAULT_LAYOUT, readLayout, type PaneLayout } from './paneLayout';

interface LayoutState {
  projectId: string | null;
  layout: PaneLayout;
  setLayout(next: PaneLayout): void;
}

export const layoutKey = layoutSettingKey;

export const useLayoutStore = create<LayoutState>()((set, get) => ({
  projectId: null,
  layout: DEFAULT_LAYOUT,
  setLayout: (layout) => {
    set({ layout });
    scheduleSave(get().projectId, layout);
  },
}));

export const selectLayout = (s: LayoutState): PaneLayout => s.layout;

// A drag changes the layout many times a second: the preference is written at most every 150 ms.
const writer = throttledWriter<{ projectId: string; layout: PaneLayout }>(({ projectId, layout }) => void setSetting(layoutKey(projectId), layout).catch(() => undefined), 150);

function scheduleSave(projectId: string | null, layout: PaneLayout): void {
  if (projectId) writer.schedule({ projectId, layout });
}

/** Shows the project's remembered layout (the default for a project never arranged). */
export async function loadLayout(projectId: string | null): Promise<void> {
  // Startup reads it before the first paint; the workspace asks again when it mounts.
  if (useLayoutStore.getState().projectId === projectId) return;
  useLayoutStore.setState({ projectId, layout: DEFAULT_LAYOUT });
  if (!projectId) return;
  const stored = await getSetting<unknown>(layoutKey(projectId));
  // Another project may have been opened while this one was read.
  if (useLayoutStore.getState().projectId === projectId && stored !== undefined) useLayoutStore.setState({ layout: readLayout(stored) });
}
