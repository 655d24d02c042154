// A source's folded codings after a change set: some leave, some arrive. The result holds exactly
// the codings `packCodings(sourceId, projectId, [...kept, ...arriving])` would, in its order, but
// the kept codings are copied column to column instead of being unpacked into Coding objects and
// packed again, and their quotes stay where they are: only the arriving codings' quotes make a
// new part. A merge touching every source of a 100,000-coding project would otherwise build and
// take apart 100,000 objects, and read and write back every quote, only to keep what was there.
import type { Coding } from '../../../shared/model/types';
import { codingCount, dictionary, emptyColumns, idAt, packCodings, storedQuotePart, storedTime, type QuotePart, type SourceCodings, type SourceQuotes } from './codingColumns';

/** What to store for a source after an edit. */
export interface EditedColumns {
  columns: SourceCodings;
  /** The new quote part (the arriving codings' quotes; every quote when compacted), or null when none is needed. */
  part: QuotePart | null;
  /** The stored parts no coding refers to any more, to delete. */
  dropped: number[];
}

/** A source's parts at most: past it, or past half of the stored quotes being dropped ones, its quotes are compacted into one part. */
export const QUOTE_PARTS_AT_MOST = 16;

/**
 * Whether an edit of these columns (`leaving` codings out, `arriving` in) should compact the
 * source's quotes into one part: too many parts, or more quotes stored than in use. Compacting
 * reads the source's quotes (`editColumns` with `quotes`); otherwise they are never read.
 */
export function wantsCompaction(columns: SourceCodings, leaving: number, arriving: number): boolean {
  const parts = columns.quoteParts.length + (arriving > 0 ? 1 : 0);
  const stored = columns.quotePartSizes.reduce((a, b) => a + b, 0) + arriving;
  const live = codingCount(columns) - leaving + arriving;
  return parts > QUOTE_PARTS_AT_MOST || live * 2 < stored;
}

/**
 * The columns of a source whose codings with an id in `gone` leave and `arriving` come in. With no
 * stored columns, `arriving` is simply packed. With `stored.quotes` (every quote of the stored
 * columns, in their order) the source's quotes are compacted into one new part.
 */
