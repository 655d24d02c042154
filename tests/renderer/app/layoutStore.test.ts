// The pane layout's memory: every change reaches a synchronous copy at once, so a window closed
// or reloaded before the throttled settings write still finds it; deleting the project clears it.
import { beforeEach, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../support/freshDatabase';
import { createProject, deleteProject } from '../../../renderer/src/db/operations/projects';
import { getSetting, layoutCopyKey, layoutSettingKey } from '../../../renderer/src/db/operations/settings';
import { loadLayout, useLayoutStore } from '../../../renderer/src/app/layout/layoutStore';
import { DEFAULT_LAYOUT, type PaneLayout } from '../../../renderer/src/app/layout/paneLayout';

const freshDb = useFreshDatabase();

beforeEach(() => {
  freshDb();
  localStorage.clear();
  useLayoutStore.setState({ projectId: null, layout: DEFAULT_LAYOUT });
});

const wider = (px: number): PaneLayout => ({ ...DEFAULT_LAYOUT, leftWidth: DEFAULT_LAYOUT.leftWidth + px });

describe('layout memory', () => {
  it('keeps the last of quick changes even when the window goes before the settings table is written', async () => {
    const { id } = await createProject('Layout');
    await loadLayout(id);
    const { setLayout } = useLayoutStore.getState();
    setLayout(wider(12)); // written to the table at once
    setLayout(wider(24)); // waits for the throttle…
    setLayout({ ...wider(36), collapsed: { ...DEFAULT_LAYOUT.collapsed, memos: true } });
    // …but the copy has it already, before any timer ran.
    expect(JSON.parse(localStorage.getItem(layoutCopyKey(id))!)).toMatchObject({ leftWidth: DEFAULT_LAYOUT.leftWidth + 36, collapsed: { memos: true } });
    expect((await getSetting<PaneLayout>(layoutSettingKey(id)))?.leftWidth).toBe(DEFAULT_LAYOUT.leftWidth + 12);

    // A new window (the store starts empty) shows the last layout, not the table's older one.
    useLayoutStore.setState({ projectId: null, layout: DEFAULT_LAYOUT });
    await loadLayout(id);
    expect(useLayoutStore.getState().layout.leftWidth).toBe(DEFAULT_LAYOUT.leftWidth + 36);
    expect(useLayoutStore.getState().layout.collapsed.memos).toBe(true);
  });

  it('reads a damaged copy as the default layout, and forgets the copy with the project', async () => {
    const { id } = await createProject('Layout');
    localStorage.setItem(layoutCopyKey(id), '{"leftWidth": "very wide"');
    await loadLayout(id);
    expect(useLayoutStore.getState().layout).toEqual(DEFAULT_LAYOUT);
    useLayoutStore.getState().setLayout(wider(40));
    await deleteProject(id);
    expect(localStorage.getItem(layoutCopyKey(id))).toBeNull();
  });
});
