// Live read of what Undo and Redo would do now, by name, for buttons and menus. Reads index keys
// only (see schemaV9), so it costs nothing however big the last step was.
import { useLiveQuery } from 'dexie-react-hooks';
import { undoRedoState, type UndoRedoState } from './operations/history';

export function useUndoRedo(projectId: string | null): UndoRedoState {
  return useLiveQuery(() => (projectId ? undoRedoState(projectId) : {}), [projectId]) ?? {};
}

/** "Undo: apply Distrust of China to 3 passages". */
export function undoTitle(verb: 'Undo' | 'Redo', label: string | undefined): string {
  return label ? `${verb}: ${label.charAt(0).toLowerCase()}${label.slice(1)}` : `Nothing to ${verb.toLowerCase()}`;
}
