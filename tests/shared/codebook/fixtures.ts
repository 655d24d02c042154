// Small codebooks for the codebook tests, built the way the app stores them.
import type { Code, Coding } from '../../../shared/model/types';

let counter = 0;

/** A code with sensible defaults; `id` doubles as a readable name unless one is given. */
export function code(id: string, parentId: string | null, order: number, extra: Partial<Code> = {}): Code {
  return {
    id,
    projectId: 'p1',
    parentId,
    name: extra.name ?? id,
    description: '',
    color: '#e6194b',
    order,
    createdAt: '2024-01-01T00:00:00.000Z',
    ...extra,
  };
}

export function coding(codeId: string, sourceId: string, start: number, end: number, extra: Partial<Coding> = {}): Coding {
  counter += 1;
  return {
    id: extra.id ?? `k${counter}`,
    projectId: 'p1',
    sourceId,
    codeId,
    start,
    end,
    exact: `text ${start}-${end}`,
    prefix: '',
    suffix: '',
    coder: 'ana',
    createdAt: '2024-01-02T00:00:00.000Z',
    ...extra,
  };
}

/** Applies placement changes to a copy of the codes (what the caller's transaction would do). */
export function applyPlacements(codes: readonly Code[], changes: ReadonlyArray<Pick<Code, 'id' | 'parentId' | 'order'>>): Code[] {
  const byId = new Map(changes.map((c) => [c.id, c]));
  return codes.map((c) => (byId.has(c.id) ? { ...c, ...byId.get(c.id)! } : c));
}
