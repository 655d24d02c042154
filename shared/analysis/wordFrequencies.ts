// Word frequencies over some texts (whole sources, or the segments of a code): words found by
// Intl.Segmenter at word granularity (ICU: spaces for English, a dictionary for Japanese and
// Chinese), case-folded (NFKC, so full-width "ＡＢＣ" is "abc", then lower case; curly apostrophes
// straight), stop words left out, numbers left out unless asked for.
import { ENGLISH_STOP_WORDS } from './stopWords/english';
import { JAPANESE_STOP_WORDS } from './stopWords/japanese';
import { MAX_CHUNK, textChunks } from './textChunks';

export type StopWordList = 'en' | 'ja';

export const STOP_WORDS: Record<StopWordList, readonly string[]> = { en: ENGLISH_STOP_WORDS, ja: JAPANESE_STOP_WORDS };

export interface WordFrequencyOptions {
  /** Built-in lists to leave out (default both), plus any words of the user's. */
  stopWords?: readonly StopWordList[];
  extraStopWords?: readonly string[];
  /** Locale for word breaks (default: the runtime's; ICU's dictionaries apply in any locale). */
  locale?: string;
  includeNumbers?: boolean;
  /** Words shorter than this (in code points) are left out; default 1 (Japanese words are often one character). */
  minLength?: number;
  /** Most words returned (default all). */
  limit?: number;
}

export interface WordCount {
  word: string;
  count: number;
}

export interface WordFrequencies {
  words: WordCount[];
  /** Words counted (after stop words), the base of a percentage. */
  total: number;
}

export function foldWord(word: string): string {
  return word.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
}

const NUMBER = /^[\p{N}.,'_-]+$/u;

export function wordFrequencies(texts: Iterable<string>, options: WordFrequencyOptions = {}): WordFrequencies {
  const stop = new Set<string>();
  for (const list of options.stopWords ?? (['en', 'ja'] as const)) for (const w of STOP_WORDS[list]) stop.add(foldWord(w));
  for (const w of options.extraStopWords ?? []) stop.add(foldWord(w));
  const minLength = options.minLength ?? 1;
  const segmenter = new Intl.Segmenter(options.locale, { granularity: 'word' });
  const counts = new Map<string, number>();
  let total = 0;
  // Folding is the same for every occurrence of a spelling: done once per spelling.
  const folded = new Map<string, string | null>();
  const count = (piece: string): void => {
    for (const { segment, isWordLike } of segmenter.segment(piece)) {
      if (!isWordLike) continue;
      let word = folded.get(segment);
      if (word === undefined) {
        const f = foldWord(segment);
        const dropped = stop.has(f) || (!options.includeNumbers && NUMBER.test(f)) || (minLength > 1 && [...f].length < minLength);
        folded.set(segment, (word = dropped ? null : f));
      }
      if (word === null) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
      total++;
    }
  };
  // Each call of segment() has a cost of its own: short pieces (a code's segments) are batched,
  // joined by line breaks (never part of a word), up to MAX_CHUNK characters.
  let batch: string[] = [];
  let batchLength = 0;
  for (const text of texts) {
    for (const chunk of textChunks(text)) {
      if (batchLength + chunk.text.length > MAX_CHUNK && batch.length > 0) {
        count(batch.join('\n'));
        batch = [];
        batchLength = 0;
      }
      batch.push(chunk.text);
      batchLength += chunk.text.length + 1;
    }
  }
  if (batch.length > 0) count(batch.join('\n'));
  const words = [...counts].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return { words: options.limit === undefined ? words : words.slice(0, options.limit), total };
}
