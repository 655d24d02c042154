// The whole project as one consistent snapshot, read in many short transactions instead of one
// long one: what a backup or a save of a big project reads while the researcher keeps coding.
// A read-only transaction over the project's tables holds back every commit until it ends
// (IndexedDB runs a read-write transaction only after the overlapping ones before it), so one
// transaction reading 20 MB of text and 100,000 codings made a digit key wait for all of it.
// Consistency comes from the project's change stamp instead: every commit stamps `updatedAt`,
// so if it is the same before and after the slices, no step landed in between; if it moved, the
// read starts over, and after a few tries falls back to the one-transaction read.
import type { ProjectSnapshot } from '../../../shared/model/snapshot';
import { getDb } from './db';
import { codingsOfSources, codingTables } from './codingsRepository';
import { caseDataTables, caseValuesOfProject, linksOfProject } from './caseRepository';
import { rowsOfProject, rowTables } from './recordsRepository';
import { readProject } from './readProject';

/** Sources per slice: about 2 MB of text or 5,000 codings on the big project, a few ms of reading. */
export const SOURCES_PER_SLICE = 25;
const ATTEMPTS = 3;

async function stampOf(projectId: string): Promise<string> {
  const project = await getDb().projects.get(projectId);
  if (!project) throw new Error('That project no longer exists.');
  return project.updatedAt;
}

/** Told each slice's texts as soon as they are read (a save starts deflating them then). */
export type OnTextsRead = (texts: readonly ProjectSnapshot['sourceTexts'][number][]) => void;

async function readOnce(projectId: string, onProgress: (fraction: number) => void, pause?: () => Promise<void>, onTexts?: OnTextsRead): Promise<ProjectSnapshot> {
  const db = getDb();
  // Everything but the texts and the codings: small, read together.
  const head = await db.transaction('r', [...rowTables(), ...caseDataTables()], async () => {
    const project = await db.projects.get(projectId);
    if (!project) throw new Error('That project no longer exists.');
    const [coders, sources, codes, codeSets, cases, attributes, caseValues, caseLinks, memos, savedQueries] = await Promise.all([
      rowsOfProject('coders', projectId),
      rowsOfProject('sources', projectId),
      rowsOfProject('codes', projectId),
      rowsOfProject('codeSets', projectId),
      rowsOfProject('cases', projectId),
      rowsOfProject('attributes', projectId),
      caseValuesOfProject(projectId),
      linksOfProject(projectId),
      rowsOfProject('memos', projectId),
      rowsOfProject('savedQueries', projectId),
    ]);
    return { project, coders, sources, codes, codeSets, cases, attributes, caseValues, caseLinks, memos, savedQueries };
  });
  const sourceTexts: ProjectSnapshot['sourceTexts'] = [];
  const sourceOriginals: NonNullable<ProjectSnapshot['sourceOriginals']> = [];
  const codings: ProjectSnapshot['codings'] = [];
  const ids = head.sources.map((s) => s.id);
  for (let i = 0; i < ids.length; i += SOURCES_PER_SLICE) {
    const slice = ids.slice(i, i + SOURCES_PER_SLICE);
    const textsBefore = sourceTexts.length;
    await db.transaction('r', [db.sourceTexts, db.sourceOriginals, ...codingTables()], async () => {
      const [texts, originals, sliceCodings] = await Promise.all([db.sourceTexts.bulkGet(slice), db.sourceOriginals.bulkGet(slice), codingsOfSources(slice)]);
      for (const text of texts) if (text) sourceTexts.push(text);
      for (const original of originals) if (original) sourceOriginals.push(original);
      for (const coding of sliceCodings) codings.push(coding);
    });
    onTexts?.(sourceTexts.slice(textsBefore));
    onProgress(Math.min(1, (i + SOURCES_PER_SLICE) / ids.length));
    await pause?.();
  }
  // Codings whose source is not (or no longer) in the project cannot be in a snapshot either;
  // the one-transaction read gives the same (it reads them by project, every one has a source).
  return { ...head, sourceTexts, ...(sourceOriginals.length > 0 ? { sourceOriginals } : {}), codings };
}

/**
 * `onProgress` hears the share of the sources read (0–1); a read that starts over reports from 0
 * again. `pause`, when given, is awaited after each slice (a paced backup rests there).
 * `onTexts` hears each slice's texts as they are read (again if the read starts over; not at all
 * from the one-transaction fallback): they may be used before the read is known to be consistent
 * only where that cannot matter (a source's text never changes).
 */
export async function readProjectInSlices(projectId: string, onProgress: (fraction: number) => void = () => {}, pause?: () => Promise<void>, onTexts?: OnTextsRead): Promise<ProjectSnapshot> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const before = await stampOf(projectId);
    const snapshot = await readOnce(projectId, onProgress, pause, onTexts);
    if ((await stampOf(projectId)) === before && snapshot.project.updatedAt === before) return snapshot;
  }
  return readProject(projectId, { originals: true });
}
