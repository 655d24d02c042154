// What a project was showing (the open source, the centre tab, where the source was scrolled to),
// remembered per project as a preference in the settings table (not project history), so that a
// reload or a restart opens the project as it was left.
import { useEffect } from 'react';
import { getSetting, setSetting, viewSettingKey } from '../db/operations/settings';
import { useUiStore, type CentreView } from '../stores/uiStore';
import { throttledWriter } from './throttledWrite';
import { onScrollRemembered, seedScroll } from '../features/coding/scrollMemory';

export interface ViewMemory {
  sourceId: string | null;
  centreView: CentreView;
  /** The text offset at the top of the document view, for `sourceId`. */
  scroll?: { sourceId: string; offset: number };
}

let current: { projectId: string; memory: ViewMemory } | null = null;

const VIEWS: readonly CentreView[] = ['document', 'segments', 'cooccurrence'];
export const viewKey = viewSettingKey;

/** The stored view, checked: a damaged preference is ignored rather than trusted. */
export async function readViewMemory(projectId: string): Promise<ViewMemory | undefined> {
  const stored = await getSetting<Partial<ViewMemory>>(viewKey(projectId));
  if (typeof stored !== 'object' || stored === null) return undefined;
  const scroll = stored.scroll;
  return {
    sourceId: typeof stored.sourceId === 'string' ? stored.sourceId : null,
    centreView: VIEWS.includes(stored.centreView as CentreView) ? (stored.centreView as CentreView) : 'document',
    ...(scroll && typeof scroll.sourceId === 'string' && Number.isInteger(scroll.offset) && scroll.offset >= 0 ? { scroll: { sourceId: scroll.sourceId, offset: scroll.offset } } : {}),
  };
}

/**
 * Opens the project's remembered source and tab (the first source when none is remembered or it
 * is gone), with the document scrolled where it was left.
 */
export async function restoreView(projectId: string, sourceIds: readonly string[]): Promise<void> {
  const memory = await readViewMemory(projectId).catch(() => undefined);
  const ui = useUiStore.getState();
  if (ui.activeProjectId !== projectId) return;
  const sourceId = memory?.sourceId && sourceIds.includes(memory.sourceId) ? memory.sourceId : (sourceIds[0] ?? null);
  if (memory?.scroll && memory.scroll.sourceId === sourceId) seedScroll(sourceId, memory.scroll.offset);
  // Later changes are merged into what was stored, so switching tabs keeps the scroll position.
  if (memory) current = { projectId, memory };
  ui.openSource(sourceId);
  if (memory && memory.centreView !== 'document') ui.showCentreView(memory.centreView);
}

// Scrolling reports often: the preference is written at most every 200 ms, the last report always.
const writer = throttledWriter<{ projectId: string; memory: ViewMemory }>(({ projectId, memory }) => void setSetting(viewKey(projectId), memory).catch(() => undefined), 200);

function save(projectId: string, patch: Partial<ViewMemory>): void {
  if (current?.projectId !== projectId) current = { projectId, memory: { sourceId: null, centreView: 'document' } };
  current.memory = { ...current.memory, ...patch };
  writer.schedule({ projectId, memory: current.memory });
}

/** Records the open source, the tab and the scroll position of the open project as they change. */
export function useViewMemory(): void {
  useEffect(() => {
    const unsubscribeUi = useUiStore.subscribe((state, previous) => {
      const projectId = state.activeProjectId;
      // Opening a project resets the view before its memory is read back: not a change to keep.
      if (!projectId || projectId !== previous.activeProjectId) return;
      if (state.activeSourceId !== previous.activeSourceId || state.centreView !== previous.centreView) {
        save(projectId, { sourceId: state.activeSourceId, centreView: state.centreView });
      }
    });
    const unsubscribeScroll = onScrollRemembered((sourceId, offset) => {
      const { activeProjectId, activeSourceId, centreView } = useUiStore.getState();
      if (activeProjectId && sourceId === activeSourceId) save(activeProjectId, { sourceId, centreView, scroll: { sourceId, offset } });
    });
    return () => {
      unsubscribeUi();
      unsubscribeScroll();
    };
  }, []);
}
