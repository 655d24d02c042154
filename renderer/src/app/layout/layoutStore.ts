// The open project's pane layout (UI state), remembered per project as a preference in the
// settings table: never in the project's history, so resizing a pane is not an undoable step and
// does not travel in the project file.
//
// The settings table is written at most every 150 ms (a drag changes the layout many times a
// second), and a write still waiting, or not yet committed, when the page goes away (a reload, the
// window closed) is lost: the layout then came back as it was mid-drag, one drag step short, with
// the last collapse forgotten. So every change is also written at once, synchronously, to a
// per-project copy in localStorage, which loading prefers; the table stays the record that
// deleting a project clears (with the copy).
import { create } from 'zustand';
import { getSetting, layoutCopyKey, layoutSettingKey, setSetting } from '../../db/operations/settings';
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
    const projectId = get().projectId;
    writeCopy(projectId, layout);
    scheduleSave(projectId, layout);
  },
}));

function writeCopy(projectId: string | null, layout: PaneLayout): void {
  if (!projectId) return;
  try {
    globalThis.localStorage?.setItem(layoutCopyKey(projectId), JSON.stringify(layout));
  } catch {
    // Storage full or refused: the settings table still gets the layout, a moment later.
  }
}

function readCopy(projectId: string): unknown {
  try {
    const text = globalThis.localStorage?.getItem(layoutCopyKey(projectId));
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

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
  // The synchronous copy is never older than the table's row (both are written on every change).
  const stored = readCopy(projectId) ?? (await getSetting<unknown>(layoutKey(projectId)));
  // Another project may have been opened while this one was read.
  if (useLayoutStore.getState().projectId === projectId && stored !== undefined) useLayoutStore.setState({ layout: readLayout(stored) });
}
