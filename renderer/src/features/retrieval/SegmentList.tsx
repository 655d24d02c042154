// A long list of segments (a code can have 25,000), rendered a screenful at a time: each row shows
// its source, its codes with their colours, and its text, read only for the rows on screen.
// Clicking a row (or Enter on it) opens it in the document; arrow keys move between rows.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Code, Source } from '../../../../shared/model/types';
import { getAnalysis } from '../../analysis';
import { reportError } from '../../stores/uiStore';
import { textKeyOf, textRefOf, type SegmentRow } from './segmentRows';

/** Longer segments show their start and say how much more there is. */
const SHOWN_CHARACTERS = 1200;
/** Texts kept for rows scrolled past; beyond this the oldest are read again if needed. */
const KEPT_TEXTS = 4000;

export interface SegmentListProps {
  /** The list's accessible name, e.g. "Segments of Trust". */
  label: string;
  rows: readonly SegmentRow[];
  sourcesById: ReadonlyMap<string, Pick<Source, 'name'>>;
  codesById: ReadonlyMap<string, Pick<Code, 'name' | 'color'>>;
  /** The key of the row opened last time, brought back into view (and marked) when the list mounts. */
  currentKey?: string;
  /** Opens a row in the document; `text` is its text when already read. */
  onOpen(row: SegmentRow, text: string | undefined): void;
  /** Given, each row also shows the cases it is in (read with its text, for the rows on screen). */
  projectId?: string;
  /** Shows the text around each segment, dimmed, before and after it. */
  withContext?: boolean;
  /** The project's case revision (useCaseDataRevision): rows read again when the cases change. */
  caseRevision?: number;
}

/** What a row shows besides its own text: its cases and the text around it. */
interface RowDetail {
  cases: string[];
  before: string;
  after: string;
}

