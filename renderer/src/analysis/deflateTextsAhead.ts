// A save's texts handed to the deflate workers the moment they are read, before the document is
// built: on the big project their 20 MB are most of the deflating, and this way it runs while the
// project-file worker builds project.qde and works out marginalia.json.
import type { ProjectSnapshot } from '../../../shared/model/snapshot';
import { sourceTextPathOfSource } from '../../../shared/refi/qdeFromSnapshot';
import type { DeflatedEntries, DeflatedEntry } from '../../../shared/refi/qdpxWrite';

/**
 * Puts each text into `entries` as it is being deflated, under the path the writer gives its
 * source's text, unless an entry is there already (the last write's: a source's text never
 * changes). The writer takes an entry only when its size and checksum are those of the text it
 * writes, so nothing here can put stale bytes in a file; a deflate that fails is done again there.
 */
export function deflateTextsAhead(texts: readonly ProjectSnapshot['sourceTexts'][number][], entries: DeflatedEntries, deflateText: (text: string) => Promise<DeflatedEntry>): void {
  for (const { sourceId, text } of texts) {
    const path = sourceTextPathOfSource(sourceId);
    if (entries.has(path)) continue;
    const entry = deflateText(text);
    // Awaited by the writer, which deflates the text itself if this fails.
    entry.catch(() => undefined);
    entries.set(path, entry);
  }
}
