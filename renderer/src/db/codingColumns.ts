// The stored shape of a source's folded codings (schemaV7): one record of parallel columns per
// source, typed arrays for the numbers. Structured cloning copies a typed array in one piece,
// where an array of Coding objects costs one clone per object and per string, so reading a
// project's 100,000 codings is a few hundred records instead of 100,000 objects. The quote
// fields (`exact`, `prefix`, `suffix`: three quarters of a coding's size) live apart, in quote
// parts (schemaV12) that are written once and never rewritten: the columns say where each
// coding's quotes are, so a step that adds codings to a source writes only theirs (a merge adding
// 50,000 codings to sources holding 100,000 rewrote, and first read, every quote), and they are
// read only when a whole Coding is wanted.
import type { Coding, CodingSpan } from '../../../shared/model/types';
import { partitionPoint } from '../../../shared/text/partitionPoint';
import { joinedWithEnds } from './joinedStrings';

/** Every folded coding of one source, column by column, sorted by start then end. */
export interface SourceCodings {
  sourceId: string;
  projectId: string;
  /** The codes used in this source; `code[i]` indexes it. */
  codeIds: string[];
  code: Uint32Array;
  starts: Int32Array;
  ends: Int32Array;
  /**
   * The ids, end to end in one string, `idEnds[i]` where the i-th ends: one string to clone per
   * source instead of one per coding (read them with `idAt`).
   */
  idText: string;
  idEnds: Uint32Array;
  /** The coders of this source; `coder[i]` indexes it. */
  coders: string[];
  coder: Uint32Array;
  /** Creation times in epoch milliseconds … */
  created: Float64Array;
  /** … and, by position, the original text of the few that `toISOString` would not give back. */
  createdText: Record<number, string>;
  /** The quote parts (their numbers) this source's codings have their quotes in, and how many quotes each part holds. */
  quoteParts: number[];
  quotePartSizes: number[];
  /** Where the i-th coding's quotes are: part `quoteParts[quotePart[i]]`, place `quoteIndex[i]` in it. */
  quotePart: Uint32Array;
  quoteIndex: Uint32Array;
}

/**
 * The quote selectors of a source's folded codings in the order of its SourceCodings: what
 * reading a source's quote parts gives (`resolveQuotes`), or the quotes of codings being packed.
 */
export interface SourceQuotes {
  sourceId: string;
  exact: string[];
  prefix: string[];
  suffix: string[];
}

/**
 * One quote part as stored (table `quoteParts`, keyed by source and part number): the quotes of
 * codings that arrived in a source together, each field's strings end to end in one string
 * (structured cloning one string is a copy; 150,000 strings were most of a merge's write).
 */
export interface QuotePart {
  sourceId: string;
  part: number;
  projectId: string;
  exact: string;
  exactEnds: Uint32Array;
  prefix: string;
  prefixEnds: Uint32Array;
  suffix: string;
  suffixEnds: Uint32Array;
}

/** The stored part holding these quotes, in their order. */
export function storedQuotePart(sourceId: string, projectId: string, part: number, quotes: Pick<SourceQuotes, 'exact' | 'prefix' | 'suffix'>): QuotePart {
  const exact = joinedWithEnds(quotes.exact);
  const prefix = joinedWithEnds(quotes.prefix);
  const suffix = joinedWithEnds(quotes.suffix);
  return { sourceId, part, projectId, exact: exact.text, exactEnds: exact.ends, prefix: prefix.text, prefixEnds: prefix.ends, suffix: suffix.text, suffixEnds: suffix.ends };
}

function sliceAt(text: string, ends: Uint32Array, i: number): string {
  return i < ends.length ? text.slice(i === 0 ? 0 : ends[i - 1], ends[i]) : '';
}

/** The stored keys of a source's quote parts. */
export function quotePartKeys(columns: SourceCodings): Array<[string, number]> {
  return columns.quoteParts.map((part) => [columns.sourceId, part]);
}

/**
 * A source's quotes in the order of its columns, from the parts read (by part number). A coding
 * whose part is not among them (never written, or not read by a caller that needs only some)
 * reads as empty quotes, as a source without quotes always has. With `positions`, only those
 * codings' quotes are filled in (the others are left out: read only those positions).
 */
export function resolveQuotes(columns: SourceCodings, parts: ReadonlyMap<number, QuotePart>, positions?: Iterable<number>): SourceQuotes {
  const n = codingCount(columns);
  const quotes: SourceQuotes = { sourceId: columns.sourceId, exact: new Array<string>(n), prefix: new Array<string>(n), suffix: new Array<string>(n) };
  const bySlot = columns.quoteParts.map((part) => parts.get(part));
  const fill = (i: number): void => {
    const part = bySlot[columns.quotePart[i]!];
    const at = columns.quoteIndex[i]!;
    quotes.exact[i] = part ? sliceAt(part.exact, part.exactEnds, at) : '';
    quotes.prefix[i] = part ? sliceAt(part.prefix, part.prefixEnds, at) : '';
    quotes.suffix[i] = part ? sliceAt(part.suffix, part.suffixEnds, at) : '';
  };
  if (positions) for (const i of positions) fill(i);
  else for (let i = 0; i < n; i++) fill(i);
  return quotes;
}

