// The bar above every analysis (Coded segments, Co-occurrence, the tabs beside them): the active
// filter as chips, each removable, a way to add a restriction, and saved filters to save the
// filter under a name or apply one. The filter itself lives in stores/analysisFilterStore.ts, so
// every view (and the ticks of the Cases region) shows and changes the same one.
import { useMemo, useState } from 'react';
import { describeFilter, type FilterVocabulary } from '../../../../../shared/analysis/filterDescription';
import { isEmptyFilter, type AnalysisFilter } from '../../../../../shared/analysis/filter';
import { useFilterChoices } from '../../../db/filterQueries';
import { selectActiveFilter, selectAppliedSavedId, useAnalysisFilterStore } from '../../../stores/analysisFilterStore';
import { reportError, useUiStore } from '../../../stores/uiStore';
import { useCommand } from '../../../commands/registry';
import { NameDialog } from '../../common/NameDialog';
import { FilterEditor } from './FilterEditor';
import { deleteSavedFilter, saveFilter, useSavedFilters } from './savedFilters';
import './filter.css';

interface Chip {
  key: string;
  text: string;
  remove(): void;
}

/** One chip per kind of restriction, and one per attribute condition and source set. */
function chipsOf(filter: AnalysisFilter, names: FilterVocabulary, store: ReturnType<typeof useAnalysisFilterStore.getState>): Chip[] {
  const chip = (key: string, part: AnalysisFilter, remove: () => void): Chip => ({ key, text: describeFilter(part, names), remove });
  const out: Chip[] = [];
  if (filter.caseIds?.length) out.push(chip('cases', { caseIds: filter.caseIds }, () => store.clearKind('caseIds')));
  if (filter.caseTypes?.length) out.push(chip('types', { caseTypes: filter.caseTypes }, () => store.clearKind('caseTypes')));
  (filter.attributes ?? []).forEach((condition, i) => out.push(chip(`attribute${i}`, { attributes: [condition] }, () => store.removeCondition(i))));
  if (filter.sourceIds?.length) out.push(chip('sources', { sourceIds: filter.sourceIds }, () => store.clearKind('sourceIds')));
  (filter.sourceSets ?? []).forEach((set, i) =>
    out.push(chip(`set${i}`, { sourceSets: [set] }, () => store.setFilter({ ...filter, sourceSets: filter.sourceSets!.filter((_, j) => j !== i) }))),
  );
  if (filter.coders?.length) out.push(chip('coders', { coders: filter.coders }, () => store.clearKind('coders')));
  return out;
}

export function FilterBar({ projectId }: { projectId: string }) {
  const filter = useAnalysisFilterStore(selectActiveFilter);
  const appliedSavedId = useAnalysisFilterStore(selectAppliedSavedId);
  const store = useAnalysisFilterStore();
  const choices = useFilterChoices(projectId);
  const saved = useSavedFilters(projectId);
  const notify = useUiStore((s) => s.notify);
  const [editing, setEditing] = useState(false);
  const [naming, setNaming] = useState(false);
  const empty = isEmptyFilter(filter);

  const names: FilterVocabulary = useMemo(
    () => ({
      cases: choices?.cases ?? [],
      attributes: choices?.attributes ?? [],
      sources: choices?.sources ?? [],
      coders: choices?.coders ?? [],
    }),
    [choices],
  );
  const chips = chipsOf(filter, names, store);
  const summary = describeFilter(filter, names);
  const appliedName = appliedSavedId ? saved?.find((s) => s.id === appliedSavedId)?.name : undefined;

  useCommand('analyse.saveFilter', () => setNaming(true), !empty);
  useCommand('analyse.clearFilter', () => store.clearFilter(), !empty);

  return (
    <div className={empty ? 'filter-bar' : 'filter-bar active'} role="group" aria-label="Filter">
      <div className="filter-line">
        <span className="filter-title">Filter</span>
        {appliedName && appliedSavedId && (
          <span className="filter-saved-name">
            “{appliedName}”
            <button
              type="button"
              className="chip-remove"
              aria-label={`Delete saved filter ${appliedName}`}
              title="Delete this saved filter (the filter stays applied)"
              onClick={() =>
                deleteSavedFilter(appliedSavedId).then(() => notify('info', `Deleted the saved filter “${appliedName}”.`, { undoable: true }), reportError)
              }
            >
              ×
            </button>
          </span>
        )}
        <span className="filter-summary" role="list" aria-label="Active filter" title={summary}>
          {empty ? (
            <span className="filter-none" role="listitem">
              All codings
            </span>
          ) : (
            chips.map((c) => (
              <span key={c.key} className="filter-chip" role="listitem">
                {c.text}
                <button type="button" className="chip-remove" aria-label={`Remove ${c.text}`} onClick={c.remove}>
                  ×
                </button>
              </span>
            ))
          )}
        </span>
        <span className="filter-actions">
          <button type="button" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
            {editing ? 'Done' : 'Add condition'}
          </button>
          <select
            aria-label="Saved filters"
            value=""
            disabled={!saved || saved.length === 0}
            onChange={(e) => {
              const chosen = saved?.find((s) => s.id === e.target.value);
              if (chosen) store.setFilter(chosen.filter, chosen.id);
            }}
          >
            <option value="">{saved && saved.length > 0 ? 'Apply a saved filter…' : 'No saved filters'}</option>
            {(saved ?? []).map((s) => (
              <option key={s.id} value={s.id} title={describeFilter(s.filter, names)}>
                {s.name}
              </option>
            ))}
          </select>
          <button type="button" disabled={empty} onClick={() => setNaming(true)}>
            Save filter…
          </button>
          <button type="button" disabled={empty} onClick={() => store.clearFilter()}>
            Clear filter
          </button>
        </span>
      </div>
      {editing && choices && <FilterEditor choices={choices} />}
      {naming && (
        <NameDialog
          title="Save filter"
          label="Filter name"
          initial=""
          submitLabel="Save filter"
          onClose={() => setNaming(false)}
          onSubmit={async (name) => {
            const id = await saveFilter(projectId, name, filter);
            store.setFilter(filter, id);
            notify('info', `Saved the filter “${name.trim()}”.`, { undoable: true });
          }}
        />
      )}
    </div>
  );
}
