// Live reads for memos: the project's memos, what each is attached to (for labels, search and
// links), and the memos on given targets (a coding's memos beside its highlight).
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Coding, Memo } from '../../../shared/model/types';
import type { MemoTargetLookup } from '../../../shared/memos/memoTargets';
import { getDb } from './db';
import { codingsById, codingsOfProject } from './codingsRepository';
import { reportError } from '../stores/uiStore';

export function useMemos(projectId: string | null): Memo[] | undefined {
  return useLiveQuery(() => (projectId ? getDb().memos.where('projectId').equals(projectId).toArray() : []), [projectId]);
}

export function useMemosOf(targetIds: readonly string[]): Memo[] | undefined {
  const key = targetIds.join('|');
  return useLiveQuery(
    async () => (key === '' ? [] : (await getDb().memos.where('targetId').anyOf(key.split('|')).toArray()).sort((a, b) => a.createdAt.localeCompare(b.createdAt))),
    [key],
  );
}

/** Reads what memos can be attached to in a project, for their labels. */
export async function readMemoTargets(projectId: string, withCodings: boolean): Promise<MemoTargetLookup> {
  const db = getDb();
  const [sources, codes, cases, codings] = await Promise.all([
    db.sources.where('projectId').equals(projectId).toArray(),
    db.codes.where('projectId').equals(projectId).toArray(),
    db.cases.where('projectId').equals(projectId).toArray(),
    withCodings ? codingsOfProject(projectId) : Promise.resolve([]),
  ]);
  return {
    sources: new Map(sources.map((s) => [s.id, s])),
    codes: new Map(codes.map((c) => [c.id, c])),
    cases: new Map(cases.map((c) => [c.id, c])),
    codings: new Map(codings.map((c) => [c.id, c])),
  };
}

/**
 * The lookup for the project's memo labels. Sources, codes and cases are read live. The codings
 * that coding memos (and `extraCodingId`, a coding a new memo is being written on) point to are
 * read again only when those memos or the codes change, not on every coding applied: finding a
 * coding by id means reading the project's coding columns, too much to repeat on each edit.
 */
export function useMemoTargets(projectId: string | null, extraCodingId: string | null = null): MemoTargetLookup | undefined {
  const base = useLiveQuery(async () => (projectId ? readMemoTargets(projectId, false) : undefined), [projectId]);
  const memoCodingIds = useLiveQuery(
    async () =>
      projectId
        ? (await getDb().memos.where('projectId').equals(projectId).filter((m) => m.targetKind === 'coding').toArray())
            .map((m) => m.targetId)
            .sort()
            .join('|')
        : '',
    [projectId],
  );
  const wanted = [memoCodingIds ?? '', extraCodingId ?? ''].filter((k) => k !== '').join('|');
  const [codings, setCodings] = useState<{ byId: Map<string, Coding> }>({ byId: new Map() });
  const codes = base?.codes;
  useEffect(() => {
    if (!projectId || wanted === '') return;
    let current = true;
    const ids = new Set(wanted.split('|'));
    codingsById(projectId, [...ids]).then((found) => {
      if (current) setCodings({ byId: new Map(found.map((c) => [c.id, c])) });
    }, reportError);
    return () => {
      current = false;
    };
  }, [projectId, wanted, codes]);
  if (!base) return undefined;
  // While a changed set of codings is read, the previous one serves (labels may lag for a moment).
  return { ...base, codings: codings.byId };
}

/** Whether a memo's source or code still exists (for "go there"). */
export async function memoTargetExists(kind: 'source' | 'code', id: string): Promise<boolean> {
  const db = getDb();
  return (kind === 'source' ? await db.sources.get(id) : await db.codes.get(id)) !== undefined;
}

export { getCoding as findCoding } from './codingsRepository';
