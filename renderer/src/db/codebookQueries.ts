// Live reads for the codebook panel. Counts come from the coding tallies (no coding is read);
// codings themselves are read per code, only when a dialog or a definition needs them.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Code, CodeSet, Coding } from '../../../shared/model/types';
import { getDb } from './db';
import { codingOfCode, codingTallies, codingsOfCodes, type CodingTally } from './codingsRepository';

export function useCodingTallies(projectId: string | null): CodingTally[] | undefined {
  return useLiveQuery(() => (projectId ? codingTallies(projectId) : Promise.resolve([])), [projectId]);
}

/**
 * The codings of some codes (a merge's codes, the code being split or edited); undefined until
 * the codings of exactly these codes have been read, never the previous codes' codings.
 */
export function useCodingsOfCodes(codeIds: readonly string[]): Coding[] | undefined {
  const key = codeIds.join('|');
  const result = useLiveQuery(
    async () => ({ key, codings: key === '' ? [] : await codingsOfCodes(key.split('|')) }),
    [key],
  );
  return result?.key === key ? result.codings : undefined;
}

export function useCodeSets(projectId: string | null): CodeSet[] | undefined {
  return useLiveQuery(
    async () => (projectId ? (await getDb().codeSets.where('projectId').equals(projectId).toArray()).sort((a, b) => a.name.localeCompare(b.name)) : []),
    [projectId],
  );
}

/** A code's typical example, if it still is one of the code's codings (read only when it has one). */
export function useExampleCoding(code: Pick<Code, 'id' | 'exampleCodingId'> | undefined): Coding | null | undefined {
  const codeId = code?.id;
  const exampleId = code?.exampleCodingId;
  const result = useLiveQuery(async () => {
    if (!codeId || !exampleId) return { codeId, coding: null };
    return { codeId, coding: (await codingOfCode(codeId, exampleId)) ?? null };
  }, [codeId, exampleId]);
  // Never the previous code's example while this code's is being read.
  return result && result.codeId === codeId ? result.coding : undefined;
}
