// Search the whole project: plain text or a regular expression, whole words, case-sensitive or
// not, with context around each hit, one source at a time (a generator: a worker posts each
// source's hits as they come, so results stream).
//
// How a regular expression is kept from hanging the app. JavaScript cannot interrupt one `exec`
// call: a catastrophic pattern ("(a+)+$" against a long run of "a") can run for minutes inside it.
// So, in layers:
// 1. `compileSearch` refuses a pattern that fails a quick safety probe (probeRegExp): it is run
//    against short adversarial inputs of growing length; if one run takes too long, or the time
//    keeps multiplying as the input grows by a few characters, the pattern backtracks
//    exponentially and is refused with a message. The probe is a heuristic, not a proof.
// 2. `searchProject` checks the clock between matches and between sources and stops with
//    `stoppedBy: 'time'` when the budget is spent, keeping the hits found so far.
// 3. The real protection is the caller's: run the search in a worker and terminate it on a
//    timeout (the budget plus a margin); a terminated worker is the only way out of a single
//    runaway `exec`.
// Offsets are UTF-16 code units, as everywhere in the app; patterns run with the `u` flag.
import { CONTEXT_LENGTH, passageContext } from './passageContext';

export { CONTEXT_LENGTH };

export interface SearchOptions {
  query: string;
  /** 'plain' finds the text as typed; 'regex' reads it as a JavaScript regular expression. */
  mode: 'plain' | 'regex';
  wholeWord: boolean;
  caseSensitive: boolean;
}

export interface SearchHit {
  sourceId: string;
  start: number;
  end: number;
  /** Up to CONTEXT_LENGTH code units before the hit, within its paragraph. */
  before: string;
  match: string;
  after: string;
}

export interface SourceHits {
  sourceId: string;
  hits: SearchHit[];
}

export interface SearchSummary {
  hits: number;
  sourcesSearched: number;
  /** Why the search ended early: too many hits, the time budget, or not at all. */
  stoppedBy: 'limit' | 'time' | null;
}

export interface SearchBudget {
  /** Milliseconds for the whole search (default 10 s). */
  timeMs?: number;
  /** Most hits kept (default MAX_HITS). */
  maxHits?: number;
  /** The clock (default Date.now); tests pass their own. */
  now?: () => number;
}

export const MAX_HITS = 50_000;
const DEFAULT_TIME_MS = 10_000;
/** Check the clock every this many matches (reading it is not free). */
const CLOCK_EVERY = 256;

