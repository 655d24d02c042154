// The words an export's message adds when the active analysis filter restricted what was saved, so a
// file written under a filter is never taken for the whole project: "Exported the crosstab to
// Study - crosstab.csv, filtered by “Two gardeners”: Cases: Marta K. or Grandad Tom 🌱."
import { describeFilter } from '../../../../../shared/analysis/filterDescription';
import { isEmptyFilter, type AnalysisFilter } from '../../../../../shared/analysis/filter';
import { readFilterChoices } from '../../../db/filterQueries';
import { savedQueriesOf } from '../../../db/savedQueryQueries';
import { useAnalysisFilterStore } from '../../../stores/analysisFilterStore';

/** The filter now active (what an export started now applies), or undefined when nothing is filtered. */
export function activeFilterNow(): AnalysisFilter | undefined {
  const { filter } = useAnalysisFilterStore.getState();
  return isEmptyFilter(filter) ? undefined : filter;
}

/** "filtered: Cases: Marta K." or, for a saved filter still as applied, "filtered by “Two gardeners”: …". */
export function filterPhrase(description: string, savedName?: string): string {
  return savedName ? `filtered by “${savedName}”: ${description}` : `filtered: ${description}`;
}

/**
 * The active filter in words, named after the saved filter it was applied from if it still is that
 * one; null when `filter` keeps everything.
 */
export async function describeExportFilter(projectId: string, filter: AnalysisFilter | undefined): Promise<string | null> {
  if (!filter || isEmptyFilter(filter)) return null;
  const { appliedSavedId } = useAnalysisFilterStore.getState();
  const [choices, saved] = await Promise.all([readFilterChoices(projectId), appliedSavedId ? savedQueriesOf(projectId, 'filter') : []]);
  const description = describeFilter(filter, choices);
  return filterPhrase(description, saved.find((s) => s.id === appliedSavedId)?.name);
}

/** The message after an export: where it went and, when a filter restricted it, which filter. */
export async function exportedMessage(projectId: string, what: string, fileName: string, filter: AnalysisFilter | undefined): Promise<string> {
  const note = await describeExportFilter(projectId, filter);
  return note ? `Exported ${what} to ${fileName}, ${note}.` : `Exported ${what} to ${fileName}.`;
}