/** An index into a list of distinct strings, adding the string on first sight. */
export function dictionary(values: string[]): (value: string) => number {
  const index = new Map(values.map((v, i) => [v, i]));
  return (value) => {
    let at = index.get(value);
    if (at === undefined) {
      at = values.length;
      values.push(value);
      index.set(value, at);
    }
    return at;
  };
}

/** Columns and quotes for `n` codings of a source, with empty dictionaries, to be filled in. */
export function emptyColumns(sourceId: string, projectId: string, n: number): { columns: SourceCodings; quotes: SourceQuotes } {
  const columns: SourceCodings = {
    sourceId,
    projectId,
    codeIds: [],
    code: new Uint32Array(n),
    starts: new Int32Array(n),
    ends: new Int32Array(n),
    idText: '',
    idEnds: new Uint32Array(n),
    coders: [],
    coder: new Uint32Array(n),
    created: new Float64Array(n),
    createdText: {},
    quoteParts: [],
    quotePartSizes: [],
    quotePart: new Uint32Array(n),
    quoteIndex: new Uint32Array(n),
  };
  return { columns, quotes: { sourceId, exact: new Array<string>(n), prefix: new Array<string>(n), suffix: new Array<string>(n) } };
}

/**
 * A source's codings packed: columns whose quotes are all in one part (number `part`), and those
 * quotes in the columns' order (`storedQuotePart` makes the stored part of them).
 */
export function packCodings(sourceId: string, projectId: string, codings: readonly Coding[], part = 0): { columns: SourceCodings; quotes: SourceQuotes } {
  const sorted = [...codings].sort((a, b) => a.start - b.start || a.end - b.end);
  const n = sorted.length;
  const { columns, quotes } = emptyColumns(sourceId, projectId, n);
  if (n > 0) {
    columns.quoteParts.push(part);
    columns.quotePartSizes.push(n);
  }
  const codeAt = dictionary(columns.codeIds);
  const coderAt = dictionary(columns.coders);
  const idParts = new Array<string>(n);
  let idLength = 0;
  sorted.forEach((coding, i) => {
    columns.code[i] = codeAt(coding.codeId);
    columns.starts[i] = coding.start;
    columns.ends[i] = coding.end;
    idParts[i] = coding.id;
    idLength += coding.id.length;
    columns.idEnds[i] = idLength;
    columns.coder[i] = coderAt(coding.coder);
    const { ms, text } = storedTime(coding.createdAt);
    columns.created[i] = ms;
    if (text !== undefined) columns.createdText[i] = text;
    columns.quoteIndex[i] = i;
    quotes.exact[i] = coding.exact;
    quotes.prefix[i] = coding.prefix;
    quotes.suffix[i] = coding.suffix;
  });
  columns.idText = idParts.join('');
  return { columns, quotes };
}

/**
 * A creation time as stored: epoch milliseconds, and the text itself when `toISOString` would not
 * give it back. Times in toISOString's own form (nearly all) are read field by field, without
 * parsing a date and printing it again, which cost a tenth of a second per 100,000 codings.
 */
export function storedTime(createdAt: string): { ms: number; text: string | undefined } {
  const exact = isoInstantMillis(createdAt);
  if (exact !== null) return { ms: exact, text: undefined };
  const ms = Date.parse(createdAt);
  return { ms, text: Number.isNaN(ms) || new Date(ms).toISOString() !== createdAt ? createdAt : undefined };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The digits of `text` from `start` to `end` as a number, or -1 when any is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/**
 * The epoch milliseconds of `YYYY-MM-DDTHH:MM:SS.sssZ` when `new Date(ms).toISOString()` gives
 * exactly that text back (every field in range, years 100–9999), else null.
 */
export function isoInstantMillis(text: string): number | null {
  if (text.length !== 24 || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':' || text[19] !== '.' || text[23] !== 'Z') return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  const milli = digits(text, 20, 23);
  // Two-digit years mean 19xx to Date.UTC: those (and anything out of range) take the long way.
  if (year < 100 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || milli < 0) return null;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, milli);
}

export function codingCount(columns: SourceCodings): number {
  return columns.starts.length;
}

export function idAt(columns: SourceCodings, i: number): string {
  return columns.idText.slice(i === 0 ? 0 : columns.idEnds[i - 1], columns.idEnds[i]);
}

/** The position of a coding by id, or -1. */
export function indexOfId(columns: SourceCodings, id: string): number {
  if (id === '') return -1;
  let from = 0;
  for (;;) {
    const at = columns.idText.indexOf(id, from);
    if (at < 0) return -1;
    // A match counts only where an id starts and ends (one id may contain another).
    const i = lowerBound(columns.idEnds, at + id.length);
    if (columns.idEnds[i] === at + id.length && (i === 0 ? 0 : columns.idEnds[i - 1]) === at) return i;
    from = at + 1;
  }
}

