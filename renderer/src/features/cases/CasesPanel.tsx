// The "Cases" region: the project's cases (respondents, speakers, commenters, organisations) as
// rows named by the case, with actions to create, rename, merge and delete them, the attribute
// table, a filter that narrows the Sources list by an attribute, the selected case's values and
// segments. (A split into cases is taken back with the ordinary Undo.)
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range as VirtualRange } from '@tanstack/react-virtual';
import type { Case } from '../../../../shared/model/cases';
import type { Source } from '../../../../shared/model/types';
import { citePages } from '../../../../shared/import/pageNumbers';
import { useSources } from '../../db/queries';
import { createCase, deleteCases, linkCaseToSource, mergeCases, renameCase, setCaseType, unlinkCase } from '../../db/operations/cases';
import { attributesForCaseType, caseTypesInUse } from '../../../../shared/model/caseTypes';
import { CaseTypeField } from './CaseTypeField';
import { selectActiveSourceId, useUiStore, reportError } from '../../stores/uiStore';
import { selectSourceFilter, useCasesStore } from '../../stores/casesStore';
import { selectFilterCaseIds, useAnalysisFilterStore } from '../../stores/analysisFilterStore';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { Modal } from '../common/Modal';
import { NameDialog } from '../common/NameDialog';
import { useRovingFocus } from '../common/useRovingFocus';
import { AttributeTableDialog } from './AttributeTableDialog';
import { displayValue, filterOptions } from './sourceFilter';
import { caseValue, useCaseBook, type CaseBook } from './useCaseBook';
import './cases.css';

type Dialog = 'new' | 'rename' | 'merge' | 'delete' | 'attributes' | null;

function MergeCasesDialog({ cases, onMerge, onClose }: { cases: Case[]; onMerge(keepId: string): void; onClose(): void }) {
  const [keepId, setKeepId] = useState(cases[0]?.id ?? '');
  return (
    <Modal title="Merge cases" onClose={onClose}>
      <p className="modal-message">
        {cases.length} cases become one. Their segments, sources and memos move to the case you keep; its own attribute values win, blanks are filled from the
        others.
      </p>
      <fieldset className="merge-keep">
        <legend>Keep the name</legend>
        {cases.map((c) => (
          <label key={c.id}>
            <input type="radio" name="merge-keep" checked={keepId === c.id} onChange={() => setKeepId(c.id)} />
            {c.name}
          </label>
        ))}
      </fieldset>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => onMerge(keepId)}>
          Merge cases
        </button>
      </div>
    </Modal>
  );
}