export function SegmentList({ label, rows, sourcesById, codesById, currentKey, onOpen, projectId, withContext = false, caseRevision }: SegmentListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  // Texts by source and span: they never change, so rows read once stay read.
  const texts = useRef(new Map<string, string>());
  const pending = useRef(new Set<string>());
  const details = useRef(new Map<string, RowDetail>());
  // Cases changed (a split, a rename): the texts stay, the rows are read again for their cases.
  const readWith = useRef(caseRevision);
  if (readWith.current !== caseRevision) {
    readWith.current = caseRevision;
    details.current.clear();
  }
  const [, setTextsRead] = useState(0);
  const currentIndex = useMemo(() => (currentKey === undefined ? -1 : rows.findIndex((r) => r.key === currentKey)), [currentKey, rows]);
  const [focusIndex, setFocusIndex] = useState(() => Math.max(0, currentIndex));

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 96,
    overscan: 6,
    getItemKey: (index) => rows[index]?.key ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  // One row is reachable with Tab: the focused one while it is rendered, else the first on screen.
  const tabIndexRow = items.some((i) => i.index === focusIndex) ? focusIndex : first;

  // Read the texts of the rows about to show.
  useEffect(() => {
    const wanted: SegmentRow[] = [];
    for (let i = first; i <= last; i++) {
      const row = rows[i];
      if (!row) continue;
      const key = textKeyOf(row);
      const read = texts.current.has(key) && (projectId === undefined || details.current.has(key));
      if (read || pending.current.has(key)) continue;
      pending.current.add(key);
      wanted.push(row);
    }
    if (wanted.length === 0) return;
    const refs = wanted.map(textRefOf);
    Promise.all([getAnalysis().segmentTexts(refs), projectId === undefined ? undefined : getAnalysis().segmentDetails(projectId, refs, caseRevision)])
      .then(
        ([read, more]) => {
          const kept = texts.current;
          wanted.forEach((row, i) => {
            kept.set(textKeyOf(row), read[i] ?? '');
            if (more?.[i]) details.current.set(textKeyOf(row), more[i]);
          });
          for (const key of details.current.keys()) {
            if (details.current.size <= KEPT_TEXTS) break;
            details.current.delete(key);
          }
          for (const key of kept.keys()) {
            if (kept.size <= KEPT_TEXTS) break;
            kept.delete(key);
          }
          setTextsRead((n) => n + 1);
        },
        reportError,
      )
      .finally(() => wanted.forEach((row) => pending.current.delete(textKeyOf(row))));
  }, [first, last, rows, projectId, caseRevision]);

  // Back from the document: the row opened last is where the reader continues.
  useLayoutEffect(() => {
    if (currentIndex >= 0) virtualizer.scrollToIndex(currentIndex, { align: 'center' });
    // Only when the list mounts: later the reader scrolls where they like.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const rowElement = (index: number): HTMLElement | null => listRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`) ?? null;

  const focusRow = useCallback(
    (index: number): void => {
      const target = Math.max(0, Math.min(rows.length - 1, index));
      setFocusIndex(target);
      virtualizer.scrollToIndex(target, { align: 'auto' });
      // A row on screen takes focus at once (the next key press starts from it); one scrolled to
      // takes it once the virtualiser has rendered it.
      let attempts = 0;
      const place = (): void => {
        const element = rowElement(target);
        if (element) element.focus({ preventScroll: true });
        else if (++attempts < 10) requestAnimationFrame(place);
      };
      place();
    },
    [rows.length, virtualizer],
  );

  const open = (index: number): void => {
    const row = rows[index];
    if (!row) return;
    setFocusIndex(index);
    onOpen(row, texts.current.get(textKeyOf(row)));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const at = Number((event.target as HTMLElement).closest<HTMLElement>('[data-index]')?.dataset.index ?? focusIndex);
    const page = Math.max(1, items.length - 2);
    if (event.key === 'Enter') open(at);
    else if (event.key === 'ArrowDown') focusRow(at + 1);
    else if (event.key === 'ArrowUp') focusRow(at - 1);
    else if (event.key === 'PageDown') focusRow(at + page);
    else if (event.key === 'PageUp') focusRow(at - page);
    else if (event.key === 'Home') focusRow(0);
    else if (event.key === 'End') focusRow(rows.length - 1);
    else return;
    event.preventDefault();
  };

  const onClick = (event: MouseEvent<HTMLDivElement>, index: number): void => {
    // Selecting words to copy a quote is not a request to open the segment.
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed && event.currentTarget.contains(selection.anchorNode)) return;
    open(index);
  };

  return (
    <div ref={scrollRef} className="segment-scroll">
      <div
        ref={listRef}
        role="list"
        aria-label={label}
        className="segment-list"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {items.map((item) => {
          const row = rows[item.index]!;
          const text = texts.current.get(textKeyOf(row));
          const detail = details.current.get(textKeyOf(row));
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              role="listitem"
              aria-posinset={item.index + 1}
              aria-setsize={rows.length}
              aria-current={item.index === currentIndex ? 'true' : undefined}
              tabIndex={item.index === tabIndexRow ? 0 : -1}
              className={item.index === currentIndex ? 'segment-row current' : 'segment-row'}
              style={{ transform: `translateY(${item.start}px)` }}
              title="Open in the document"
              onClick={(e) => onClick(e, item.index)}
              onFocus={() => setFocusIndex(item.index)}
            >
              <div className="segment-meta">
                <span className="segment-source">{sourcesById.get(row.sourceId)?.name ?? 'Unknown source'}</span>
                {detail && detail.cases.length > 0 && (
                  <span className="segment-case" title="The case this passage is in">
                    {detail.cases.join('; ')}
                  </span>
                )}
                <span className="segment-codes">
                  {row.codeIds.map((codeId) => {
                    const code = codesById.get(codeId);
                    return (
                      <span key={codeId} className="segment-code">
                        <span className="code-swatch" style={{ background: code?.color ?? '#999' }} aria-hidden="true" />
                        {code?.name ?? 'Deleted code'}
                      </span>
                    );
                  })}
                </span>
              </div>
              <SegmentText row={row} text={text} context={withContext ? detail : undefined} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

function SegmentText({ row, text, context }: { row: SegmentRow; text: string | undefined; context?: RowDetail | undefined }) {
  if (text === undefined) return <p className="segment-text loading-text">Reading…</p>;
  const shown = text.length > SHOWN_CHARACTERS ? text.slice(0, SHOWN_CHARACTERS) : text;
  const more = text.length - shown.length;
  const tail = more > 0 ? <span className="segment-more"> … {more.toLocaleString()} more characters: open it to read on.</span> : null;
  if (context) {
    // The segment itself marked between the text around it, as it reads in the source.
    return (
      <p className="segment-text with-context">
        <span className="segment-context">{context.before}</span>
        <mark className="segment-itself">{shown}</mark>
        {tail}
        <span className="segment-context">{context.after}</span>
      </p>
    );
  }
  if (!row.mark) {
    return (
      <p className="segment-text">
        {shown}
        {tail}
      </p>
    );
  }
  const from = Math.max(0, Math.min(shown.length, row.mark.start - row.start));
  const to = Math.max(from, Math.min(shown.length, row.mark.end - row.start));
  return (
    <p className="segment-text">
      {shown.slice(0, from)}
      <mark>{shown.slice(from, to)}</mark>
      {shown.slice(to)}
      {tail}
    </p>
  );
}
