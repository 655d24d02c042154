// What the three document pages share: reading the seeded source the way the app reads it
// (through the repository, from IndexedDB), and choosing the spans "apply one code" adds.
import type { Code, Coding, CodingSpan } from '../../shared/model/types';
import { flattenTree } from '../../shared/codebook/tree';
import { splitParagraphs, type Paragraph } from '../../shared/text/paragraphs';
import { quoteAt } from '../../shared/text/quote';
import { getDb } from '../../renderer/src/db/db';
import { spansOfSource } from '../../renderer/src/db/codingsRepository';
import { createRandom } from '../generate/random';
import { BENCH_CODER } from '../generate/bigDocument';
import type { LoadedDocument } from './benchApi';

export interface DocumentData {
  sourceId: string;
  sourceName: string;
  text: string;
  paragraphs: Paragraph[];
  /** Codes in codebook order, as the document panel passes them. */
  codes: Code[];
  /** As the app's document panel reads them (useSourceCodings): no quote selectors. */
  codings: CodingSpan[];
}

/** Reads the first source of the seeded project: its text, the project's codes, its codings. */
export async function loadDocument(): Promise<{ data: DocumentData; result: LoadedDocument }> {
  const started = performance.now();
  const db = getDb();
  const source = (await db.sources.toArray()).sort((a, b) => a.order - b.order)[0] ?? null;
  if (!source) throw new Error('Nothing seeded: run the seed step first.');
  const [row, codes, codings] = await Promise.all([
    db.sourceTexts.get(source.id),
    db.codes.where('projectId').equals(source.projectId).toArray(),
    spansOfSource(source.id),
  ]);
  const ms = performance.now() - started;
  const text = row?.text ?? '';
  const data: DocumentData = {
    sourceId: source.id,
    sourceName: source.name,
    text,
    paragraphs: splitParagraphs(text),
    codes: flattenTree(codes).map((entry) => entry.code),
    codings,
  };
  return {
    data,
    result: {
      ms,
      textLength: text.length,
      textBytes: new TextEncoder().encode(text).byteLength,
      paragraphs: data.paragraphs.length,
      codings: codings.length,
    },
  };
}

/**
 * The paragraphs under the middle of the scroller, top to bottom, found by hit-testing (works for
 * any renderer without knowing its DOM beyond the attribute naming a paragraph's index).
 */
export function paragraphsInView(scroller: HTMLElement, indexAttribute: string): number[] {
  const box = scroller.getBoundingClientRect();
  const found = new Set<number>();
  for (let y = box.top + 30; y < box.bottom - 30; y += 24) {
    const hit = document.elementFromPoint(box.left + box.width / 2, y)?.closest(`[${indexAttribute}]`);
    const value = hit?.getAttribute(indexAttribute);
    if (value !== null && value !== undefined) found.add(Number(value));
  }
  return [...found].sort((a, b) => a - b);
}

/** The n-th "apply one code": a few words in a non-blank paragraph in view, with a code in turn. */
export function nthNewCoding(data: DocumentData, inView: readonly number[], n: number): Coding {
  const candidates = inView.filter((i) => (data.paragraphs[i]?.text.trim().length ?? 0) > 20);
  if (candidates.length === 0) throw new Error('No paragraph with text in view.');
  const random = createRandom(1000 + n);
  const paragraph = data.paragraphs[random.pick(candidates)]!;
  const words = [...paragraph.text.matchAll(/\S+/g)];
  const first = random.int(0, Math.max(0, words.length - 2));
  const last = Math.min(words.length - 1, first + random.int(1, 8));
  const start = paragraph.start + words[first]!.index;
  const end = paragraph.start + words[last]!.index + words[last]![0].length;
  const code = data.codes[n % data.codes.length]!;
  return {
    id: crypto.randomUUID(),
    projectId: code.projectId,
    sourceId: data.sourceId,
    codeId: code.id,
    start,
    end,
    ...quoteAt(data.text, start, end),
    coder: BENCH_CODER,
    createdAt: new Date().toISOString(),
  };
}

/**
 * Starts the n-th change at a different point of the frame (0–15 ms after a frame began, in a
 * fixed order), as keypresses land: a change made just after a frame waits longer for the next.
 */
export function atFramePhase(n: number): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, (n * 7) % 16));
  });
}