function SourceFilterControls({ projectId, book }: { projectId: string; book: CaseBook }) {
  const filter = useCasesStore(useMemo(() => selectSourceFilter(projectId), [projectId]));
  const setSourceFilter = useCasesStore((s) => s.setSourceFilter);
  const attribute = book.attributes.find((a) => a.id === filter?.attributeId);
  // Counting the values walks every case: once per change of the cases, not on every render.
  const options = useMemo(() => (attribute ? filterOptions(book, attribute) : []), [book, attribute]);
  if (book.attributes.length === 0) return null;
  return (
    <div className="case-filter">
      <select
        aria-label="Filter sources by attribute"
        value={attribute?.id ?? ''}
        onChange={(e) => {
          const next = book.attributes.find((a) => a.id === e.target.value);
          const first = next ? filterOptions(book, next)[0] : undefined;
          setSourceFilter(next && first ? { projectId, attributeId: next.id, valueKey: first.key } : null);
        }}
      >
        <option value="">Filter sources by attribute…</option>
        {book.attributes.map((a) => (
          <option key={a.id} value={a.id}>
            Sources where {a.name} is…
          </option>
        ))}
      </select>
      {attribute && filter && (
        <select aria-label="Attribute value" value={filter.valueKey} onChange={(e) => setSourceFilter({ ...filter, valueKey: e.target.value })}>
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label} ({o.cases})
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

function CaseDetail({ book, owner, sources }: { book: CaseBook; owner: Case; sources: Source[] }) {
  const revealSpan = useUiStore((s) => s.revealSpan);
  const openSource = useUiStore((s) => s.openSource);
  const activeSourceId = useUiStore(selectActiveSourceId);
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const linkList = useRef<HTMLUListElement>(null);
  // A case with many segments is one Tab stop; Up/Down cross them, Right reaches "Unlink".
  const roving = useRovingFocus(linkList, 'li', '.link-open');
  const links = [...(book.linksByCase.get(owner.id) ?? [])].sort((a, b) => (sourceById.get(a.sourceId)?.order ?? 0) - (sourceById.get(b.sourceId)?.order ?? 0) || (a.start ?? -1) - (b.start ?? -1));
  const values = new Map(book.attributes.map((a) => [a.id, caseValue(book, owner.id, a.id)]));
  const activeLinked = links.some((l) => l.sourceId === activeSourceId && l.start === undefined);
  // Blank values are left out here (the attribute table shows them all).
  const known = attributesForCaseType(book.attributes, owner.type).filter((a) => displayValue(values.get(a.id)) !== '');
  return (
    <div className="case-detail" aria-label={`Case ${owner.name}`} role="group">
      <h3>{owner.name}</h3>
      <label className="case-type-line">
        <span>Type</span>
        <CaseTypeField
          key={owner.id}
          label={`Type of ${owner.name}`}
          value={owner.type}
          inUse={caseTypesInUse(book.cases, book.attributes)}
          emptyLabel="No type"
          onChange={(type) => void setCaseType([owner.id], type).catch(reportError)}
        />
      </label>
      {known.length > 0 && (
        <dl className="case-values">
          {known.map((a) => (
            <div key={a.id}>
              <dt>{a.name}</dt>
              <dd>{displayValue(values.get(a.id))}</dd>
            </div>
          ))}
        </dl>
      )}
      <ul ref={linkList} className="case-links" aria-label={`Segments of ${owner.name}`} onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
        {links.map((link) => {
          const source = sourceById.get(link.sourceId);
          const whole = link.start === undefined || link.end === undefined;
          const where = whole
            ? 'whole source'
            : [link.order !== undefined ? `#${link.order}` : null, link.timestamp ?? null, source?.pageStarts ? citePages(source.pageStarts, link.start!, link.end!) : null]
                .filter(Boolean)
                .join(' · ') || 'segment';
          return (
            <li key={link.id}>
              <button
                type="button"
                className="link-open"
                onClick={() => (whole ? openSource(link.sourceId) : revealSpan(link.sourceId, link.start!, link.end!))}
              >
                <span className="link-source">{source?.name ?? 'a deleted source'}</span>{' '}
                <span className="link-where">{where}</span>
              </button>
              {whole && (
                <button type="button" className="icon-button" aria-label={`Unlink ${source?.name ?? 'source'} from ${owner.name}`} onClick={() => void unlinkCase(link.sourceId, link.id).catch(reportError)}>
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {activeSourceId && !activeLinked && (
        <button type="button" className="case-link-button" onClick={() => void linkCaseToSource(owner.id, activeSourceId).catch(reportError)}>
          Add this source to case ‘{owner.name}’
        </button>
      )}
    </div>
  );
}

/** Height of a case row (set in cases.css as 1.75rem): every row is one line, so no row is measured. */
const ROW_REM = 1.75;
/** Space above the first row and below the last, inside the scroller (so scrolling to a row accounts for it). */
const EDGE_REM = 0.3;
/**
 * Lists up to this long are rendered whole (every row in the DOM, whatever the layout, as before
 * the list was virtualised); longer ones (a survey's thousands) only around the view.
 */
const RENDER_ALL_UP_TO = 150;
type Column = 'check' | 'name';

interface CaseListProps {
  cases: Case[];
  book: CaseBook;
  activeId: string | null;
  checked: ReadonlySet<string>;
  onToggle(id: string): void;
  onOpen(id: string): void;
}

/**
 * The case rows, virtualised: a table (by ARIA roles, with aria-rowcount and aria-rowindex so a
 * screen reader knows where it is in the whole list) of which only the rows near the view are in
 * the DOM. The row holding focus stays rendered while the list scrolls away from it; arrow keys,
 * Home and End move focus between rows, scrolling the next row in.
 */
function CaseList({ cases, book, activeId, checked, onToggle, onOpen }: CaseListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [{ rowHeight, edge }] = useState(() => {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    return { rowHeight: ROW_REM * rem, edge: Math.round(EDGE_REM * rem) };
  });
  const [focused, setFocused] = useState<number | null>(null);
  // The column of the row's one Tab stop: the name, or the checkbox once the arrows went there.
  const [stopColumn, setStopColumn] = useState<Column>('name');
  const pendingFocus = useRef<{ index: number; column: Column } | null>(null);
  const rangeExtractor = useCallback(
    (range: VirtualRange) => {
      const indexes = defaultRangeExtractor(range);
      if (focused === null || focused >= range.count || indexes.includes(focused)) return indexes;
      return [...indexes, focused].sort((a, b) => a - b);
    },
    [focused],
  );
  const virtualizer = useVirtualizer({
    count: cases.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => cases[index]?.id ?? index,
    paddingStart: edge,
    paddingEnd: edge,
    overscan: 10,
    rangeExtractor,
  });

  const rows = cases.length <= RENDER_ALL_UP_TO ? cases.map((c, index) => ({ index, key: c.id, start: edge + index * rowHeight })) : virtualizer.getVirtualItems();

  // A case made or kept by an action (New case, Merge) is scrolled into view once it is listed.
  const revealId = useRef<string | null>(activeId);
  useEffect(() => {
    revealId.current = activeId;
  }, [activeId]);
  useEffect(() => {
    if (revealId.current === null) return;
    const index = cases.findIndex((c) => c.id === revealId.current);
    if (index === -1) return;
    revealId.current = null;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [activeId, cases, virtualizer]);

  useLayoutEffect(() => {
    const wanted = pendingFocus.current;
    if (!wanted) return;
    const target = scrollRef.current?.querySelector<HTMLElement>(`[aria-rowindex="${wanted.index + 1}"] [data-column="${wanted.column}"]`);
    if (!target) return;
    pendingFocus.current = null;
    target.focus();
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const column = (event.target as HTMLElement).dataset.column as Column | undefined;
    if (!column) return;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      // Between the row's checkbox and its name: the row is one tab stop, the arrows do the rest.
      event.preventDefault();
      const other: Column = event.key === 'ArrowLeft' ? 'check' : 'name';
      scrollRef.current?.querySelector<HTMLElement>(`[aria-rowindex="${index + 1}"] [data-column="${other}"]`)?.focus();
      return;
    }
    const last = cases.length - 1;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const next =
      event.key === 'ArrowDown' ? index + 1
      : event.key === 'ArrowUp' ? index - 1
      : event.key === 'PageDown' ? index + page
      : event.key === 'PageUp' ? index - page
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    const target = Math.min(last, Math.max(0, next));
    pendingFocus.current = { index: target, column };
    setFocused(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  const wantedStop = focused ?? Math.max(0, cases.findIndex((c) => c.id === activeId));
  const tabRow = rows.some((r) => r.index === wantedStop) ? wantedStop : (rows[0]?.index ?? 0);

  return (
    <div className="case-table-wrap" ref={scrollRef}>
      <div
        role="table"
        aria-label="Cases in this project"
        aria-rowcount={cases.length}
        className="case-table"
        style={{ height: virtualizer.getTotalSize() }}
        onFocus={(e) => {
          const row = (e.target as HTMLElement).closest<HTMLElement>('[aria-rowindex]');
          if (row) setFocused(Number(row.getAttribute('aria-rowindex')) - 1);
          const column = (e.target as HTMLElement).dataset.column;
          if (column === 'check' || column === 'name') setStopColumn(column);
        }}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(null);
        }}
      >
        <div role="rowgroup">
          {rows.map((item) => {
            const c = cases[item.index]!;
            const active = c.id === activeId;
            // Roving focus: one tab stop for the whole list (the focused, else the open, else the
            // first rendered case; its name, or its checkbox if focus was there); arrows move
            // between rows and columns.
            const stop = item.index === tabRow ? 0 : -1;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 1}
                aria-label={c.name}
                aria-current={active ? 'true' : undefined}
                className={active ? 'case-row active' : 'case-row'}
                style={{ transform: `translateY(${item.start}px)` }}
                onKeyDown={(e) => onKeyDown(e, item.index)}
              >
                <div role="cell" className="case-check">
                  <input type="checkbox" data-column="check" tabIndex={stop === 0 && stopColumn === 'check' ? 0 : -1} aria-label={`Select ${c.name}`} checked={checked.has(c.id)} onChange={() => onToggle(c.id)} />
                </div>
                <div role="cell" className="case-name">
                  <button type="button" data-column="name" tabIndex={stop === 0 && stopColumn === 'name' ? 0 : -1} onClick={() => onOpen(c.id)}>
                    {c.name}
                  </button>
                </div>
                <div role="cell" className="case-count" title="Sources and segments">
                  {book.linksByCase.get(c.id)?.length ?? 0}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

export function CasesPanel({ projectId }: { projectId: string }) {
  const book = useCaseBook(projectId);
  const sources = useSources(projectId) ?? [];
  const notify = useUiStore((s) => s.notify);
  const [activeId, setActiveId] = useState<string | null>(null);
  // The ticked cases are the analysis filter's cases: ticking one restricts Coded segments,
  // Co-occurrence and the exports to it (and a chip removed there unticks it here).
  const tickedIds = useAnalysisFilterStore(selectFilterCaseIds);
  const checked = useMemo<ReadonlySet<string>>(() => new Set(tickedIds), [tickedIds]);
  const toggle = useAnalysisFilterStore((s) => s.toggleCase);
  const setChecked = (ids: ReadonlySet<string>): void => useAnalysisFilterStore.getState().setCaseIds([...ids]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const cases = useMemo(() => book?.cases ?? [], [book]);
  const active = useMemo(() => cases.find((c) => c.id === activeId) ?? null, [cases, activeId]);
  const chosen = useMemo(() => (checked.size === 0 ? [] : cases.filter((c) => checked.has(c.id))), [cases, checked]);
  // Delete and merge act on the ticked cases; with none ticked, delete acts on the open one.
  const toDelete = chosen.length > 0 ? chosen : active ? [active] : [];

  return (
    <section className="panel cases-panel" aria-label="Cases">
      <div className="panel-header">
        <h2>
          Cases <span className="count">{cases.length > 0 ? cases.length : ''}</span>
        </h2>
        <button type="button" onClick={() => setDialog('new')}>
          New case
        </button>
      </div>
      <div className="panel-toolbar case-actions">
        <button type="button" disabled={!active} onClick={() => setDialog('rename')}>
          Rename case
        </button>
        <button type="button" disabled={chosen.length < 2} onClick={() => setDialog('merge')}>
          Merge cases
        </button>
        <button type="button" disabled={toDelete.length === 0} onClick={() => setDialog('delete')}>
          Delete case{toDelete.length > 1 ? 's' : ''}
        </button>
        <button type="button" disabled={cases.length === 0} onClick={() => setDialog('attributes')}>
          Attributes
        </button>
      </div>
      {book && <SourceFilterControls projectId={projectId} book={book} />}
      {cases.length === 0 ? (
        <p className="empty">No cases yet. Import a survey, use “Split into cases” on an open source, or make one with “New case”.</p>
      ) : (
        book && <CaseList cases={cases} book={book} activeId={activeId} checked={checked} onToggle={toggle} onOpen={setActiveId} />
      )}
      {checked.size > 0 && (
        <p className="case-ticked-hint" role="status">
          {checked.size === 1 ? '1 case ticked' : `${checked.size} cases ticked`}: the analyses show their codings only.{' '}
          <button type="button" className="link-button" onClick={() => setChecked(new Set())}>
            Untick all
          </button>
        </p>
      )}
      {active && book && <CaseDetail book={book} owner={active} sources={sources} />}

      {dialog === 'new' && (
        <NameDialog
          title="New case"
          label="Case name"
          initial=""
          submitLabel="Create case"
          onClose={() => setDialog(null)}
          onSubmit={async (name) => {
            const created = await createCase(projectId, name);
            setActiveId(created.id);
          }}
        />
      )}
      {dialog === 'rename' && active && (
        <NameDialog title="Rename case" label="Case name" initial={active.name} submitLabel="Rename" onClose={() => setDialog(null)} onSubmit={(name) => renameCase(active.id, name)} />
      )}
      {dialog === 'merge' && chosen.length >= 2 && (
        <MergeCasesDialog
          cases={chosen}
          onClose={() => setDialog(null)}
          onMerge={(keepId) => {
            setDialog(null);
            const kept = chosen.find((c) => c.id === keepId);
            mergeCases(
              keepId,
              chosen.map((c) => c.id),
            ).then(() => {
              setChecked(new Set());
              setActiveId(keepId);
              notify('info', `Merged ${chosen.length} cases into “${kept?.name ?? ''}”.`, { undoable: true });
            }, reportError);
          }}
        />
      )}
      {dialog === 'delete' && toDelete.length > 0 && (
        <ConfirmDialog
          title={toDelete.length === 1 ? 'Delete case' : 'Delete cases'}
          message={`Delete ${toDelete.length === 1 ? `the case “${toDelete[0]!.name}”` : `${toDelete.length} cases`} with their attribute values and links? The sources and their text stay.`}
          confirmLabel={toDelete.length === 1 ? 'Delete case' : 'Delete cases'}
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            const ids = toDelete.map((c) => c.id);
            deleteCases(ids).then(() => {
              setChecked(new Set());
              if (activeId && ids.includes(activeId)) setActiveId(null);
              notify('info', toDelete.length === 1 ? `Deleted the case “${toDelete[0]!.name}”.` : `Deleted ${toDelete.length} cases.`, { undoable: true });
            }, reportError);
          }}
        />
      )}
      {dialog === 'attributes' && book && <AttributeTableDialog projectId={projectId} book={book} onClose={() => setDialog(null)} />}
    </section>
  );
}
