// A small project with cases for the analysis tests: a comment thread split into turns (Aiko
// twice, Ben once, with an emoji and Arabic), an interview linked whole to Dana, and a note where
// Aiko speaks again (a case across two sources). Codings are made by the tests with `coded`.
import type { Code } from '../../../shared/model/types';
import type { CaseData } from '../../../shared/analysis/caseData';

export const THREAD = 'Aiko: I distrust China 😀.\nBen: مرحبا, I trust them.\nAiko: Still no.';
export const INTERVIEW = 'Dana: We trust nobody.\n\nDana: Not even neighbours.';
export const NOTE = 'Aiko later: distrust again.';

/** [start, end) of the first occurrence of `words` in `text` (after `from`). */
export function spanOf(text: string, words: string, from = 0): [number, number] {
  const start = text.indexOf(words, from);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return [start, start + words.length];
}

export const SOURCES = [
  { id: 'thread', name: 'thread.txt', order: 1 },
  { id: 'interview', name: 'interview.txt', order: 2 },
  { id: 'note', name: 'note.txt', order: 3 },
];

export const TEXTS = new Map([
  ['thread', THREAD],
  ['interview', INTERVIEW],
  ['note', NOTE],
]);

const turn1 = spanOf(THREAD, 'Aiko: I distrust China 😀.');
const turn2 = spanOf(THREAD, 'Ben: مرحبا, I trust them.');
const turn3 = spanOf(THREAD, 'Aiko: Still no.');

export const TURNS = { aiko1: turn1, ben: turn2, aiko2: turn3 };

export const CASES: CaseData = {
  cases: [
    { id: 'ben', name: 'Ben', order: 2, type: 'commenter' },
    { id: 'aiko', name: 'Aiko', order: 1, type: 'commenter' },
    { id: 'dana', name: 'Dana', order: 3, type: 'interviewee' },
  ],
  attributes: [
    { id: 'region', name: 'region', type: 'category', categories: ['Kanto', 'Kansai'], order: 0 },
    { id: 'age', name: 'age', type: 'number', order: 1 },
    { id: 'joined', name: 'joined', type: 'date', order: 2, caseType: 'commenter' },
  ],
  values: [
    { caseId: 'aiko', attributeId: 'region', value: 'Kanto' },
    { caseId: 'ben', attributeId: 'region', value: 'Kansai' },
    { caseId: 'dana', attributeId: 'region', value: 'Kanto' },
    { caseId: 'aiko', attributeId: 'age', value: 34 },
    { caseId: 'ben', attributeId: 'age', value: 61 },
    { caseId: 'dana', attributeId: 'age', value: null },
    { caseId: 'aiko', attributeId: 'joined', value: '2024-03-01' },
    { caseId: 'ben', attributeId: 'joined', value: '2025-01-15' },
  ],
  links: [
    { id: 'l-aiko1', caseId: 'aiko', sourceId: 'thread', start: turn1[0], end: turn1[1], order: 1 },
    { id: 'l-ben', caseId: 'ben', sourceId: 'thread', start: turn2[0], end: turn2[1], order: 2 },
    { id: 'l-aiko2', caseId: 'aiko', sourceId: 'thread', start: turn3[0], end: turn3[1], order: 3 },
    { id: 'l-dana', caseId: 'dana', sourceId: 'interview' },
    { id: 'l-aiko3', caseId: 'aiko', sourceId: 'note', start: 0, end: NOTE.length, order: 1 },
  ],
};

export function code(id: string, name: string, parentId: string | null = null, order = 0): Code {
  return { id, projectId: 'p', parentId, name, description: '', color: '#e6194b', order, createdAt: '2024-01-01T00:00:00.000Z' };
}

export const CODES = [code('distrust', 'Distrust', null, 0), code('china', 'China', 'distrust', 0), code('trust', 'Trust', null, 1), code('place', 'Place', null, 2)];

let next = 0;
/** A coding of `words` (the n-th occurrence from `from`) in a source. */
export function coded(sourceId: string, codeId: string, words: string, options: { from?: number; coder?: string } = {}) {
  const [start, end] = spanOf(TEXTS.get(sourceId)!, words, options.from ?? 0);
  return { id: `c${++next}`, sourceId, codeId, start, end, coder: options.coder ?? 'aiko-coder' };
}
