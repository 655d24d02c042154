// The "big document" scenario's data: one long transcript with many overlapping codings.
import type { Code, Coding } from '../../shared/model/types';
import { splitParagraphs } from '../../shared/text/paragraphs';
import { generateCodebook } from './codebook';
import { generateCodings } from './codings';
import { transcript } from './prose';
import { createRandom } from './random';
import type { DocumentSize } from './sizes';

export interface GeneratedDocument {
  projectId: string;
  sourceId: string;
  name: string;
  text: string;
  codes: Code[];
  codings: Coding[];
}

export const BENCH_CODER = 'bench';
const EPOCH = Date.UTC(2024, 0, 15, 9, 0, 0);

export function generateDocument(size: DocumentSize, seed: number): GeneratedDocument {
  const random = createRandom(seed);
  const projectId = random.uuid();
  const sourceId = random.uuid();
  const text = transcript(random, size.paragraphs, size.averageParagraph);
  const codes = generateCodebook(random, projectId, size.codes, new Date(EPOCH).toISOString());
  const codings = generateCodings(random, {
    text,
    paragraphs: splitParagraphs(text),
    projectId,
    sourceId,
    codes,
    count: size.codings,
    coder: BENCH_CODER,
    startTime: EPOCH,
  });
  return { projectId, sourceId, name: `transcript-${size.paragraphs}-paragraphs.txt`, text, codes, codings };
}
