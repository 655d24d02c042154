// A source's folded codings after a change set: some leave, some arrive. The result is exactly
// what `packCodings(sourceId, projectId, [...kept, ...arriving])` gives, but the kept codings are
// copied column to column instead of being unpacked into Coding objects and packed again: a merge
// touching every source of a 100,000-coding project would otherwise build and take apart 100,000
// objects (with a date parsed and printed for each) only to write back what was already there.
import type { Coding } from '../../../shared/model/types';
import { codingCount, dictionary, emptyColumns, idAt, packCodings, storedTime, unpackCodings, type SourceCodings, type SourceQuotes } from './codingColumns';

/**
 * The columns of a source whose codings with an id in `gone` leave and `arriving` come in. With no
 * stored columns, `arriving` is simply packed.
 */
export function editColumns(
  sourceId: string,
  projectId: string,
  stored: { columns: SourceCodings; quotes: SourceQuotes | undefined } | null,
  gone: ReadonlySet<string>,
  arriving: readonly Coding[],
): { columns: SourceCodings; quotes: SourceQuotes } {
  if (!stored) return packCodings(sourceId, projectId, arriving);
  const { columns: from, quotes: fromQuotes } = stored;
  const total = codingCount(from);
  // The kept positions, in their (sorted) order.
  const kept: number[] = [];
  for (let i = 0; i < total; i++) {
    // Columns are written sorted; should some not be, packing them again sorts them as it always did.
    if (i > 0 && (from.starts[i]! < from.starts[i - 1]! || (from.starts[i] === from.starts[i - 1] && from.ends[i]! < from.ends[i - 1]!))) {
      return packCodings(sourceId, projectId, [...unpackCodings(from, fromQuotes).filter((c) => !gone.has(c.id)), ...arriving]);
    }
    if (gone.size === 0 || !gone.has(idAt(from, i))) kept.push(i);
  }
  // Arriving codings in packCodings' order (a stable sort by start, then end).
  const incoming = [...arriving].sort((a, b) => a.start - b.start || a.end - b.end);
  const n = kept.length + incoming.length;
  const { columns, quotes } = emptyColumns(sourceId, projectId, n);
  const codeAt = dictionary(columns.codeIds);
  const coderAt = dictionary(columns.coders);
  const idParts = new Array<string>(n);
  let idLength = 0;
  // The stored dictionaries' entries, looked up once each rather than once per kept coding.
  const codeOf = new Int32Array(from.codeIds.length).fill(-1);
  const coderOf = new Int32Array(from.coders.length).fill(-1);
  // Creation times parsed once per distinct text (a step's codings often share one).
  const times = new Map<string, { ms: number; text: string | undefined }>();
  let k = 0;
  let a = 0;
  for (let out = 0; out < n; out++) {
    // Ties go to the kept coding: it came first in the list packCodings would sort.
    const takeKept = k < kept.length && (a >= incoming.length || from.starts[kept[k]!]! < incoming[a]!.start || (from.starts[kept[k]!] === incoming[a]!.start && from.ends[kept[k]!]! <= incoming[a]!.end));
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
      quotes.exact[out] = fromQuotes?.exact[i] ?? '';
      quotes.prefix[out] = fromQuotes?.prefix[i] ?? '';
      quotes.suffix[out] = fromQuotes?.suffix[i] ?? '';
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
      quotes.exact[out] = coding.exact;
      quotes.prefix[out] = coding.prefix;
      quotes.suffix[out] = coding.suffix;
    }
  }
  columns.idText = idParts.join('');
  return { columns, quotes };
}

/** Whether two sources' quotes hold the same selectors in the same order (then the stored record can stay). */
export function sameQuotes(a: SourceQuotes, b: SourceQuotes): boolean {
  const n = a.exact.length;
  if (b.exact.length !== n || a.prefix.length !== n || b.prefix.length !== n || a.suffix.length !== n || b.suffix.length !== n) return false;
  for (let i = 0; i < n; i++) {
    if (a.exact[i] !== b.exact[i] || a.prefix[i] !== b.prefix[i] || a.suffix[i] !== b.suffix[i]) return false;
  }
  return true;
}
