// The agreement scenario's coders: the big project's codings shared out among three coders. Each
// generated coding is made by each coder with probability 0.7 (at least one of them), so most
// passages are coded alike by two or three coders and the rest differ, as in a real team.
import type { Coding } from '../../shared/model/types';
import type { Coder } from '../../shared/model/coder';
import { createRandom } from './random';

export const TEAM = ['Ann', 'Ben', 'Cleo'] as const;

export function teamCodings(codings: readonly Coding[], projectId: string, seed: number): { coders: Coder[]; codings: Coding[] } {
  const random = createRandom(seed);
  const coders: Coder[] = TEAM.map((name, i) => ({ id: random.uuid(), projectId, name, color: ['#1f77b4', '#d62728', '#2ca02c'][i]! }));
  const out: Coding[] = [];
  for (const coding of codings) {
    let by = coders.filter(() => random.chance(0.7));
    if (by.length === 0) by = [random.pick(coders)];
    for (const coder of by) out.push({ ...coding, id: random.uuid(), coder: coder.id });
  }
  return { coders, codings: out };
}
