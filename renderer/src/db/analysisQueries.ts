// Live reads for the analysis views: the project's case rows (attributes for the crosstab's column
// choice) and a revision string that changes whenever a case, a value or a link does, so a table
// counted in the worker is counted again.
import { useLiveQuery } from 'dexie-react-hooks';
import { readCaseRows, type CaseRows } from './caseQueries';

export interface CaseRowsWithRevision extends CaseRows {
  revision: string;
}

/** FNV-1a over a string: a short, stable digest for a query key. */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export function useCaseRows(projectId: string): CaseRowsWithRevision | undefined {
  return useLiveQuery(async () => {
    const rows = await readCaseRows(projectId);
    const revision = digest(JSON.stringify([rows.cases, rows.attributes, [...rows.values], rows.links]));
    return { ...rows, revision };
  }, [projectId]);
}
