// Auto-code: turn search hits into passages to code — the hit itself, or the sentence, paragraph
// or speaker turn around it — and plan them as new codings (planCodings.ts: one preview, one
// change set, so the whole auto-code is one undoable step).
// - sentence: the sentences (Intl.Segmenter, sentence granularity, within the hit's paragraph)
//   the hit has characters in, joined into one passage;
// - paragraph: the lines the hit has characters in;
// - turn: the case segments (split segments: a speaker's turn, a comment) the hit shares a
//   character with, joined; a hit outside every segment is listed as not coded, with a reason.
// Two hits in one sentence, paragraph or turn give one passage.
import type { CaseIndex } from './caseIndex';
import { paragraphSpan, paragraphsOfSpan, paragraphStarts } from './paragraphUnits';
import { MAX_CHUNK } from './textChunks';
import { planCodings, type CodingPlan, type CodingPlanInput, type PassageToCode } from './planCodings';

export type AutoCodeScope = 'hit' | 'sentence' | 'paragraph' | 'turn';

export interface AutoCodeInput extends Omit<CodingPlanInput, 'passages'> {
  hits: readonly PassageToCode[];
  scope: AutoCodeScope;
  /** Needed for the 'turn' scope. */
  cases?: CaseIndex;
  /** Locale for sentence breaks (default: the runtime's). */
  locale?: string;
}

export interface AutoCodePlan extends CodingPlan {
  /** Hits that gave no passage (outside every turn), with why. */
  unplaced: Array<PassageToCode & { reason: string }>;
}

export function planAutoCode(input: AutoCodeInput): AutoCodePlan {
  const starts = new Map<string, number[]>();
  const startsOf = (sourceId: string, text: string): number[] => {
    let s = starts.get(sourceId);
    if (!s) starts.set(sourceId, (s = paragraphStarts(text)));
    return s;
  };
  const segmenter = input.scope === 'sentence' ? new Intl.Segmenter(input.locale, { granularity: 'sentence' }) : undefined;
  const unplaced: AutoCodePlan['unplaced'] = [];
  const seen = new Set<string>();
  const passages: PassageToCode[] = [];
  for (const hit of input.hits) {
    const text = input.textOf(hit.sourceId);
    let passage: PassageToCode | null = hit;
    if (text !== undefined && input.scope !== 'hit') {
      if (input.scope === 'turn') {
        const turns = input.cases?.segmentsOfSpan(hit.sourceId, hit.start, hit.end) ?? [];
        passage = turns.length === 0 ? null : { sourceId: hit.sourceId, start: Math.min(...turns.map((t) => t.start)), end: Math.max(...turns.map((t) => t.end)) };
        if (!passage) unplaced.push({ ...hit, reason: 'Not in a speaker turn or split segment.' });
      } else {
        const lines = startsOf(hit.sourceId, text);
        const [first, last] = paragraphsOfSpan(lines, hit.start, hit.end);
        const from = paragraphSpan(lines, first, text.length).start;
        const to = paragraphSpan(lines, last, text.length).end;
        passage = { sourceId: hit.sourceId, start: from, end: to };
        if (segmenter) {
          // Sentences of the paragraph(s) only: a segmenter over the whole source would be slow and
          // could run a sentence across a line break.
          let start = to;
          let end = from;
          // A very long line is segmented in a window around the hit (the segmenter slows with length).
          const winFrom = Math.max(from, hit.start - MAX_CHUNK / 2);
          const winTo = Math.min(to, Math.max(hit.end, winFrom + MAX_CHUNK));
          for (const s of segmenter.segment(text.slice(winFrom, winTo))) {
            const sStart = winFrom + s.index;
            const sEnd = sStart + s.segment.length;
            if (sEnd > hit.start && sStart < hit.end) {
              start = Math.min(start, sStart);
              end = Math.max(end, sEnd);
            }
          }
          if (end > start) passage = { sourceId: hit.sourceId, start, end };
        }
      }
    }
    if (!passage) continue;
    const key = `${passage.sourceId}\u0000${passage.start}\u0000${passage.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    passages.push(passage);
  }
  return { ...planCodings({ ...input, passages }), unplaced };
}