export type CompiledSearch = { ok: true; pattern: RegExp; wholeWord: boolean } | { ok: false; message: string };

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileSearch(options: SearchOptions, probe: (pattern: RegExp) => string | null = probeRegExp): CompiledSearch {
  if (options.query === '') return { ok: false, message: 'Type something to search for.' };
  const flags = options.caseSensitive ? 'gu' : 'giu';
  let pattern: RegExp;
  try {
    pattern = new RegExp(options.mode === 'plain' ? escapeRegExp(options.query) : options.query, flags);
  } catch (error) {
    return { ok: false, message: `This is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (options.mode === 'regex') {
    if (pattern.test('')) return { ok: false, message: 'This regular expression matches empty text; it would find a hit between every two characters.' };
    const problem = probe(pattern);
    if (problem) return { ok: false, message: problem };
  }
  return { ok: true, pattern, wholeWord: options.wholeWord };
}

/**
 * The safety probe (layer 1 above). Runs the pattern on runs of a few characters (letters,
 * digits, spaces and the pattern's own literal characters) followed by a character that makes
 * most patterns fail at the end, at lengths 12 to 22 in steps of 2. Exponential backtracking
 * doubles the time per added character: it shows as one run over PROBE_LIMIT_MS, or as a run
 * over 2 ms that took more than three times the run 2 characters shorter. Measured here on
 * "(a+)+$": 0.6 ms at 16, 2.2 ms at 18, 25 ms at 20, 430 ms at 24 — refused at 18. So the probe
 * costs well under PROBE_LIMIT_MS per input for a bad pattern and microseconds for a good one.
 */
export const PROBE_LIMIT_MS = 15;

const preciseClock = (): (() => number) => {
  const performance = (globalThis as { performance?: { now(): number } }).performance;
  return performance ? () => performance.now() : Date.now;
};

export function probeRegExp(pattern: RegExp, now: () => number = preciseClock()): string | null {
  const literal = [...new Set(pattern.source.replace(/\\./g, '').match(/[\p{L}\p{N} ]/gu) ?? [])].slice(0, 6);
  const units = [...new Set(['a', '0', ' ', 'ab', 'a ', ...literal])];
  const probe = new RegExp(pattern.source, pattern.flags.replace('g', ''));
  const time = (input: string): number => {
    const started = now();
    probe.exec(input);
    return now() - started;
  };
  // A pause of the engine (compiling, collecting garbage) can make one run slow; backtracking makes
  // every run slow. So a suspicious run is timed twice more, and the fastest of the three counts.
  const fastest = (input: string, first: number): number => Math.min(first, time(input), time(input));
  const suspicious = (took: number, previous: number): boolean => took > PROBE_LIMIT_MS || (took > 2 && previous > 0.3 && took > previous * 3);
  for (const unit of units) {
    for (const tail of ['!', '\n', '\u0000']) {
      let previous = 0;
      for (let n = 12; n <= 22; n += 2) {
        const input = unit.repeat(n) + tail;
        let took = time(input);
        if (suspicious(took, previous)) {
          took = fastest(input, took);
          if (suspicious(took, previous)) {
            return 'This regular expression could take minutes on some text (it backtracks a lot, as in "(a+)+"). Simplify it, for example by removing a repeat inside a repeat.';
          }
        }
        previous = took;
      }
    }
  }
  return null;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
/** Scripts written without spaces: a word boundary between two of their letters needs a dictionary. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

let wordSegmenter: Intl.Segmenter | undefined;

/** Whether `offset` in `text` is between two words (or at an edge of the text). */
export function isWordBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const before = String.fromCodePoint(text.codePointAt(offset - 1 - (isLowSurrogateAt(text, offset - 1) ? 1 : 0))!);
  const after = String.fromCodePoint(text.codePointAt(offset)!);
  if (!WORD_CHAR.test(before) || !WORD_CHAR.test(after)) return true;
  if (!UNSPACED.test(before) && !UNSPACED.test(after)) return false;
  // Japanese, Chinese, Thai…: ask ICU's dictionary-based word breaker about a window around it.
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  const from = Math.max(0, offset - 32);
  const window = text.slice(from, Math.min(text.length, offset + 32));
  for (const segment of wordSegmenter.segment(window)) {
    const at = from + segment.index;
    if (at === offset) return true;
    if (at > offset) return false;
  }
  return false;
}

function isLowSurrogateAt(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  return unit >= 0xdc00 && unit <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
}

/**
 * Searches the sources in the order given, yielding each source's hits (sources without hits
 * too, so a progress bar can move); returns the summary. Stops at the hit limit or the time budget.
 */
export function* searchProject(
  sources: Iterable<{ id: string; text: string }>,
  compiled: Extract<CompiledSearch, { ok: true }>,
  budget: SearchBudget = {},
): Generator<SourceHits, SearchSummary, void> {
  const now = budget.now ?? Date.now;
  const maxHits = budget.maxHits ?? MAX_HITS;
  const deadline = now() + (budget.timeMs ?? DEFAULT_TIME_MS);
  const pattern = new RegExp(compiled.pattern.source, compiled.pattern.flags);
  let total = 0;
  let sourcesSearched = 0;
  for (const { id, text } of sources) {
    if (now() > deadline) return { hits: total, sourcesSearched, stoppedBy: 'time' };
    const hits: SearchHit[] = [];
    let stoppedBy: SearchSummary['stoppedBy'] = null;
    let sinceClock = 0;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      // An empty match (a pattern such as "a*" matching nothing here) must not loop forever.
      if (end === start) {
        pattern.lastIndex = end + (isLowSurrogateAt(text, end + 1) ? 2 : 1);
        continue;
      }
      if (!compiled.wholeWord || (isWordBoundary(text, start) && isWordBoundary(text, end))) {
        const { before, after } = passageContext(text, start, end);
        hits.push({ sourceId: id, start, end, before, match: m[0], after });
        if (total + hits.length >= maxHits) {
          stoppedBy = 'limit';
          break;
        }
      } else {
        // Not a whole word here; the next try starts one character on, so "an" in "ban an" is found.
        pattern.lastIndex = start + (isLowSurrogateAt(text, start + 1) ? 2 : 1);
      }
      if (++sinceClock === CLOCK_EVERY) {
        sinceClock = 0;
        if (now() > deadline) {
          stoppedBy = 'time';
          break;
        }
      }
    }
    total += hits.length;
    sourcesSearched++;
    yield { sourceId: id, hits };
    if (stoppedBy) return { hits: total, sourcesSearched, stoppedBy };
  }
  return { hits: total, sourcesSearched, stoppedBy: null };
}

/** Every hit of a search at once (tests, the command line): the generator, drained. */
export function searchAll(sources: Iterable<{ id: string; text: string }>, compiled: Extract<CompiledSearch, { ok: true }>, budget?: SearchBudget): { hits: SearchHit[]; summary: SearchSummary } {
  const hits: SearchHit[] = [];
  const run = searchProject(sources, compiled, budget);
  for (let step = run.next(); ; step = run.next()) {
    if (step.done) return { hits, summary: step.value };
    hits.push(...step.value.hits);
  }
}
