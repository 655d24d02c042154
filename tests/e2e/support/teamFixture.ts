// The synthetic study two coders code in the team tests: one interview of six paragraphs, the
// codes "Trust" and "Anger", and each coder's codings as quoted phrases. The tests work out the
// agreement figures by hand from these lists; `teamProject` writes them as a .qdpx with both
// coders, as a merged project would hold them.
import type { ProjectSnapshot } from '../../../shared/model/snapshot';
import { emptySnapshot } from '../../../shared/model/snapshot';
import { writeQdpx } from '../../../shared/refi/qdpxWrite';

export const INTERVIEW_NAME = 'bus-route-interview.txt';

export const INTERVIEW = [
  'The council promised new buses and we believed them.',
  'Nobody answered my letters for a year.',
  'I was furious when the route closed.',
  'My neighbour still trusts the mayor.',
  'The shop on the corner sells bread.',
  'Honestly, I am angry and I do not trust anyone now.',
].join('\n');

export const CODES = ['Trust', 'Anger'] as const;

export interface PlannedCoding {
  code: (typeof CODES)[number];
  phrase: string;
}

/** Ann codes Trust in paragraphs 1 and 4, Anger in 3 and 6. */
export const ANN_CODINGS: readonly PlannedCoding[] = [
  { code: 'Trust', phrase: 'we believed them' },
  { code: 'Anger', phrase: 'furious' },
  { code: 'Trust', phrase: 'still trusts the mayor' },
  { code: 'Anger', phrase: 'I am angry' },
];

/** Ben codes Trust in paragraphs 1 and 6, Anger in 2, 3 and 6. */
export const BEN_CODINGS: readonly PlannedCoding[] = [
  { code: 'Trust', phrase: 'believed' },
  { code: 'Anger', phrase: 'Nobody answered my letters' },
  { code: 'Anger', phrase: 'furious' },
  { code: 'Trust', phrase: 'do not trust anyone' },
  { code: 'Anger', phrase: 'angry' },
];

export const ANN = { id: '0b5a8c52-4d1e-4f7a-9a53-6d1c0e7a1a01', name: 'Ann' };
export const BEN = { id: '0b5a8c52-4d1e-4f7a-9a53-6d1c0e7a1a02', name: 'Ben' };

const TIME = '2026-11-30T09:00:00.000Z';

/** Both coders' codings in one project (what a merge gives), as .qdpx bytes. */
export function teamProject(name: string): Uint8Array {
  const projectId = 'team-fixture';
  const p: ProjectSnapshot = emptySnapshot({ id: projectId, name, createdAt: TIME, updatedAt: TIME });
  p.coders.push({ ...ANN, projectId, color: '#1f77b4' }, { ...BEN, projectId, color: '#d62728' });
  p.sources.push({ id: 'src-1', projectId, name: INTERVIEW_NAME, length: INTERVIEW.length, encoding: 'UTF-8', byteSize: INTERVIEW.length, importedAt: TIME, order: 0, format: 'text' });
  p.sourceTexts.push({ sourceId: 'src-1', projectId, text: INTERVIEW });
  CODES.forEach((code, order) => p.codes.push({ id: `code-${code}`, projectId, parentId: null, name: code, description: '', color: order === 0 ? '#2ca02c' : '#ff7f0e', order, createdAt: TIME }));
  const add = (coder: string, list: readonly PlannedCoding[]): void => {
    for (const { code, phrase } of list) {
      const start = INTERVIEW.indexOf(phrase);
      if (start < 0) throw new Error(`"${phrase}" is not in the interview`);
      p.codings.push({
        id: `k-${p.codings.length}`, projectId, sourceId: 'src-1', codeId: `code-${code}`, start, end: start + phrase.length,
        exact: phrase, prefix: INTERVIEW.slice(Math.max(0, start - 32), start), suffix: INTERVIEW.slice(start + phrase.length, start + phrase.length + 32), coder, createdAt: TIME,
      });
    }
  };
  add(ANN.id, ANN_CODINGS);
  add(BEN.id, BEN_CODINGS);
  return writeQdpx(p);
}
