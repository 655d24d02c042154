// The "Agreement" view: choose coders (two or more), sources, cases, codes and the unit of
// analysis; "Compute agreement" runs the table in the analysis worker over one snapshot of the
// project; the table exports as CSV; below it, the passages where the coders differ, each opened
// in the document or accepted into the consensus coder.
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { UnitKind } from '../../../../shared/analysis/agreement/agreementUnits';
import { findConsensusCoder } from '../../../../shared/analysis/agreement/consensusCoder';
import { isCodableCode } from '../../../../shared/codebook/folder';
import { flattenTree, pathSegments } from '../../../../shared/codebook/tree';
import { useCodes, useSources } from '../../db/queries';
import { acceptVersion } from '../../db/operations/consensus';
import { useAnalysisQuery } from '../../analysis/useAnalysisQuery';
import type { AgreementAnswer, AgreementFiguresAnswer, AgreementViewRequest, ListedDisagreement } from '../../analysis/agreementOperations';
import { selectAgreementChoices, selectComputedAgreement, useAgreementStore } from '../../stores/agreementStore';
import { reportError, useUiStore } from '../../stores/uiStore';
import { plural } from '../../../../shared/text/plural';
import { AgreementTable } from './AgreementTable';
import { DisagreementList } from './DisagreementList';
import { SubsetPicker } from './SubsetPicker';
import { exportAgreementCsv } from './exportAgreement';
import '../analysis/analysis.css';
import './agreement.css';

const UNITS: ReadonlyArray<{ unit: UnitKind; label: string }> = [
  { unit: 'character', label: 'Character' },
  { unit: 'sentence', label: 'Sentence' },
  { unit: 'paragraph', label: 'Paragraph' },
  { unit: 'segment', label: 'Segment (speaker turn, survey answer, split segment)' },
  { unit: 'case', label: 'Case' },
];

const sameRequest = (a: AgreementViewRequest | null, b: AgreementViewRequest | null): boolean => JSON.stringify(a) === JSON.stringify(b);