/** Up to this many ids are each searched for in the id text; more are found in one walk over every id. */
const SEARCHED_AT_MOST = 16;

/**
 * The positions of those of `ids` that these columns hold, by id. A few ids (a coding or two
 * being checked) are each searched for in the id text: slicing every one of a source's 20,000
 * ids to compare them was most of a coding's check.
 */
export function positionsOfIds(columns: SourceCodings, ids: Iterable<string>): Map<string, number> {
  const wanted = new Set(ids);
  const out = new Map<string, number>();
  if (wanted.size <= SEARCHED_AT_MOST) {
    for (const id of wanted) {
      const at = indexOfId(columns, id);
      if (at >= 0) out.set(id, at);
    }
    return out;
  }
  for (let i = 0; i < codingCount(columns) && out.size < wanted.size; i++) {
    const id = idAt(columns, i);
    if (wanted.has(id)) out.set(id, i);
  }
  return out;
}

/** The first index whose value is at least `value` in an ascending array. */
function lowerBound(values: Uint32Array, value: number): number {
  return partitionPoint(values.length, (i) => values[i]! < value);
}

export function codingAt(columns: SourceCodings, quotes: SourceQuotes | undefined, i: number): Coding {
  return {
    id: idAt(columns, i),
    projectId: columns.projectId,
    sourceId: columns.sourceId,
    codeId: columns.codeIds[columns.code[i]!]!,
    start: columns.starts[i]!,
    end: columns.ends[i]!,
    exact: quotes?.exact[i] ?? '',
    prefix: quotes?.prefix[i] ?? '',
    suffix: quotes?.suffix[i] ?? '',
    coder: columns.coders[columns.coder[i]!]!,
    createdAt: columns.createdText[i] ?? new Date(columns.created[i]!).toISOString(),
  };
}

const CODING_FIELDS = 11;

/**
 * Whether `codingAt(columns, quotes, i)` would equal `coding` (recordsEqual), without building it:
 * what checking a step against the store compares for every coding it updates or removes.
 */
export function codingEqualsAt(columns: SourceCodings, quotes: SourceQuotes | undefined, i: number, coding: Coding): boolean {
  if (Object.keys(coding).length !== CODING_FIELDS) return false;
  if (coding.start !== columns.starts[i] || coding.end !== columns.ends[i] || coding.sourceId !== columns.sourceId || coding.projectId !== columns.projectId) return false;
  if (coding.codeId !== columns.codeIds[columns.code[i]!] || coding.coder !== columns.coders[columns.coder[i]!]) return false;
  if (coding.exact !== (quotes?.exact[i] ?? '') || coding.prefix !== (quotes?.prefix[i] ?? '') || coding.suffix !== (quotes?.suffix[i] ?? '')) return false;
  if (coding.id !== idAt(columns, i)) return false;
  const text = columns.createdText[i];
  if (text !== undefined) return coding.createdAt === text;
  // A time in toISOString's own form is equal exactly when its milliseconds are: no date printed
  // per coding (undoing a merge compares 50,000).
  const ms = isoInstantMillis(coding.createdAt);
  return ms !== null ? ms === columns.created[i] : coding.createdAt === new Date(columns.created[i]!).toISOString();
}

export function unpackCodings(columns: SourceCodings, quotes: SourceQuotes | undefined): Coding[] {
  const out = new Array<Coding>(codingCount(columns));
  for (let i = 0; i < out.length; i++) out[i] = codingAt(columns, quotes, i);
  return out;
}

export function spanAt(columns: SourceCodings, i: number): CodingSpan {
  return {
    id: idAt(columns, i),
    sourceId: columns.sourceId,
    codeId: columns.codeIds[columns.code[i]!]!,
    start: columns.starts[i]!,
    end: columns.ends[i]!,
    coder: columns.coders[columns.coder[i]!]!,
  };
}

/** The positions of the codings of some codes (all codes when `wanted` is omitted). */
export function positionsOfCodes(columns: SourceCodings, wanted?: ReadonlySet<string>): number[] {
  const out: number[] = [];
  if (!wanted) {
    for (let i = 0; i < codingCount(columns); i++) out.push(i);
    return out;
  }
  const codes = new Set<number>();
  columns.codeIds.forEach((id, index) => {
    if (wanted.has(id)) codes.add(index);
  });
  if (codes.size === 0) return out;
  for (let i = 0; i < columns.code.length; i++) if (codes.has(columns.code[i]!)) out.push(i);
  return out;
}

/** How many codings each code has in these columns. */
export function countsByCode(columns: SourceCodings): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < columns.code.length; i++) {
    const id = columns.codeIds[columns.code[i]!]!;
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}
