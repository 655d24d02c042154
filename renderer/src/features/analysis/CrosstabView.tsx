// The "Crosstab" view: codes (rows) against cases, the values of one attribute, or sources
// (columns); cells count codings or cases (a case once), shown as counts or row or column
// percentages. Clicking a cell lists its segments; the table exports as CSV and XLSX.
import { useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Crosstab, CrosstabColumns } from '../../../../shared/analysis/crosstab';
import { buildCrosstabCsv } from '../../../../shared/analysis/crosstabCsv';
import { buildCrosstabXlsx } from '../../../../shared/analysis/crosstabXlsx';
import type { CrosstabValues } from '../../../../shared/analysis/crosstabTable';
import { codePath, flattenTree } from '../../../../shared/codebook/tree';
import type { Code } from '../../../../shared/model/types';
import { useCodes, useSources } from '../../db/queries';
import { useCodeSets } from '../../db/codebookQueries';
import { useCaseRows } from '../../db/analysisQueries';
import { useAnalysisQuery } from '../../analysis/useAnalysisQuery';
import type { CrosstabRequest } from '../../analysis/tableOperations';
import { useTablesStore, type CrosstabCellRef } from '../../stores/tablesStore';
import { reportError, useUiStore } from '../../stores/uiStore';
import { codesInScope, validScope } from './matrixScope';
import { CodeScopeSelect } from './CodeScopeSelect';
import { CrosstabCellList } from './CrosstabCellList';
import { filterKey, useActiveAnalysisFilter } from './activeFilter';
import { filtered, saveTable } from './saveTable';
import { exportedMessage } from './filter/filterNote';
import './analysis.css';
import { FilterBar } from './filter/FilterBar';

const VALUE_NAMES: Record<CrosstabValues, string> = { counts: 'Counts', rowPercents: 'Row %', columnPercents: 'Column %' };

function columnsValue(columns: CrosstabColumns): string {
  return columns.kind === 'attribute' ? `attribute:${columns.attributeId}` : columns.kind;
}

function parseColumns(value: string): CrosstabColumns {
  if (value.startsWith('attribute:')) return { kind: 'attribute', attributeId: value.slice('attribute:'.length) };
  return value === 'sources' ? { kind: 'sources' } : { kind: 'cases' };
}

const formatPercent = (n: number | null): string => (n === null ? '—' : `${(Math.round(n * 10) / 10).toLocaleString('en-US')} %`);

