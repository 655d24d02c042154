// The whole project as one snapshot, read in one transaction so no concurrent step can be half in
// it: what exports, project files, backups and merges start from. Sources' original files are
// read only when asked for (writing a project file): they can be hundreds of megabytes.
import type { ProjectSnapshot } from '../../../shared/model/snapshot';
import { getDb } from './db';
import { codingKeysOfProject, codingsOfProject, codingTables } from './codingsRepository';
import { caseDataTables, caseValuesOfProject, linksOfProject } from './caseRepository';
import { rowsOfProject, rowTables } from './recordsRepository';

export interface ReadProjectOptions {
  /** Read the sources' original files too (for a .qdpx: a save or a backup). */
  originals?: boolean;
  /**
   * 'keys': codings without their quotes and creation times (empty strings), for comparing
   * only (planning a merge); never for writing or showing (`codingKeysOfProject`).
   * 'none': no codings at all, for a reader that takes them from elsewhere inside the same
   * transaction (the analysis worker's cached columns).
   */
  codings?: 'whole' | 'keys' | 'none';
}

/** Every table `readProject` reads: a caller joining its read with others opens a transaction over these. */
export function projectTables() {
  return [...rowTables(), ...codingTables(), ...caseDataTables()];
}

export async function readProject(projectId: string, options: ReadProjectOptions = {}): Promise<ProjectSnapshot> {
  const db = getDb();
  return db.transaction('r', projectTables(), async () => {
    const project = await db.projects.get(projectId);
    if (!project) throw new Error('That project no longer exists.');
    const [coders, sources, sourceTexts, codes, codeSets, cases, attributes, caseValues, caseLinks, codings, memos, savedQueries] = await Promise.all([
      rowsOfProject('coders', projectId),
      rowsOfProject('sources', projectId),
      rowsOfProject('sourceTexts', projectId),
      rowsOfProject('codes', projectId),
      rowsOfProject('codeSets', projectId),
      rowsOfProject('cases', projectId),
      rowsOfProject('attributes', projectId),
      caseValuesOfProject(projectId),
      linksOfProject(projectId),
      options.codings === 'none'
        ? Promise.resolve([])
        : options.codings === 'keys'
          ? codingKeysOfProject(projectId)
          : codingsOfProject(projectId),
      rowsOfProject('memos', projectId),
      rowsOfProject('savedQueries', projectId),
    ]);
    const snapshot: ProjectSnapshot = { project, coders, sources, sourceTexts, codes, codeSets, cases, attributes, caseValues, caseLinks, codings, memos, savedQueries };
    if (options.originals) {
      const sourceOriginals = await rowsOfProject('sourceOriginals', projectId);
      if (sourceOriginals.length > 0) snapshot.sourceOriginals = sourceOriginals;
    }
    return snapshot;
  });
}
