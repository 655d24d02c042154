// Finds speaker turns in a transcript: lines that start with a speaker label and a colon
// ("I:", "R:", "Ms Tanaka:", "Interviewer:"), optionally with a timestamp before or after the
// label ("[00:01:02] I:", "I (00:01:02):", "I: [00:01:02]"). Lines without a label continue
// the turn before them; text before the first turn is the preface (title, participants).
import { splitLines, trimRange, type SplitSegment, type SplitSuggestion } from './types';

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
const BRACKETED_TIME = String.raw`[\[(]${TIME}[\])]`;

/**
 * Groups: 1 bracketed time before the label, 2 bare time before it, 3 the label, 4 time
 * between label and colon, 5 time after the colon. A label starts with a letter or digit, has
 * at most 40 characters and no colon, so "https://…" and "10:30 we met" are not turns.
 */
const TURN = new RegExp(
  String.raw`^[ \t]*(?:(${BRACKETED_TIME})[ \t]*|(\d{1,2}:\d{2}:\d{2})[ \t]+)?` +
    String.raw`([\p{L}\p{N}][\p{L}\p{N}\p{M} .'’_-]{0,39}?)` +
    String.raw`[ \t]*(${BRACKETED_TIME})?[ \t]*:[ \t]+(?:(${BRACKETED_TIME})[ \t]*)?`,
  'u',
);

interface TurnStart {
  lineStart: number;
  lineEnd: number;
  bodyStart: number;
  label: string;
  timestamp?: string;
}

function stripBrackets(time: string | undefined): string | undefined {
  return time?.replace(/^[[(]|[\])]$/g, '');
}

function matchTurn(line: { start: number; end: number; text: string }): TurnStart | null {
  const m = TURN.exec(line.text);
  if (!m) return null;
  const label = m[3]!.trim();
  // Speaker labels are names or roles, not sentences.
  if (label.split(/\s+/).length > 4) return null;
  const timestamp = stripBrackets(m[1]) ?? m[2] ?? stripBrackets(m[4]) ?? stripBrackets(m[5]);
  return { lineStart: line.start, lineEnd: line.end, bodyStart: line.start + m[0].length, label, ...(timestamp ? { timestamp } : {}) };
}

export interface SpeakerLabelCount {
  label: string;
  count: number;
}

/** Every label that starts a line, with how often: the preview offers these as checkboxes. */
export function findSpeakerLabels(text: string): SpeakerLabelCount[] {
  const counts = new Map<string, number>();
  for (const line of splitLines(text)) {
    const turn = matchTurn(line);
    if (turn) counts.set(turn.label, (counts.get(turn.label) ?? 0) + 1);
  }
  return [...counts].map(([label, count]) => ({ label, count }));
}

export interface SpeakerTurnOptions {
  /**
   * The labels that are speakers. By default, every label that starts at least `minTurns`
   * lines: a real speaker speaks more than once, while "Participants:" or "Note:" appear once.
   */
  speakers?: readonly string[];
  minTurns?: number;
}

export function splitSpeakerTurns(text: string, options: SpeakerTurnOptions = {}): SplitSuggestion {
  const minTurns = options.minTurns ?? 2;
  const speakers = new Set(
    options.speakers ?? findSpeakerLabels(text).filter((l) => l.count >= minTurns).map((l) => l.label),
  );
  const lines = splitLines(text);
  const starts: TurnStart[] = [];
  for (const line of lines) {
    const turn = matchTurn(line);
    if (turn && speakers.has(turn.label)) starts.push(turn);
  }
  if (starts.length === 0) {
    return { segments: [], warnings: ['No speaker turns were found. Turns look like “I: …”, “R: …” or “[00:01:02] Name: …” at the start of a line.'] };
  }
  const segments: SplitSegment[] = starts.map((turn, i) => {
    // A turn runs until the next turn's line, across any unlabelled lines in between.
    const next = starts[i + 1];
    const body = trimRange(text, { start: turn.bodyStart, end: next ? next.lineStart : text.length });
    return {
      start: body.start,
      end: body.end,
      label: turn.label,
      order: i + 1,
      ...(turn.timestamp ? { timestamp: turn.timestamp } : {}),
      marker: { start: turn.lineStart, end: turn.bodyStart },
    };
  });
  const preface = trimRange(text, { start: 0, end: starts[0]!.lineStart });
  return { segments, ...(preface.end > preface.start ? { preface } : {}) };
}
