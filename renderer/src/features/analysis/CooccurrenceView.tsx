// The "Co-occurrence" view: how often codes overlap in the text, for every codable code, a code
// set, or a code and its subcodes. A cell lists the overlaps it counts; the matrix exports as CSV.
import { useMemo } from 'react';
import type { CooccurrenceMatrix } from '../../../../shared/analysis/cooccurrence';
import { codePath, flattenTree } from '../../../../shared/codebook/tree';
import { useCodes, useSources } from '../../db/queries';
import { useCodeSets } from '../../db/codebookQueries';
import { useAnalysisQuery } from '../../analysis/useAnalysisQuery';
import {
  selectHideEmptyCodes,
  selectMatrixScope,
  selectOpenCell,
  useAnalysisStore,
} from '../../stores/analysisStore';
import { reportError, useUiStore } from '../../stores/uiStore';
import { selectActiveFilter, useAnalysisFilterStore } from '../../stores/analysisFilterStore';
import { useFilterQueryKey } from './filter/useFilterQueryKey';
import { FilterBar } from './filter/FilterBar';
import { CooccurrenceTable } from './CooccurrenceTable';
import { OverlapList } from './OverlapList';
import { exportCooccurrenceCsv } from './exportCooccurrence';
import { codesInScope, validScope } from './matrixScope';
import { CodeScopeSelect } from './CodeScopeSelect';
import { exportedMessage } from './filter/filterNote';
import './analysis.css';

const NO_CODES: string[] = [];

/** The rows and columns to show: all, or only codes that overlap with at least one other shown. */
function shownIndexes(matrix: CooccurrenceMatrix, hideEmpty: boolean): number[] {
  const all = matrix.codeIds.map((_, i) => i);
  return hideEmpty ? all.filter((i) => matrix.counts[i]!.some((n, j) => j !== i && n > 0)) : all;
}

export function CooccurrenceView({ projectId }: { projectId: string }) {
  const codes = useCodes(projectId);
  const codeSets = useCodeSets(projectId);
  const sources = useSources(projectId);
  const storedScope = useAnalysisStore(selectMatrixScope);
  const hideEmpty = useAnalysisStore(selectHideEmptyCodes);
  const openCell = useAnalysisStore(selectOpenCell);
  const setMatrixScope = useAnalysisStore((s) => s.setMatrixScope);
  const setHideEmptyCodes = useAnalysisStore((s) => s.setHideEmptyCodes);
  const openCooccurrenceCell = useAnalysisStore((s) => s.openCooccurrenceCell);
  const notify = useUiStore((s) => s.notify);

  const sets = useMemo(() => codeSets ?? [], [codeSets]);
  const entries = useMemo(() => flattenTree(codes ?? []), [codes]);
  const ordered = useMemo(() => entries.map((e) => e.code), [entries]);
  const codesById = useMemo(() => new Map(ordered.map((c) => [c.id, c])), [ordered]);
  const scope = validScope(storedScope, ordered, sets);
  const inScope = useMemo(() => codesInScope(ordered, sets, scope), [ordered, sets, scope]);
  const codeIds = useMemo(() => (inScope.length > 0 ? inScope.map((c) => c.id) : NO_CODES), [inScope]);
  const filter = useAnalysisFilterStore(selectActiveFilter);
  const filterId = useFilterQueryKey(projectId);
  const queryKey = `cooccurrence:${codeIds.join('|')}#${filterId}`;
  const result = useAnalysisQuery(projectId, codeIds, queryKey, (client) => client.cooccurrence(projectId, codeIds, filter));
  const matrix = result.value;
  const shown = useMemo(() => (matrix ? shownIndexes(matrix, hideEmpty) : []), [matrix, hideEmpty]);
  const pathOf = (codeId: string): string => codePath(codesById, codeId);
  const cell = openCell && codesById.has(openCell.firstCodeId) && codesById.has(openCell.secondCodeId) ? openCell : null;

  const exportShown = (): void => {
    if (!matrix) return;
    const ids = shown.map((i) => matrix.codeIds[i]!);
    const counts = shown.map((i) => shown.map((j) => matrix.counts[i]![j]!));
    exportCooccurrenceCsv(projectId, { codeIds: ids, counts }, pathOf, filter)
      .then(async (saved) => {
        if (saved.saved) notify('info', await exportedMessage(projectId, 'the co-occurrence matrix', saved.fileName, filter));
      })
      .catch(reportError);
  };

  return (
    <section className="panel analysis-panel" aria-label="Co-occurrence">
      <div className="panel-header">
        <h2>Co-occurrence</h2>
        <button type="button" onClick={exportShown} disabled={!matrix || shown.length === 0}>
          Export matrix (CSV)
        </button>
      </div>
      <div className="analysis-tools">
        <CodeScopeSelect label="Codes in the matrix" codes={ordered} sets={sets} scope={scope} onChange={setMatrixScope} />
        <label className="check">
          <input type="checkbox" checked={hideEmpty} onChange={(e) => setHideEmptyCodes(e.target.checked)} />
          Hide codes without overlaps
        </label>
        <span className="analysis-hint">Each cell counts pairs of codings of the two codes that share text in the same source.</span>
      </div>
      <FilterBar projectId={projectId} />
      {inScope.length < 2 ? (
        <p className="empty">The matrix needs at least two codes that can be applied to text{scope.kind === 'all' ? '' : ' in this selection'}.</p>
      ) : !matrix ? (
        <p className="empty">Counting overlaps…</p>
      ) : shown.length === 0 ? (
        <p className="empty">None of these codes overlap yet. Code the same passage with two codes and the pair appears here.</p>
      ) : (
        <div className={cell ? 'analysis-split' : 'analysis-split single'}>
          <div className="matrix-scroll">
            <CooccurrenceTable
              matrix={matrix}
              shown={shown}
              codesById={codesById}
              pathOf={pathOf}
              openCell={cell}
              onOpenCell={openCooccurrenceCell}
            />
          </div>
          {cell && (
            <OverlapList
              key={`${cell.firstCodeId}|${cell.secondCodeId}`}
              projectId={projectId}
              cell={cell}
              sources={sources ?? []}
              codesById={codesById}
              onClose={() => openCooccurrenceCell(null)}
            />
          )}
        </div>
      )}
    </section>
  );
}
