// What the document view keeps of the last sources it showed, so that opening one of them again
// (a coder going back and forth between two transcripts) does not split its text into paragraphs,
// index its codings by paragraph or measure its rows again: on a 2 MB source with 20,000 codings
// that was most of the work between the click and the painted text.
import { splitParagraphs, type Paragraph } from '../../../../shared/text/paragraphs';
import { ParagraphIndexCache } from './paragraphCodings';
import { StripeLaneCache } from './stripeLanes';
import { createRowMemory, type RowMemory } from './useRowHeights';

export interface SourceMemory {
  readonly sourceId: string;
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  /** Brought up to date with the source's codings by changes, not rebuilt (paragraphCodings.ts). */
  readonly index: ParagraphIndexCache;
  readonly lanes: StripeLaneCache;
  /** Row metrics measured at a column width, and the row estimates made from them. */
  readonly rows: RowMemory;
}

/** Sources kept: the open one and the one before it. */
const KEPT = 2;
const kept: SourceMemory[] = [];

/** The memory of this source, made afresh when its text is not the one remembered. */
export function sourceMemory(sourceId: string, text: string, maxLanes: number): SourceMemory {
  const at = kept.findIndex((m) => m.sourceId === sourceId);
  const found = at >= 0 ? kept.splice(at, 1)[0] : undefined;
  // The same string, or an equal copy read again: a 2 MB comparison costs far less than a split.
  const memory = found && found.text === text ? found : { sourceId, text, paragraphs: splitParagraphs(text), index: new ParagraphIndexCache(), lanes: new StripeLaneCache(maxLanes), rows: createRowMemory() };
  kept.unshift(memory);
  kept.length = Math.min(kept.length, KEPT);
  return memory;
}
