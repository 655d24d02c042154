// The "Frequencies" view: codings, cases and sources per code (with or without the subcodes
// rolled up) as a table and a bar chart; word frequencies of every source, some sources, or a
// code's segments, without English and Japanese stop words, as a table and a bar chart. Tables
// export as CSV, charts as PNG and SVG.
import { useMemo, useRef } from 'react';
import { buildCodeFrequenciesCsv, buildWordFrequenciesCsv } from '../../../../shared/analysis/frequenciesCsv';
import type { StopWordList } from '../../../../shared/analysis/wordFrequencies';
import { isEmptyFilter } from '../../../../shared/analysis/filter';
import { codePath, descendantIds, flattenTree } from '../../../../shared/codebook/tree';
import { isCodableCode } from '../../../../shared/codebook/folder';
import { useCodes, useSources } from '../../db/queries';
import { useCaseRows } from '../../db/analysisQueries';
import { useAnalysisQuery } from '../../analysis/useAnalysisQuery';
import type { WordFrequencyRequest } from '../../analysis/tableOperations';
import { useTablesStore, type WordSource } from '../../stores/tablesStore';
import { reportError, useUiStore } from '../../stores/uiStore';
import { CodePicker } from '../retrieval/CodePicker';
import { BarChart } from './charts/BarChart';
import { ChartExports } from './charts/ChartExports';
import { filterKey, useActiveAnalysisFilter } from './activeFilter';
import { filtered, saveTable } from './saveTable';
import { exportedMessage } from './filter/filterNote';
import './analysis.css';
import { FilterBar } from './filter/FilterBar';

/** Words listed in the table; the chart shows the first CHART_WORDS. */
const WORD_LIMIT = 200;
const CHART_WORDS = 25;
const CHART_CODES = 40;
const STOP_LISTS: Array<[StopWordList, string]> = [
  ['en', 'English'],
  ['ja', 'Japanese'],
];

function wordSourceValue(source: WordSource): string {
  return source.kind;
}

export function FrequenciesView({ projectId }: { projectId: string }) {
  return (
    <section className="panel analysis-panel frequencies-panel" aria-label="Frequencies">
      <div className="panel-header">
        <h2>Frequencies</h2>
      </div>
      <FilterBar projectId={projectId} />
      <div className="frequencies-scroll">
        <CodeFrequencies projectId={projectId} />
        <WordFrequencyPart projectId={projectId} />
      </div>
    </section>
  );
}