export function CrosstabView({ projectId }: { projectId: string }) {
  const codes = useCodes(projectId);
  const codeSets = useCodeSets(projectId);
  const sources = useSources(projectId);
  const caseRows = useCaseRows(projectId);
  const attributes = caseRows?.attributes;
  const state = useTablesStore();
  const notify = useUiStore((s) => s.notify);
  const filter = useActiveAnalysisFilter();

  const sets = useMemo(() => codeSets ?? [], [codeSets]);
  const ordered = useMemo(() => flattenTree(codes ?? []).map((e) => e.code), [codes]);
  const codesById = useMemo(() => new Map(ordered.map((c) => [c.id, c])), [ordered]);
  const scope = validScope(state.crosstabScope, ordered, sets);
  const rowCodes = useMemo(() => codesInScope(ordered, sets, scope), [ordered, sets, scope]);
  const attributeGone = state.crosstabColumns.kind === 'attribute' && attributes !== undefined && !attributes.some((a) => a.id === (state.crosstabColumns as { attributeId: string }).attributeId);
  const columnsChoice = attributeGone ? 'cases' : columnsValue(state.crosstabColumns);
  const columns = useMemo(() => parseColumns(columnsChoice), [columnsChoice]);
  const request: CrosstabRequest = useMemo(
    () => ({ codeIds: rowCodes.map((c) => c.id), includeSubcodes: state.crosstabSubcodes, columns, count: state.crosstabCount, filter }),
    [rowCodes, state.crosstabSubcodes, columns, state.crosstabCount, filter],
  );
  const watched = useMemo(() => ordered.map((c) => c.id), [ordered]);
  const queryKey = `crosstab:${caseRows?.revision ?? ''}:${JSON.stringify({ ...request, filter: filterKey(filter) })}`;
  // Cases and attribute values live outside the codings: the key names them so an edit re-runs it.
  const result = useAnalysisQuery(projectId, watched, queryKey, (client) => client.crosstab(projectId, request));
  const table = result.value;
  const pathOf = (codeId: string): string => codePath(codesById, codeId);
  const cell = state.crosstabCell && table && state.crosstabCell.row < table.rows.length && table.rows[state.crosstabCell.row]!.codeId === state.crosstabCell.codeId ? state.crosstabCell : null;

  const exportCsv = (): void => {
    if (!table) return;
    saveTable(projectId, filtered(`crosstab ${VALUE_NAMES[state.crosstabValues].toLowerCase()}`, filter), buildCrosstabCsv(table, pathOf, state.crosstabValues))
      .then(async (saved) => {
        if (saved.saved) notify('info', await exportedMessage(projectId, 'the crosstab', saved.fileName, filter));
      })
      .catch(reportError);
  };
  const exportXlsx = (): void => {
    if (!table) return;
    buildCrosstabXlsx(table, pathOf)
      .then((bytes) => saveTable(projectId, filtered('crosstab', filter), bytes, 'xlsx'))
      .then(async (saved) => {
        if (saved.saved) notify('info', await exportedMessage(projectId, 'the crosstab', saved.fileName, filter));
      })
      .catch(reportError);
  };

  return (
    <section className="panel analysis-panel" aria-label="Crosstab">
      <div className="panel-header">
        <h2>Crosstab</h2>
        <div className="panel-actions">
        <button type="button" onClick={exportCsv} disabled={!table || table.rows.length === 0}>
          Export crosstab (CSV)
        </button>
        <button type="button" onClick={exportXlsx} disabled={!table || table.rows.length === 0}>
          Export crosstab (XLSX)
        </button>
        </div>
      </div>
      <FilterBar projectId={projectId} />
      <div className="analysis-tools">
        <CodeScopeSelect label="Codes in the rows" codes={ordered} sets={sets} scope={scope} onChange={(crosstabScope) => state.setCrosstab({ crosstabScope })} />
        <label>
          Columns{' '}
          <select aria-label="Columns" value={columnsValue(columns)} onChange={(e) => state.setCrosstab({ crosstabColumns: parseColumns(e.target.value) })}>
            <option value="cases">Cases</option>
            <option value="sources">Sources</option>
            {(attributes ?? []).length > 0 && (
              <optgroup label="Values of an attribute">
                {(attributes ?? []).map((a) => (
                  <option key={a.id} value={`attribute:${a.id}`}>
                    Values of {a.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
        <fieldset className="segmented">
          <legend>Cells count</legend>
          {(['codings', 'cases'] as const).map((count) => (
            <label key={count}>
              <input type="radio" name="crosstab-count" checked={state.crosstabCount === count} onChange={() => state.setCrosstab({ crosstabCount: count })} />
              {count === 'codings' ? 'Codings' : 'Cases (each once)'}
            </label>
          ))}
        </fieldset>
        <fieldset className="segmented">
          <legend>Show</legend>
          {(['counts', 'rowPercents', 'columnPercents'] as const).map((values) => (
            <label key={values}>
              <input type="radio" name="crosstab-values" checked={state.crosstabValues === values} onChange={() => state.setCrosstabValues(values)} />
              {VALUE_NAMES[values]}
            </label>
          ))}
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={state.crosstabSubcodes} onChange={(e) => state.setCrosstab({ crosstabSubcodes: e.target.checked })} />
          Include subcodes
        </label>
      </div>
      {rowCodes.length === 0 ? (
        <p className="empty">The crosstab needs at least one code that can be applied to text.</p>
      ) : !table ? (
        <p className="empty">Counting…</p>
      ) : table.columns.length === 0 ? (
        <p className="empty">{columns.kind === 'sources' ? 'This project has no sources yet.' : 'No cases to count in yet: split a source into cases, or import a survey.'}</p>
      ) : (
        <div className={cell ? 'analysis-split' : 'analysis-split single'}>
          <CrosstabTable table={table} codesById={codesById} values={state.crosstabValues} open={cell} onOpen={state.openCrosstabCell} />
          {cell && (
            <CrosstabCellList
              key={`${cell.row}|${cell.columnKey}`}
              projectId={projectId}
              request={request}
              cell={cell}
              columnLabel={table.columns.find((c) => c.key === cell.columnKey)?.label ?? ''}
              sources={sources ?? []}
              codesById={codesById}
              onClose={() => state.openCrosstabCell(null)}
            />
          )}
        </div>
      )}
    </section>
  );
}

/** Beyond this many columns only those in view are rendered (500 cases make 25,000 cells). */
const VIRTUAL_FROM = 60;
const COLUMN_WIDTH = 46;
/** Roughly where the first data column starts: the sticky code column's width. */
const ROW_HEADER_WIDTH = 230;

function CrosstabTable({
  table,
  codesById,
  values,
  open,
  onOpen,
}: {
  table: Crosstab;
  codesById: ReadonlyMap<string, Code>;
  values: CrosstabValues;
  open: CrosstabCellRef | null;
  onOpen(cell: CrosstabCellRef): void;
}) {
  const unit = table.count === 'codings' ? ['coding', 'codings'] : ['case', 'cases'];
  // The scroller lives here: the virtualiser finds it when this component's effects run.
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = table.columns.length > VIRTUAL_FROM;
  const columns = useVirtualizer({
    horizontal: true,
    count: virtual ? table.columns.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => COLUMN_WIDTH,
    paddingStart: ROW_HEADER_WIDTH,
    overscan: 6,
  });
  const items = columns.getVirtualItems();
  // The columns rendered, and the empty space standing for those left out on either side.
  const shownColumns = virtual ? items.map((i) => i.index) : table.columns.map((_, j) => j);
  const before = virtual && items.length > 0 ? items[0]!.start - ROW_HEADER_WIDTH : 0;
  const after = virtual && items.length > 0 ? columns.getTotalSize() - items.at(-1)!.end : 0;
  const spacer = (width: number, key: string, header = false) =>
    width > 0 ? (header ? <th key={key} role="presentation" style={{ minWidth: width, width, padding: 0 }} /> : <td key={key} role="presentation" style={{ minWidth: width, width, padding: 0 }} />) : null;
  const fixed = virtual ? { minWidth: COLUMN_WIDTH, width: COLUMN_WIDTH, maxWidth: COLUMN_WIDTH } : undefined;
  const shown = (row: number, column: number): string =>
    values === 'counts' ? table.counts[row]![column]!.toLocaleString('en-US') : formatPercent((values === 'rowPercents' ? table.rowPercents : table.columnPercents)[row]![column]!);
  return (
    <div className="matrix-scroll" ref={scroller}>
    <table className="cooccurrence-table crosstab-table" aria-label="Crosstab" aria-colcount={table.columns.length + 2}>
      <thead>
        <tr>
          <th scope="col" className="matrix-corner">
            Code
          </th>
          {spacer(before, 'before', true)}
          {shownColumns.map((j) => {
            const c = table.columns[j]!;
            return (
              <th key={c.key} scope="col" className="matrix-col" style={fixed} aria-colindex={j + 2}>
                <span className="matrix-col-name" title={c.label}>
                  {c.label}
                </span>
              </th>
            );
          })}
          {spacer(after, 'after', true)}
          <th scope="col" className="matrix-col crosstab-total">
            <span className="matrix-col-name">Total</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r, i) => {
          const code = codesById.get(r.codeId);
          const name = code?.name ?? 'Deleted code';
          return (
            <tr key={r.codeId}>
              <th scope="row" className="matrix-row">
                <span className="code-swatch" style={{ background: code?.color ?? '#999' }} aria-hidden="true" />
                <span className="matrix-row-name" title={name}>
                  {name}
                </span>
              </th>
              {spacer(before, 'before')}
              {shownColumns.map((j) => {
                const c = table.columns[j]!;
                const n = table.counts[i]![j]!;
                const pressed = open?.row === i && open.columnKey === c.key;
                return (
                  <td key={c.key} className={n === 0 ? 'matrix-cell zero' : 'matrix-cell crosstab-cell'} style={fixed} aria-colindex={j + 2}>
                    <button
                      type="button"
                      aria-pressed={pressed}
                      disabled={n === 0}
                      aria-label={`${name} × ${c.label}: ${n.toLocaleString('en-US')} ${n === 1 ? unit[0] : unit[1]}`}
                      onClick={() => onOpen({ row: i, codeId: r.codeId, columnKey: c.key })}
                    >
                      {shown(i, j)}
                    </button>
                  </td>
                );
              })}
              {spacer(after, 'after')}
              <td className="matrix-cell crosstab-total">{table.rowTotals[i]!.toLocaleString('en-US')}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" className="matrix-row">
            Total{table.count === 'cases' ? ' (cases in column)' : ''}
          </th>
          {spacer(before, 'before')}
          {shownColumns.map((j) => (
            <td key={table.columns[j]!.key} className="matrix-cell crosstab-total" style={fixed} aria-colindex={j + 2}>
              {table.columnTotals[j]!.toLocaleString('en-US')}
            </td>
          ))}
          {spacer(after, 'after')}
          <td className="matrix-cell crosstab-total" />
        </tr>
      </tfoot>
    </table>
    </div>
  );
}
