// Live reads for components: each re-renders its user when the rows it read change.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Code, CodingSpan, Project, Source } from '../../../shared/model/types';
import { getDb } from './db';
import { codingTallies, spansOfSource } from './codingsRepository';

export function useProjects(): Project[] | undefined {
  return useLiveQuery(() => getDb().projects.orderBy('name').toArray(), []);
}

export function useSources(projectId: string | null): Source[] | undefined {
  return useLiveQuery(
    async () => (projectId ? (await getDb().sources.where('projectId').equals(projectId).toArray()).sort((a, b) => a.order - b.order) : []),
    [projectId],
  );
}

export function useSourceText(sourceId: string | null): string | undefined {
  return useLiveQuery(async () => (sourceId ? ((await getDb().sourceTexts.get(sourceId))?.text ?? '') : ''), [sourceId]);
}

/** A source's text, read once (not live): for checks such as spotting a file imported twice. */
export async function getSourceText(sourceId: string): Promise<string | undefined> {
  return (await getDb().sourceTexts.get(sourceId))?.text;
}

/**
 * Whether the source has its original file stored. Counted on the key alone: the row holds the
 * file's bytes, which no view may load.
 */
export function useSourceHasOriginal(sourceId: string | null): boolean | undefined {
  return useLiveQuery(async () => (sourceId ? (await getDb().sourceOriginals.where(':id').equals(sourceId).count()) > 0 : false), [sourceId]);
}

export function useCodes(projectId: string | null): Code[] | undefined {
  return useLiveQuery(() => (projectId ? getDb().codes.where('projectId').equals(projectId).toArray() : []), [projectId]);
}

/** The open source's codings as the view paints them: no quote selectors, a fraction of the memory. */
export function useSourceCodings(sourceId: string | null): CodingSpan[] | undefined {
  return useLiveQuery(() => (sourceId ? spansOfSource(sourceId) : Promise.resolve([])), [sourceId]);
}

/** Number of codings per code id across the project (from the tallies: no coding is read). */
export function useCodingCounts(projectId: string | null): Map<string, number> | undefined {
  return useLiveQuery(async () => {
    const counts = new Map<string, number>();
    if (!projectId) return counts;
    for (const { codeId, count } of await codingTallies(projectId)) counts.set(codeId, (counts.get(codeId) ?? 0) + count);
    return counts;
  }, [projectId]);
}

export type { CodingTally } from './codingsRepository';

/** One project, or undefined when it no longer exists. */
export function getProject(projectId: string): Promise<Project | undefined> {
  return getDb().projects.get(projectId);
}

export function listProjects(): Promise<Project[]> {
  return getDb().projects.toArray();
}

/** A project's sources in list order. */
export function sourcesInOrder(projectId: string): Promise<Source[]> {
  return getDb().sources.where('projectId').equals(projectId).sortBy('order');
}

/** How many codings a source has (from the tallies, like the codebook's counts: no coding is read twice). */
export function useSourceCodingCount(projectId: string | null, sourceId: string | null): number | undefined {
  return useLiveQuery(async () => {
    if (!projectId || !sourceId) return 0;
    return (await codingTallies(projectId)).reduce((n, t) => (t.sourceId === sourceId ? n + t.count : n), 0);
  }, [projectId, sourceId]);
}

/**
 * The database the app opens and the newest schema version this build knows, without opening it:
 * startup compares them with what is installed before Dexie touches anything.
 */
export function databaseIdentity(): { name: string; version: number } {
  const db = getDb();
  return { name: db.name, version: db.verno };
}