function CodeFrequencies({ projectId }: { projectId: string }) {
  const codes = useCodes(projectId);
  const caseRows = useCaseRows(projectId);
  const { frequencySubcodes, frequencyMeasure, setFrequencies } = useTablesStore();
  const notify = useUiStore((s) => s.notify);
  const filter = useActiveAnalysisFilter();
  const entries = useMemo(() => flattenTree(codes ?? []), [codes]);
  const codesById = useMemo(() => new Map(entries.map((e) => [e.code.id, e.code])), [entries]);
  const watched = useMemo(() => entries.map((e) => e.code.id), [entries]);
  const queryKey = `code-frequencies:${caseRows?.revision ?? ''}:${filterKey(filter)}`;
  const result = useAnalysisQuery(projectId, watched, queryKey, (client) => client.codeFrequencyTable(projectId, filter));
  const table = result.value;
  const chart = useRef<SVGSVGElement>(null);
  const pathOf = (codeId: string): string => codePath(codesById, codeId);
  const counted = (row: NonNullable<typeof table>[number]) => (frequencySubcodes ? row.withSubcodes : row);
  const bars = (table ?? [])
    .filter((row) => codesById.has(row.codeId) && (isCodableCode(codesById.get(row.codeId)!) || frequencySubcodes))
    .map((row) => ({ key: row.codeId, label: codesById.get(row.codeId)!.name, value: counted(row)[frequencyMeasure], color: codesById.get(row.codeId)!.color }))
    .filter((b) => b.value > 0)
    .sort((a, b) => b.value - a.value)
    .slice(0, CHART_CODES);

  const exportCsv = (): void => {
    if (!table) return;
    saveTable(projectId, filtered('code frequencies', filter), buildCodeFrequenciesCsv(table, pathOf))
      .then(async (saved) => {
        if (saved.saved) notify('info', await exportedMessage(projectId, 'the code frequencies', saved.fileName, filter));
      })
      .catch(reportError);
  };

  return (
    // Groups, not regions: regions named "… frequencies" would also answer to the region "Frequencies".
    <section className="frequency-part" role="group" aria-label="Code frequencies">
      <div className="frequency-header">
        <h3>Codes</h3>
        <label className="check">
          <input type="checkbox" checked={frequencySubcodes} onChange={(e) => setFrequencies({ frequencySubcodes: e.target.checked })} />
          Roll up subcodes
        </label>
        <fieldset className="segmented">
          <legend>Chart</legend>
          {(['codings', 'cases'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="frequency-measure" checked={frequencyMeasure === m} onChange={() => setFrequencies({ frequencyMeasure: m })} />
              {m === 'codings' ? 'Codings' : 'Cases'}
            </label>
          ))}
        </fieldset>
        <button type="button" onClick={exportCsv} disabled={!table || table.length === 0}>
          Export code frequencies (CSV)
        </button>
      </div>
      {!table ? (
        <p className="empty">Counting…</p>
      ) : table.length === 0 ? (
        <p className="empty">This project has no codes yet.</p>
      ) : (
        <div className="frequency-body">
          {/* Scrolls on its own: a Tab stop, so the keyboard can scroll it (axe: scrollable-region-focusable). */}
          <div className="frequency-table-scroll" tabIndex={0} role="region" aria-label="Scrolling code table">
            <table className="frequency-table" aria-label="Code frequencies">
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Codings</th>
                  <th scope="col">Cases</th>
                  <th scope="col">Sources</th>
                </tr>
              </thead>
              <tbody>
                {table.map((row) => {
                  const code = codesById.get(row.codeId);
                  const n = counted(row);
                  return (
                    <tr key={row.codeId}>
                      <th scope="row" style={{ paddingLeft: `${0.5 + row.depth * 1.1}rem` }}>
                        <span className="code-swatch" style={{ background: code?.color ?? '#999' }} aria-hidden="true" />
                        {code?.name ?? 'Deleted code'}
                      </th>
                      <td>{n.codings.toLocaleString('en-US')}</td>
                      <td>{n.cases.toLocaleString('en-US')}</td>
                      <td>{n.sources.toLocaleString('en-US')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="frequency-chart">
            {bars.length === 0 ? (
              <p className="empty">Nothing is coded yet.</p>
            ) : (
              <>
                <BarChart ref={chart} title={`${frequencyMeasure === 'codings' ? 'Codings' : 'Cases'} per code${frequencySubcodes ? ' (with subcodes)' : ''}`} data={bars} valueLabel={frequencyMeasure} />
                <ChartExports chart={chart} fileName={`${frequencyMeasure} per code`} label="the code chart" projectId={projectId} filter={filter} />
              </>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function WordFrequencyPart({ projectId }: { projectId: string }) {
  const codes = useCodes(projectId);
  const sources = useSources(projectId);
  const { wordSource, stopWords, setFrequencies } = useTablesStore();
  const notify = useUiStore((s) => s.notify);
  const filter = useActiveAnalysisFilter();
  const entries = useMemo(() => flattenTree(codes ?? []), [codes]);
  const chart = useRef<SVGSVGElement>(null);
  const sourceIds = useMemo(() => {
    const all = (sources ?? []).map((s) => s.id);
    return wordSource.kind === 'sources' ? wordSource.sourceIds.filter((id) => all.includes(id)) : all;
  }, [sources, wordSource]);
  const code = wordSource.kind === 'code' ? entries.find((e) => e.code.id === wordSource.codeId)?.code : undefined;
  const request: WordFrequencyRequest | null = useMemo(() => {
    if (wordSource.kind === 'code') {
      if (!code) return null;
      return { scope: { kind: 'codes', codeIds: [code.id, ...descendantIds(codes ?? [], code.id)] }, stopWords, limit: WORD_LIMIT, filter };
    }
    return { scope: { kind: 'sources', sourceIds }, stopWords, limit: WORD_LIMIT, filter };
  }, [wordSource.kind, code, codes, sourceIds, stopWords, filter]);
  const watched = useMemo(() => (request?.scope.kind === 'codes' ? request.scope.codeIds : []), [request]);
  const queryKey = `words:${JSON.stringify({ ...request, filter: filterKey(filter) })}`;
  const result = useAnalysisQuery(projectId, watched, queryKey, (client) => (request ? client.wordFrequencyTable(projectId, request) : Promise.resolve(null)));
  const words = result.value;
  // What of the filter restricts these words: a coder has no say over whole sources' text.
  const wordFilter = wordSource.kind === 'code' ? filter : { ...filter, coders: undefined };
  const what =
    (wordSource.kind === 'code' ? (code ? `segments of ${code.name}` : 'a code’s segments') : wordSource.kind === 'all' ? 'all sources' : `${sourceIds.length} source${sourceIds.length === 1 ? '' : 's'}`) +
    (isEmptyFilter(wordFilter) ? '' : ' (filtered)');

  const exportCsv = (): void => {
    if (!words) return;
    saveTable(projectId, filtered('word frequencies', wordFilter), buildWordFrequenciesCsv(words))
      .then(async (saved) => {
        if (saved.saved) notify('info', await exportedMessage(projectId, 'the word frequencies', saved.fileName, wordFilter));
      })
      .catch(reportError);
  };
  const toggleStop = (list: StopWordList, on: boolean): void => setFrequencies({ stopWords: on ? [...stopWords, list] : stopWords.filter((l) => l !== list) });

  return (
    <section className="frequency-part" role="group" aria-label="Word frequencies">
      <div className="frequency-header">
        <h3>Words</h3>
        <select
          aria-label="Words of"
          value={wordSourceValue(wordSource)}
          onChange={(e) => {
            const kind = e.target.value;
            setFrequencies({ wordSource: kind === 'code' ? { kind: 'code', codeId: code?.id ?? entries.find((x) => isCodableCode(x.code))?.code.id ?? '' } : kind === 'sources' ? { kind: 'sources', sourceIds } : { kind: 'all' } });
          }}
        >
          <option value="all">All sources</option>
          <option value="sources">Chosen sources</option>
          <option value="code">Segments of a code</option>
        </select>
        {wordSource.kind === 'code' && (
          <CodePicker label="Code" entries={entries} value={code?.id ?? null} placeholder="Choose a code…" onChange={(id) => setFrequencies({ wordSource: { kind: 'code', codeId: id ?? '' } })} />
        )}
        <fieldset className="segmented">
          <legend>Leave out stop words</legend>
          {STOP_LISTS.map(([list, name]) => (
            <label key={list}>
              <input type="checkbox" checked={stopWords.includes(list)} onChange={(e) => toggleStop(list, e.target.checked)} />
              {name}
            </label>
          ))}
        </fieldset>
        <button type="button" onClick={exportCsv} disabled={!words || words.words.length === 0}>
          Export word frequencies (CSV)
        </button>
      </div>
      {wordSource.kind === 'sources' && (
        <select
          multiple
          aria-label="Sources counted"
          className="word-sources"
          value={sourceIds}
          onChange={(e) => setFrequencies({ wordSource: { kind: 'sources', sourceIds: [...e.target.selectedOptions].map((o) => o.value) } })}
        >
          {(sources ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      )}
      {!request ? (
        <p className="empty">Choose a code to count the words of its segments.</p>
      ) : !words ? (
        <p className="empty">Counting words…</p>
      ) : words.words.length === 0 ? (
        <p className="empty">No words to count in {what}.</p>
      ) : (
        <div className="frequency-body">
          <div className="frequency-table-scroll" tabIndex={0} role="region" aria-label="Scrolling word table">
            <p className="analysis-count" role="status">
              {words.total.toLocaleString('en-US')} words counted in {what}; the {Math.min(WORD_LIMIT, words.words.length)} most frequent:
            </p>
            <table className="frequency-table" aria-label="Word frequencies">
              <thead>
                <tr>
                  <th scope="col">Word</th>
                  <th scope="col">Count</th>
                  <th scope="col">%</th>
                </tr>
              </thead>
              <tbody>
                {words.words.map((w) => (
                  <tr key={w.word}>
                    <th scope="row">{w.word}</th>
                    <td>{w.count.toLocaleString('en-US')}</td>
                    <td>{((w.count / Math.max(1, words.total)) * 100).toFixed(1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="frequency-chart">
            <BarChart ref={chart} title={`Most frequent words in ${what}`} data={words.words.slice(0, CHART_WORDS).map((w) => ({ key: w.word, label: w.word, value: w.count }))} valueLabel="occurrences" />
            <ChartExports chart={chart} fileName="word frequencies" label="the word chart" subject="word chart" projectId={projectId} filter={wordFilter} />
          </div>
        </div>
      )}
    </section>
  );
}
