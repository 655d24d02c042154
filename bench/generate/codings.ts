// Codings over a generated text, the way researchers code transcripts: phrases, whole turns and
// passages of several turns, many of them piled on the same passages (clusters), so overlaps are
// deep as in a real coded interview. Spans start and end on word boundaries.
import type { Code, Coding } from '../../shared/model/types';
import { paragraphIndexAt, type Paragraph } from '../../shared/text/paragraphs';
import { quoteAt } from '../../shared/text/quote';
import type { Random } from './random';

export interface CodingsInput {
  text: string;
  paragraphs: readonly Paragraph[];
  projectId: string;
  sourceId: string;
  codes: readonly Code[];
  count: number;
  coder: string;
  /** Milliseconds since the epoch of the first coding's createdAt; later ones follow a second apart. */
  startTime: number;
}

const SPACE = /\s/;

function wordStartAtOrAfter(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && !SPACE.test(text[i - 1]!)) i--; // back to the start of the word we are in
  while (i < text.length && SPACE.test(text[i]!)) i++;
  return i;
}

function wordEndAtOrBefore(text: string, offset: number, min: number): number {
  let i = Math.min(offset, text.length);
  while (i < text.length && !SPACE.test(text[i]!)) i++; // forward to the end of the word we are in
  while (i > min && SPACE.test(text[i - 1]!)) i--;
  return i;
}

/** Skewed code choice: a few codes are used a lot, as in real codebooks. */
function pickCode(random: Random, codes: readonly Code[]): Code {
  return codes[Math.min(codes.length - 1, Math.floor(codes.length * random.next() ** 1.6))]!;
}

export function generateCodings(random: Random, input: CodingsInput): Coding[] {
  const { text, paragraphs, codes, count } = input;
  const codings: Coding[] = [];
  if (text.trim() === '' || codes.length === 0) return codings;
  // About one cluster per 25 codings, each a few hundred characters wide.
  const clusters = Array.from({ length: Math.max(1, Math.round(count / 25)) }, () => random.int(0, text.length - 1));
  // The repository keeps one coding per code and span, as applyCode does: no duplicates here.
  const taken = new Set<string>();
  let guard = 0;
  while (codings.length < count && guard++ < count * 20) {
    const anchor = random.chance(0.5)
      ? Math.min(text.length - 1, Math.max(0, random.pick(clusters) + random.int(-400, 400)))
      : random.int(0, text.length - 1);
    const start = wordStartAtOrAfter(text, anchor);
    if (start >= text.length) continue;
    const paragraph = paragraphIndexAt(paragraphs, start);
    const kind = random.next();
    let end: number;
    if (kind < 0.55) {
      const own = paragraphs[paragraph]!;
      end = Math.min(own.start + own.text.length, start + random.int(15, 200));
    } else if (kind < 0.85) {
      const own = paragraphs[paragraph]!;
      end = own.start + own.text.length;
    } else {
      const last = paragraphs[Math.min(paragraphs.length - 1, paragraph + random.int(1, 11))]!;
      end = last.start + last.text.length;
    }
    end = wordEndAtOrBefore(text, end, start);
    if (end <= start || text.slice(start, end).trim() === '') continue;
    const code = pickCode(random, codes);
    const key = `${code.id}|${start}|${end}`;
    if (taken.has(key)) continue;
    taken.add(key);
    codings.push({
      id: random.uuid(),
      projectId: input.projectId,
      sourceId: input.sourceId,
      codeId: code.id,
      start,
      end,
      ...quoteAt(text, start, end),
      coder: input.coder,
      createdAt: new Date(input.startTime + codings.length * 1000).toISOString(),
    });
  }
  return codings;
}
