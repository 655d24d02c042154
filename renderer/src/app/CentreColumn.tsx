// The centre column: tabs for the open source ("Document"), a code's "Coded segments", the
// "Co-occurrence" matrix, the "Crosstab", "Frequencies" (tables and charts), "Search", "Queries" and "Agreement" between coders. The document stays mounted while hidden, so coming back keeps its place;
// the analysis views are built when shown (their choices live in the analysis store).
import { lazy, memo, Suspense, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { DocumentPanel } from '../features/coding/DocumentPanel';
import { useQueryStore } from '../stores/queryStore';
import { useAgreementStore } from '../stores/agreementStore';
import { selectCentreView, useUiStore, type CentreView } from '../stores/uiStore';
import { useCommand } from '../commands/registry';
import { useTablesStore } from '../stores/tablesStore';

// Switching tabs must not re-render the (possibly large) document: it reads what it needs itself.
const StableDocumentPanel = memo(DocumentPanel);

// The analysis views (and the charts, tables and exports they bring) are loaded when first shown,
// or when the pointer or focus reaches the tabs: a start that opens on the document does not
// parse them before the text is painted.
const loaders = {
  segments: () => import('../features/retrieval/CodedSegmentsView').then((m) => ({ default: m.CodedSegmentsView })),
  cooccurrence: () => import('../features/analysis/CooccurrenceView').then((m) => ({ default: m.CooccurrenceView })),
  crosstab: () => import('../features/analysis/CrosstabView').then((m) => ({ default: m.CrosstabView })),
  frequencies: () => import('../features/analysis/FrequenciesView').then((m) => ({ default: m.FrequenciesView })),
  search: () => import('../features/analysis/SearchView').then((m) => ({ default: m.SearchView })),
  queries: () => import('../features/queries/QueriesView').then((m) => ({ default: m.QueriesView })),
  agreement: () => import('../features/agreement/AgreementView').then((m) => ({ default: m.AgreementView })),
} as const;
const CodedSegmentsView = lazy(loaders.segments);
const CooccurrenceView = lazy(loaders.cooccurrence);
const CrosstabView = lazy(loaders.crosstab);
const FrequenciesView = lazy(loaders.frequencies);
const SearchView = lazy(loaders.search);
const QueriesView = lazy(loaders.queries);
const AgreementView = lazy(loaders.agreement);
let preloaded = false;
/** Starts loading every analysis view (once): the module cache makes the lazy ones quick to show. */
function preloadViews(): void {
  if (preloaded) return;
  preloaded = true;
  for (const load of Object.values(loaders)) void load().catch(() => undefined);
}

/** An analysis view's panel: a line saying it is on its way while its code loads. */
function AnalysisPanel({ view, children }: { view: CentreView; children: ReactNode }) {
  return (
    <div role="tabpanel" id={`view-panel-${view}`} aria-labelledby={`view-tab-${view}`} className="centre-view">
      <Suspense fallback={<p className="empty">Loading…</p>}>{children}</Suspense>
    </div>
  );
}

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
    // The query field takes focus once the view is shown (its code may still be loading).
    const focusQuery = (attempt: number): void => {
      const field = document.querySelector<HTMLInputElement>('#project-search-query');
      if (field) field.focus();
      else if (attempt < 120) requestAnimationFrame(() => focusQuery(attempt + 1));
    };
    requestAnimationFrame(() => focusQuery(0));
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
      <div ref={tabs} role="tablist" aria-label="Views" className="view-tabs" onKeyDown={onKeyDown} onPointerEnter={preloadViews} onFocus={preloadViews}>
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
        <AnalysisPanel view="segments">
          <CodedSegmentsView projectId={projectId} />
        </AnalysisPanel>
      )}
      {view === 'cooccurrence' && (
        <AnalysisPanel view="cooccurrence">
          <CooccurrenceView projectId={projectId} />
        </AnalysisPanel>
      )}
      {view === 'crosstab' && (
        <AnalysisPanel view="crosstab">
          <CrosstabView projectId={projectId} />
        </AnalysisPanel>
      )}
      {view === 'frequencies' && (
        <AnalysisPanel view="frequencies">
          <FrequenciesView projectId={projectId} />
        </AnalysisPanel>
      )}
      {view === 'search' && (
        <AnalysisPanel view="search">
          <SearchView projectId={projectId} />
        </AnalysisPanel>
      )}
      {view === 'queries' && (
        <AnalysisPanel view="queries">
          <QueriesView projectId={projectId} />
        </AnalysisPanel>
      )}
      {view === 'agreement' && (
        <AnalysisPanel view="agreement">
          <AgreementView projectId={projectId} />
        </AnalysisPanel>
      )}
    </div>
  );
}