export function editColumns(
  sourceId: string,
  projectId: string,
  stored: { columns: SourceCodings; quotes?: SourceQuotes | undefined } | null,
  gone: ReadonlySet<string>,
  arriving: readonly Coding[],
): EditedColumns {
  if (!stored) {
    const packed = packCodings(sourceId, projectId, arriving);
    return { columns: packed.columns, part: arriving.length > 0 ? storedQuotePart(sourceId, projectId, 0, packed.quotes) : null, dropped: [] };
  }
  const { columns: from, quotes: fromQuotes } = stored;
  const total = codingCount(from);
  // The kept positions, in their (sorted) order.
  const kept: number[] = [];
  let sorted = true;
  for (let i = 0; i < total; i++) {
    if (i > 0 && (from.starts[i]! < from.starts[i - 1]! || (from.starts[i] === from.starts[i - 1] && from.ends[i]! < from.ends[i - 1]!))) sorted = false;
    if (gone.size === 0 || !gone.has(idAt(from, i))) kept.push(i);
  }
  // Columns are written sorted; should some not be, the kept ones are put in order as packing
  // them would (a stable sort: equal spans keep their stored order).
  if (!sorted) kept.sort((x, y) => from.starts[x]! - from.starts[y]! || from.ends[x]! - from.ends[y]! || x - y);
  // Arriving codings in packCodings' order (a stable sort by start, then end).
  const incoming = [...arriving].sort((a, b) => a.start - b.start || a.end - b.end);
  const n = kept.length + incoming.length;
  const { columns } = emptyColumns(sourceId, projectId, n);
  const codeAt = dictionary(columns.codeIds);
  const coderAt = dictionary(columns.coders);
  const idParts = new Array<string>(n);
  let idLength = 0;
  // The stored dictionaries' entries, looked up once each rather than once per kept coding.
  const codeOf = new Int32Array(from.codeIds.length).fill(-1);
  const coderOf = new Int32Array(from.coders.length).fill(-1);
  // Quote parts: compacting puts every quote into one new part; else the kept codings keep their
  // parts (renumbered slots) and the arriving ones go into a new part after the stored ones.
  const compact = fromQuotes !== undefined;
  const newPart = from.quoteParts.reduce((a, b) => Math.max(a, b + 1), 0);
  const slotOf = new Int32Array(from.quoteParts.length).fill(-1);
  const arrivingQuotes: SourceQuotes = { sourceId, exact: [], prefix: [], suffix: [] };
  let newSlot = -1;
  const partSlot = (): number => {
    if (newSlot === -1) {
      newSlot = columns.quoteParts.length;
      columns.quoteParts.push(newPart);
      columns.quotePartSizes.push(0);
    }
    return newSlot;
  };
  // Creation times parsed once per distinct text (a step's codings often share one).
  const times = new Map<string, { ms: number; text: string | undefined }>();
  let k = 0;
  let a = 0;
  for (let out = 0; out < n; out++) {
    // Ties go to the kept coding: it came first in the list packCodings would sort.
    const takeKept = k < kept.length && (a >= incoming.length || from.starts[kept[k]!]! < incoming[a]!.start || (from.starts[kept[k]!] === incoming[a]!.start && from.ends[kept[k]!]! <= incoming[a]!.end));
    let exact: string;
    let prefix: string;
    let suffix: string;
    if (takeKept) {
      const i = kept[k++]!;
      const id = idAt(from, i);
      const code = from.code[i]!;
      if (codeOf[code] === -1) codeOf[code] = codeAt(from.codeIds[code]!);
      columns.code[out] = codeOf[code]!;
      columns.starts[out] = from.starts[i]!;
      columns.ends[out] = from.ends[i]!;
      idParts[out] = id;
      idLength += id.length;
      columns.idEnds[out] = idLength;
      const coder = from.coder[i]!;
      if (coderOf[coder] === -1) coderOf[coder] = coderAt(from.coders[coder]!);
      columns.coder[out] = coderOf[coder]!;
      columns.created[out] = from.created[i]!;
      const text = from.createdText[i];
      if (text !== undefined) columns.createdText[out] = text;
      if (!compact) {
        const slot = from.quotePart[i]!;
        if (slotOf[slot] === -1) {
          slotOf[slot] = columns.quoteParts.length;
          columns.quoteParts.push(from.quoteParts[slot]!);
          columns.quotePartSizes.push(from.quotePartSizes[slot]!);
        }
        columns.quotePart[out] = slotOf[slot]!;
        columns.quoteIndex[out] = from.quoteIndex[i]!;
        continue;
      }
      exact = fromQuotes.exact[i] ?? '';
      prefix = fromQuotes.prefix[i] ?? '';
      suffix = fromQuotes.suffix[i] ?? '';
    } else {
      const coding = incoming[a++]!;
      columns.code[out] = codeAt(coding.codeId);
      columns.starts[out] = coding.start;
      columns.ends[out] = coding.end;
      idParts[out] = coding.id;
      idLength += coding.id.length;
      columns.idEnds[out] = idLength;
      columns.coder[out] = coderAt(coding.coder);
      let time = times.get(coding.createdAt);
      if (!time) {
        time = storedTime(coding.createdAt);
        times.set(coding.createdAt, time);
      }
      columns.created[out] = time.ms;
      if (time.text !== undefined) columns.createdText[out] = time.text;
      ({ exact, prefix, suffix } = coding);
    }
    // Into the new part: an arriving coding, or any coding when compacting.
    const slot = partSlot();
    columns.quotePart[out] = slot;
    columns.quoteIndex[out] = arrivingQuotes.exact.length;
    columns.quotePartSizes[slot]!++;
    arrivingQuotes.exact.push(exact);
    arrivingQuotes.prefix.push(prefix);
    arrivingQuotes.suffix.push(suffix);
  }
  columns.idText = idParts.join('');
  const keptParts = new Set(columns.quoteParts);
  return {
    columns,
    part: newSlot === -1 ? null : storedQuotePart(sourceId, projectId, newPart, arrivingQuotes),
    dropped: from.quoteParts.filter((part) => !keptParts.has(part)),
  };
}