export function AgreementView({ projectId }: { projectId: string }) {
  const codes = useCodes(projectId);
  const sources = useSources(projectId);
  const choices = useAgreementStore(selectAgreementChoices);
  const computed = useAgreementStore(selectComputedAgreement);
  const pendingCompute = useAgreementStore((s) => s.computeRequested);
  const choose = useAgreementStore((s) => s.choose);
  const notify = useUiStore((s) => s.notify);
  const [accepting, setAccepting] = useState(false);

  const entries = useMemo(() => flattenTree(codes ?? []), [codes]);
  const codesById = useMemo(() => new Map(entries.map((e) => [e.code.id, e.code])), [entries]);
  const codable = useMemo(
    () => entries.filter((e) => isCodableCode(e.code)).map((e) => ({ id: e.code.id, name: pathSegments(codesById, e.code.id).join(' › ') })),
    [entries, codesById],
  );
  const codableIds = useMemo(() => codable.map((c) => c.id), [codable]);
  const options = useAnalysisQuery(projectId, codableIds, `agreement-choices:${projectId}`, (client) => client.agreementChoices(projectId)).value;
  const coders = useMemo(() => options?.coders ?? [], [options]);
  const consensus = findConsensusCoder(coders);

  // The coders by default: everyone who has coded, the consensus coder aside.
  const coderIds = useMemo(() => {
    const known = new Set(coders.map((c) => c.id));
    return choices.coderIds?.filter((id) => known.has(id)) ?? coders.filter((c) => c.codings > 0 && c !== consensus).map((c) => c.id);
  }, [choices.coderIds, coders, consensus]);
  const sourceItems = useMemo(() => (sources ?? []).map((s) => ({ id: s.id, name: s.name })), [sources]);
  const keep = (ids: string[] | null, items: ReadonlyArray<{ id: string }>): string[] | undefined => {
    if (ids === null) return undefined;
    const known = new Set(items.map((i) => i.id));
    return ids.filter((id) => known.has(id));
  };
  const request: AgreementViewRequest = {
    coderIds,
    unit: choices.unit,
    ...(keep(choices.sourceIds, sourceItems) ? { sourceIds: keep(choices.sourceIds, sourceItems) } : {}),
    ...(keep(choices.caseIds, options?.cases ?? []) ? { caseIds: keep(choices.caseIds, options?.cases ?? []) } : {}),
    ...(keep(choices.codeIds, codable) ? { codeIds: keep(choices.codeIds, codable) } : {}),
  };
  const problem =
    coderIds.length < 2 ? 'Choose two or more coders.'
    : request.codeIds?.length === 0 || codable.length === 0 ? 'Choose at least one code that can be applied to text.'
    : request.sourceIds?.length === 0 ? 'Choose at least one source.'
    : request.caseIds?.length === 0 ? 'Choose at least one case, or all cases.'
    : null;
  const compute = (): void => {
    if (problem === null) useAgreementStore.getState().setComputed(request);
  };

  // "Compute agreement" from a menu or the palette: compute once the options are known.
  useEffect(() => {
    if (!pendingCompute || options === undefined || codes === undefined || sources === undefined) return;
    useAgreementStore.getState().computeHandled();
    compute();
  });

  const reportCodeIds = computed?.codeIds ?? codableIds;
  const key = `agreement:${projectId}:${JSON.stringify(computed)}`;
  // The figures first (quick), then the intervals and the disagreements (the bootstrap's 1000
  // resamples per code); both in the worker, asked for at once, answered in that order.
  const figures = useAnalysisQuery<AgreementFiguresAnswer | null>(projectId, reportCodeIds, `figures:${key}`, (client) =>
    computed ? client.agreementFigures(projectId, computed) : Promise.resolve(null),
  );
  const answer = useAnalysisQuery<AgreementAnswer | null>(projectId, reportCodeIds, key, (client) => (computed ? client.agreementReport(projectId, computed) : Promise.resolve(null)));
  const report = answer.value?.ok ? answer.value.report : undefined;
  const table = report?.table ?? (figures.value?.ok ? figures.value.table : undefined);
  const failure = figures.value && !figures.value.ok ? figures.value.reason : answer.value && !answer.value.ok ? answer.value.reason : null;
  // The list may hold hundreds of passages: drawn at low priority, so the table shows at once.
  const listed = useDeferredValue(report);
  const stale = computed !== null && !sameRequest(computed, request);

  const open = (d: ListedDisagreement): void => {
    useUiStore.getState().revealSpan(d.focus.sourceId, d.focus.start, d.focus.end);
  };
  const accept = (d: ListedDisagreement, whose: ReadonlyArray<{ id: string; name: string }>): void => {
    const accepted = new Set(whose.map((c) => c.id));
    if (d.versions.every((v) => !accepted.has(v.coderId) || v.codeIds.length === 0)) {
      notify('info', `${whose.map((c) => c.name).join(' and ')} applied none of these codes here: there is nothing to copy into the consensus.`);
      return;
    }
    setAccepting(true);
    acceptVersion(projectId, { spans: d.spans, coders: whose, codeIds: computed?.codeIds ?? codableIds })
      .then((added) => {
        notify('info', added === 0 ? 'The consensus already has that version of this passage.' : `Accepted into the consensus: ${plural(added, 'coding')}.`, added === 0 ? undefined : { undoable: true });
      }, reportError)
      .finally(() => setAccepting(false));
  };
  const exportTable = (): void => {
    if (!report) return;
    exportAgreementCsv(projectId, report.table).then((saved) => {
      if (saved.saved) notify('info', `Exported the agreement table to ${saved.fileName}.`);
    }, reportError);
  };

  return (
    <section className="panel analysis-panel agreement-panel" aria-label="Agreement">
      <div className="panel-header">
        <h2>Agreement</h2>
        <button type="button" onClick={exportTable} disabled={!report}>
          Export CSV
        </button>
      </div>
      <form
        className="agreement-options"
        aria-label="Agreement options"
        onSubmit={(e) => {
          e.preventDefault();
          compute();
        }}
      >
        <fieldset>
          <legend>Coders</legend>
          {coders.length === 0 ? (
            <p className="hint">{options ? 'Nobody has coded in this project yet.' : 'Reading the coders…'}</p>
          ) : (
            coders.map((c) => (
              <label key={c.id} className="check">
                <input
                  type="checkbox"
                  checked={coderIds.includes(c.id)}
                  onChange={(e) => choose({ coderIds: e.target.checked ? [...coderIds, c.id] : coderIds.filter((id) => id !== c.id) })}
                />
                {c.name} <span className="subset-count">({plural(c.codings, 'coding')})</span>
              </label>
            ))
          )}
        </fieldset>
        <fieldset>
          <legend>Unit</legend>
          <select aria-label="Unit" value={choices.unit} onChange={(e) => choose({ unit: e.target.value as UnitKind })}>
            {UNITS.map((u) => (
              <option key={u.unit} value={u.unit}>
                {u.label}
              </option>
            ))}
          </select>
        </fieldset>
        <fieldset>
          <legend>Sources</legend>
          <SubsetPicker label="Sources" items={sourceItems} value={choices.sourceIds} onChange={(sourceIds) => choose({ sourceIds })} />
        </fieldset>
        <fieldset>
          <legend>Cases</legend>
          <SubsetPicker label="Cases" items={options?.cases ?? []} value={choices.caseIds} onChange={(caseIds) => choose({ caseIds })} />
        </fieldset>
        <fieldset>
          <legend>Codes</legend>
          <SubsetPicker label="Codes" items={codable} value={choices.codeIds} onChange={(codeIds) => choose({ codeIds })} />
        </fieldset>
        <div className="agreement-submit">
          <button type="submit" className="primary" disabled={problem !== null}>
            Compute agreement
          </button>
          {problem && <span className="hint">{problem}</span>}
          {!problem && stale && <span className="hint">The options changed: compute again to see their table.</span>}
        </div>
      </form>
      <div className="agreement-results">
        {computed === null ? (
          <p className="empty">Choose the coders and the unit, then press Compute agreement.</p>
        ) : failure ? (
          <p className="empty" role="alert">
            {failure}
          </p>
        ) : !table ? (
          <p className="empty">Computing agreement…</p>
        ) : (
          <>
            <p className="hint agreement-summary">
              {table.coders.map((c) => c.name).join(', ')} · {UNITS.find((u) => u.unit === table.unit)?.label.toLowerCase()} level ·{' '}
              {table.unit === 'character' ? plural(table.unitCount, 'character') : plural(table.unitCount, 'unit')}
              {figures.running ? ' · updating…' : ''}
            </p>
            <div className="agreement-scroll">
              <AgreementTable table={table} codesById={codesById} />
            </div>
            {listed ? (
              <DisagreementList
                disagreements={listed.disagreements}
                total={listed.disagreementCount}
                coders={listed.table.coders}
                codesById={codesById}
                busy={accepting}
                onOpen={open}
                onAccept={accept}
              />
            ) : (
              <p className="empty">Working out the intervals and the passages where the coders differ…</p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
