// The corrections a user makes in the split preview, as pure functions from one suggestion to
// the next (so the dialog can undo by keeping the previous one). Orders are renumbered after
// every change so they always read 1, 2, 3… down the text.
import { splitLines, trimRange, type SplitSegment, type SplitSuggestion } from './types';

function renumber(segments: SplitSegment[]): SplitSegment[] {
  return segments
    .slice()
    .sort((a, b) => a.start - b.start)
    .map((segment, i) => ({ ...segment, order: i + 1 }));
}

function withSegments(suggestion: SplitSuggestion, segments: SplitSegment[]): SplitSuggestion {
  return { ...suggestion, segments: renumber(segments) };
}

/** Gives one segment another speaker or commenter. */
export function relabelSegment(suggestion: SplitSuggestion, index: number, label: string): SplitSuggestion {
  return withSegments(suggestion, suggestion.segments.map((s, i) => (i === index ? { ...s, label: label.trim() } : s)));
}

/** Renames a label everywhere ("R" → "Ms Tanaka"); two labels renamed alike become one case. */
export function renameLabel(suggestion: SplitSuggestion, from: string, to: string): SplitSuggestion {
  return withSegments(suggestion, suggestion.segments.map((s) => (s.label === from ? { ...s, label: to.trim() } : s)));
}

/**
 * "This is not a new comment": the segment and the line that introduced it join the one before.
 * The marker text becomes part of the previous segment, since it turned out to be said by them.
 */
export function mergeWithPrevious(suggestion: SplitSuggestion, index: number): SplitSuggestion {
  if (index <= 0 || index >= suggestion.segments.length) return suggestion;
  const previous = suggestion.segments[index - 1]!;
  const current = suggestion.segments[index]!;
  const merged = { ...previous, end: Math.max(previous.end, current.end) };
  return withSegments(suggestion, suggestion.segments.flatMap((s, i) => (i === index ? [] : i === index - 1 ? [merged] : [s])));
}

/** Drops a segment from the split: its text stays in the source but belongs to no case. */
export function removeSegment(suggestion: SplitSuggestion, index: number): SplitSuggestion {
  return withSegments(suggestion, suggestion.segments.filter((_, i) => i !== index));
}

/**
 * "A new comment starts at this line": the line becomes the marker (its text the label, as
 * with a commenter's name line) and what follows up to the end of the segment it was in
 * becomes a new segment. Works on the preface too (the article's last lines were a comment).
 */
export function startSegmentAtLine(text: string, suggestion: SplitSuggestion, lineStart: number, label?: string): SplitSuggestion {
  const line = splitLines(text).find((l) => l.start === lineStart);
  if (!line) return suggestion;
  const containing = suggestion.segments.findIndex((s) => s.start <= line.start && line.end <= s.end);
  const inPreface = suggestion.preface && suggestion.preface.start <= line.start && line.end <= suggestion.preface.end;
  if (containing === -1 && !inPreface) return suggestion;
  const outer = containing === -1 ? suggestion.preface! : suggestion.segments[containing]!;
  const body = trimRange(text, { start: Math.min(line.end + 1, outer.end), end: outer.end });
  if (body.end <= body.start) return suggestion;
  const added: SplitSegment = {
    start: body.start,
    end: body.end,
    label: (label ?? line.text).trim(),
    order: 0,
    marker: trimRange(text, line),
  };
  const shortened = trimRange(text, { start: outer.start, end: line.start });
  if (containing === -1) {
    const { preface: _dropped, ...rest } = suggestion;
    return withSegments({ ...rest, ...(shortened.end > shortened.start ? { preface: shortened } : {}) }, [...suggestion.segments, added]);
  }
  const kept = suggestion.segments.flatMap((s, i) => (i !== containing ? [s] : shortened.end > shortened.start ? [{ ...s, end: shortened.end }] : []));
  return withSegments(suggestion, [...kept, added]);
}
