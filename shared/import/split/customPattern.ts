// Splits by a regular expression the user writes, for shapes the other splitters do not know.
// Each match starts a segment that runs to the next match; the label is the pattern's first
// capture group (or its `label` group, or the whole match), a `timestamp` group is kept.
import { MAX_PATTERN_MATCHES } from '../limits';
import { trimRange, type SplitSegment, type SplitSuggestion, type TextRange } from './types';

export interface PatternMatch extends TextRange {
  /** The matched text, for the live preview list. */
  text: string;
  label: string;
  timestamp?: string;
}

export type CustomPatternResult =
  | { ok: true; matches: PatternMatch[]; suggestion: SplitSuggestion; truncated: boolean }
  | { ok: false; reason: string };

/** Flags the user may set; `g` is always added, `y` and `d` would change what a match means. */
const ALLOWED_FLAGS = /^[imsuv]*$/;

export interface CustomPatternOptions {
  /** Regular expression flags; default "mu" so ^ and $ work per line and emoji count as one character. */
  flags?: string;
  maxMatches?: number;
}

export function compileUserPattern(pattern: string, flags: string): { ok: true; regex: RegExp } | { ok: false; reason: string } {
  if (pattern === '') return { ok: false, reason: 'Type a pattern to split by.' };
  if (!ALLOWED_FLAGS.test(flags)) return { ok: false, reason: `Only the flags i, m, s, u and v can be used (got “${flags}”).` };
  try {
    return { ok: true, regex: new RegExp(pattern, `${flags}g`) };
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    return { ok: false, reason: `This is not a valid regular expression: ${detail}` };
  }
}

function labelOf(match: RegExpExecArray): string {
  const named = match.groups?.['label'];
  const label = named ?? match.slice(1).find((g) => g !== undefined) ?? match[0];
  return label.trim();
}

/**
 * Runs the user's pattern. Zero-length matches (a lookahead such as `^(?=\w+:)`) are allowed as
 * boundaries, but the search always moves on by at least one character so it cannot loop.
 * At most `maxMatches` are kept. A pattern with catastrophic backtracking can still take long:
 * run the live preview off the main thread.
 */
export function splitByCustomPattern(text: string, pattern: string, options: CustomPatternOptions = {}): CustomPatternResult {
  const compiled = compileUserPattern(pattern, options.flags ?? 'mu');
  if (!compiled.ok) return compiled;
  const { regex } = compiled;
  const max = options.maxMatches ?? MAX_PATTERN_MATCHES;
  const unicode = regex.unicode || regex.flags.includes('v');
  const matches: PatternMatch[] = [];
  let truncated = false;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0] === '') {
      // Step past the empty match, a whole surrogate pair in Unicode mode.
      const code = text.codePointAt(regex.lastIndex);
      regex.lastIndex += unicode && code !== undefined && code > 0xffff ? 2 : 1;
      if (matches.length > 0 && matches[matches.length - 1]!.start === m.index) continue;
    }
    if (matches.length === max) {
      truncated = true;
      break;
    }
    const timestamp = m.groups?.['timestamp'];
    matches.push({ start: m.index, end: m.index + m[0].length, text: m[0], label: labelOf(m), ...(timestamp ? { timestamp } : {}) });
  }

  const segments: SplitSegment[] = [];
  matches.forEach((match, i) => {
    const body = trimRange(text, { start: match.end, end: matches[i + 1]?.start ?? text.length });
    segments.push({
      start: body.start,
      end: body.end,
      label: match.label === '' ? `Segment ${i + 1}` : match.label,
      order: i + 1,
      ...(match.timestamp ? { timestamp: match.timestamp } : {}),
      marker: { start: match.start, end: match.end },
    });
  });
  const preface = matches.length > 0 ? trimRange(text, { start: 0, end: matches[0]!.start }) : null;
  const warnings: string[] = [];
  if (matches.length === 0) warnings.push('The pattern matches nothing in this text.');
  if (truncated) warnings.push(`Only the first ${max.toLocaleString('en')} matches are used; make the pattern more specific.`);
  return {
    ok: true,
    matches,
    truncated,
    suggestion: {
      segments,
      ...(preface && preface.end > preface.start ? { preface } : {}),
      ...(warnings.length > 0 ? { warnings } : {}),
    },
  };
}
