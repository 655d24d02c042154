// Where each source was being read: the text offset at the top of the document view, kept while
// the app runs (switching back to a source returns to the same place) and handed to whoever
// persists it (app/viewMemory.ts), so a reload or restart opens the last source where it was.
const offsets = new Map<string, number>();
const listeners = new Set<(sourceId: string, offset: number) => void>();

/** The document scrolled: `offset` (UTF-16) starts the paragraph now at the top of the view. */
export function rememberScroll(sourceId: string, offset: number): void {
  if (offsets.get(sourceId) === offset) return;
  offsets.set(sourceId, offset);
  for (const listener of listeners) listener(sourceId, offset);
}

/** Sets where a source opens without telling the listeners (a place read back from storage). */
export function seedScroll(sourceId: string, offset: number): void {
  offsets.set(sourceId, offset);
}

export function recalledScroll(sourceId: string): number | undefined {
  return offsets.get(sourceId);
}

export function onScrollRemembered(listener: (sourceId: string, offset: number) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
