// What every splitter suggests: segments of one source, each attributed to a speaker or
// commenter, for the user to check and correct in a preview before anything is stored.

/** A range of the source text: UTF-16 code unit offsets into the normalised text, end exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

export interface SplitSegment extends TextRange {
  /** Who this segment belongs to, as written: "R", "Tanaka", "deanzaZZR". Becomes the case name. */
  label: string;
  /** 1-based position in the sequence (the order of the turn or of the comment in the thread). */
  order: number;
  /** A timestamp written with the turn, as written ("00:01:02"). */
  timestamp?: string;
  /**
   * The text that introduced the segment (a commenter's name line, a "[00:01:02] I:" prefix).
   * It belongs to no case: the segment (start…end) is only what the person said.
   */
  marker?: TextRange;
}

export interface SplitSuggestion {
  segments: SplitSegment[];
  /** Text before the first segment that belongs to nobody in particular, e.g. the article. */
  preface?: TextRange;
  /** Things the preview should point out ("the page says 37 comments; 36 were found"). */
  warnings?: string[];
}

/** One line of a text with its offsets; `end` excludes the line break. */
export interface Line extends TextRange {
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ start, end, text: text.slice(start, end) });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

/** Shrinks a range so it neither starts nor ends with white space (an empty range stays put). */
export function trimRange(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
