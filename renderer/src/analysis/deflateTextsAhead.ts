// A save's texts handed to the deflate workers the moment they are read, before the document is
// built: on the big project their 20 MB are most of the deflating, and this way it runs while the
// project-file worker builds project.qde and works out marginalia.json. The writer takes what is
// handed over here only for exactly the text it writes, so it never encodes or checks them itself.
import type { ProjectSnapshot } from '../../../shared/model/snapshot';
import { sourceTextPathOfSource } from '../../../shared/refi/qdeFromSnapshot';
import type { DeflatedEntries, DeflatedEntry, TextAhead } from '../../../shared/refi/qdpxWrite';

/**
 * Puts each text into `ahead` under the path the writer gives its source's text, as it is being
 * deflated; where `before` (the last save's entries) holds that path, the worker only checks that
 * it is this text's (size and checksum of its UTF-8) and the entry is used again: a source's text
 * never changes, but the check means a stale entry cannot reach a file. A text handed over once is
 * not handed over again (a read that starts over reads it twice). A deflate that fails is done again by the writer.
 */
export function deflateTextsAhead(
  texts: readonly ProjectSnapshot['sourceTexts'][number][],
  before: DeflatedEntries,
  ahead: Map<string, TextAhead>,
  deflateText: (text: string, unless?: DeflatedEntry) => Promise<DeflatedEntry>,
): void {
  for (const { sourceId, text } of texts) {
    const path = sourceTextPathOfSource(sourceId);
    if (ahead.get(path)?.text === text) continue;
    const last = before.get(path);
    const entry = deflateText(text, last instanceof Promise ? undefined : last);
    // Awaited by the writer, which deflates the text itself if this fails.
    entry.catch(() => undefined);
    ahead.set(path, { text, entry });
  }
}
