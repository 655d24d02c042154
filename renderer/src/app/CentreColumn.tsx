// The centre column: tabs for the open source ("Document"), a code's "Coded segments", the
// "Co-occurrence" matrix, the "Crosstab", "Frequencies" (tables and charts), "Search", "Queries" and "Agreement" between coders. The document stays mounted while hidden, so coming back keeps its place;
// the analysis views are built when shown (their choices live in the analysis store).
import { memo, useRef, type KeyboardEvent } from 'react';
import { DocumentPanel } from '../features/coding/DocumentPanel';
import { CodedSegmentsView } from '../features/retrieval/CodedSegmentsView';
import { CooccurrenceView } from '../features/analysis/CooccurrenceView';
import { CrosstabView } from '../features/analysis/CrosstabView';
import { FrequenciesView } from '../features/analysis/FrequenciesView';
import { SearchView } from '../features/analysis/SearchView';
import { QueriesView } from '../features/queries/QueriesView';
import { useQueryStore } from '../stores/queryStore';
import { AgreementView } from '../features/agreement/AgreementView';
import { useAgreementStore } from '../stores/agreementStore';
import { selectCentreView, useUiStore, type CentreView } from '../stores/uiStore';
import { useCommand } from '../commands/registry';
import { useTablesStore } from '../stores/tablesStore';

// Switching tabs must not re-render the (possibly large) document: it reads what it needs itself.
const StableDocumentPanel = memo(DocumentPanel);

const VIEWS: ReadonlyArray<{ view: CentreView; label: string }> = [
  { view: 'document', label: 'Document' },
  { view: 'segments', label: 'Coded segments' },
  { view: 'cooccurrence', label: 'Co-occurrence' },
  { view: 'crosstab', label: 'Crosstab' },
  { view: 'frequencies', label: 'Frequencies' },
  { view: 'search', label: 'Search' },
  { view: 'queries', label: 'Queries' },
  { view: 'agreement', label: 'Agreement' },
];

export function CentreColumn({ projectId }: { projectId: string }) {
  const view = useUiStore(selectCentreView);
  const showCentreView = useUiStore((s) => s.showCentreView);
  const tabs = useRef<HTMLDivElement>(null);
  useCommand('view.document', () => showCentreView('document'), true);
  useCommand('analyse.cooccurrence', () => showCentreView('cooccurrence'), true);
  useCommand('analyse.crosstab', () => showCentreView('crosstab'), true);
  useCommand('analyse.frequencies', () => showCentreView('frequencies'), true);
  // Auto-coding codes the hits of a search: the dialog opens over the Search view.
  useCommand('code.autoCode', () => {
    showCentreView('search');
    useTablesStore.getState().openAutoCode(true);
  }, true);
  useCommand('edit.searchProject', () => {
    showCentreView('search');
    // The query field takes focus once the view is shown.
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>('#project-search-query')?.focus());
  }, true);
  useCommand('analyse.queries', () => showCentreView('queries'), true);
  useCommand('query.new', () => {
    useQueryStore.getState().newQuery();
    showCentreView('queries');
  }, true);
  useCommand('query.run', () => {
    showCentreView('queries');
    if (!useQueryStore.getState().runDraft()) useUiStore.getState().notify('error', 'Choose code A and code B (and a distance of 0 or more) to run the query.');
  }, true);
  useCommand(
    'analyse.agreement',
    () => {
      showCentreView('agreement');
      useAgreementStore.getState().requestCompute();
    },
    true,
  );

  // Arrow keys move between tabs and show them (the ARIA tabs pattern with automatic activation).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const at = VIEWS.findIndex((v) => v.view === view);
    const next =
      event.key === 'ArrowRight' ? (at + 1) % VIEWS.length
      : event.key === 'ArrowLeft' ? (at - 1 + VIEWS.length) % VIEWS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? VIEWS.length - 1
      : -1;
    if (next < 0) return;
    event.preventDefault();
    showCentreView(VIEWS[next]!.view);
    tabs.current?.querySelector<HTMLElement>(`#view-tab-${VIEWS[next]!.view}`)?.focus();
  };

  return (
    <div className="centre-column">
      <div ref={tabs} role="tablist" aria-label="Views" className="view-tabs" onKeyDown={onKeyDown}>
        {VIEWS.map(({ view: v, label }) => (
          <button
            key={v}
            type="button"
            role="tab"
            id={`view-tab-${v}`}
            aria-selected={view === v}
            // The analysis panels exist only while shown.
            aria-controls={view === v || v === 'document' ? `view-panel-${v}` : undefined}
            tabIndex={view === v ? 0 : -1}
            className="view-tab"
            title={label}
            onClick={() => showCentreView(v)}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="view-panel-document" aria-labelledby="view-tab-document" className="centre-view" hidden={view !== 'document'}>
        <StableDocumentPanel projectId={projectId} />
      </div>
      {view === 'segments' && (
        <div role="tabpanel" id="view-panel-segments" aria-labelledby="view-tab-segments" className="centre-view">
          <CodedSegmentsView projectId={projectId} />
        </div>
      )}
      {view === 'cooccurrence' && (
        <div role="tabpanel" id="view-panel-cooccurrence" aria-labelledby="view-tab-cooccurrence" className="centre-view">
          <CooccurrenceView projectId={projectId} />
        </div>
      )}
      {view === 'crosstab' && (
        <div role="tabpanel" id="view-panel-crosstab" aria-labelledby="view-tab-crosstab" className="centre-view">
          <CrosstabView projectId={projectId} />
        </div>
      )}
      {view === 'frequencies' && (
        <div role="tabpanel" id="view-panel-frequencies" aria-labelledby="view-tab-frequencies" className="centre-view">
          <FrequenciesView projectId={projectId} />
        </div>
      )}
      {view === 'search' && (
        <div role="tabpanel" id="view-panel-search" aria-labelledby="view-tab-search" className="centre-view">
          <SearchView projectId={projectId} />
        </div>
      )}
      {view === 'queries' && (
        <div role="tabpanel" id="view-panel-queries" aria-labelledby="view-tab-queries" className="centre-view">
          <QueriesView projectId={projectId} />
        </div>
      )}
      {view === 'agreement' && (
        <div role="tabpanel" id="view-panel-agreement" aria-labelledby="view-tab-agreement" className="centre-view">
          <AgreementView projectId={projectId} />
        </div>
      )}
    </div>
  );
}
