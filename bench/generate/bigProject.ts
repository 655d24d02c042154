// The "big project" scenario's data: many interview sources sharing one codebook, with the
// codings spread evenly over them.
import type { Code, Coding } from '../../shared/model/types';
import { splitParagraphs } from '../../shared/text/paragraphs';
import { generateCodebook } from './codebook';
import { generateCodings } from './codings';
import { transcript } from './prose';
import { createRandom } from './random';
import { BENCH_CODER } from './bigDocument';
import type { ProjectSize } from './sizes';

export interface GeneratedSource {
  id: string;
  name: string;
  text: string;
}

export interface GeneratedProject {
  projectId: string;
  codes: Code[];
  sources: GeneratedSource[];
  codings: Coding[];
}

const EPOCH = Date.UTC(2024, 2, 1, 9, 0, 0);
const AVERAGE_PARAGRAPH = 80;

export function generateProject(size: ProjectSize, seed: number): GeneratedProject {
  const random = createRandom(seed);
  const projectId = random.uuid();
  const codes = generateCodebook(random, projectId, size.codes, new Date(EPOCH).toISOString());
  const sources: GeneratedSource[] = [];
  const codings: Coding[] = [];
  const perSource = Math.floor(size.codings / size.sources);
  for (let i = 0; i < size.sources; i++) {
    const id = random.uuid();
    const text = transcript(random, Math.round(size.sourceLength / AVERAGE_PARAGRAPH), AVERAGE_PARAGRAPH);
    sources.push({ id, name: `interview-${String(i + 1).padStart(3, '0')}.txt`, text });
    const count = perSource + (i < size.codings - perSource * size.sources ? 1 : 0);
    codings.push(
      ...generateCodings(random, {
        text,
        paragraphs: splitParagraphs(text),
        projectId,
        sourceId: id,
        codes,
        count,
        coder: BENCH_CODER,
        startTime: EPOCH + i * 86_400_000,
      }),
    );
  }
  return { projectId, codes, sources, codings };
}
