// The text of one source, rendered a paragraph at a time (only the visible ones, so a 300-page
// transcript opens instantly) with codings painted by HighlightPainter and coding stripes in the
// margin. Native selection, copy and keyboard selection keep working; selections become spans.
import { currentCommands, useCommand } from '../../commands/registry';
import { commandForKey } from '../../commands/useCommandShortcuts';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { defaultRangeExtractor, measureElement as measureRow, useVirtualizer, type Range as VirtualRange, type Virtualizer } from '@tanstack/react-virtual';
import type { Code, CodingSpan } from '../../../../shared/model/types';
import { paragraphIndexAt, type Paragraph } from '../../../../shared/text/paragraphs';
import { paragraphDirection, type Direction } from '../../../../shared/text/direction';
import { trimSpan } from '../../../../shared/text/span';
import { findAll, MAX_MATCHES, type TextMatch } from '../../../../shared/text/find';
import { useFindMatches } from './useFindMatches';
import { FindBar } from './FindBar';
import { drawStripes, MAX_LANES, measureStripes, type StripeContext, type StripePlan } from './stripePainter';
import { codingsAt } from './paragraphCodings';
import { sourceMemory } from './documentMemory';
import { offsetOfDomPoint, rangeInParagraph, spanOfSelection, staticRangeInParagraph, PARAGRAPH_TEXT_SELECTOR } from './domOffsets';
import { sampleRows } from './rowSamples';
import { useRowHeights } from './useRowHeights';
import { useColumnWidth } from './useColumnWidth';
import { HighlightPainter } from './highlightPainter';
import { isNavigationKey, isPrintable, isSelectionKey, shortcutDigit } from './keys';
import { selectPendingSpan, useUiStore } from '../../stores/uiStore';
import { useRevealRequest } from './useRevealRequest';
import { adjacentCoding, nextUncodedParagraph } from '../../../../shared/text/codingNavigation';
import { shortcutMap } from '../../../../shared/codebook/shortcuts';
import { recalledScroll, rememberScroll } from './scrollMemory';
import { partitionPoint } from '../../../../shared/text/partitionPoint';
import { layoutCaseSegments, type SegmentRows } from '../../../../shared/text/caseSegmentRows';
import { caseTypeLabel } from '../../../../shared/model/caseTypes';
import type { CaseSegmentOfSource } from '../../db/caseQueries';
import { selectCodeNames, selectFontSize, selectMinimap, useViewPrefs } from '../../stores/viewPrefsStore';
import { useCaretAnnouncer } from './useCaretAnnouncer';
import { CodingMinimap } from './CodingMinimap';

const NO_MEMOS: ReadonlyMap<string, string> = new Map();

// Paragraph objects live as long as their text: each direction is worked out once.
const directions = new WeakMap<Paragraph, Direction>();
function directionOf(paragraph: Paragraph): Direction {
  let direction = directions.get(paragraph);
  if (direction === undefined) directions.set(paragraph, (direction = paragraphDirection(paragraph.text)));
  return direction;
}
const NO_CODINGS: readonly CodingSpan[] = [];

export interface DocumentViewProps {
  sourceId: string;
  sourceName: string;
  text: string;
  codings: readonly CodingSpan[];
  /** Memo text per coding id, shown as markers beside the coded lines. */
  memoByCoding?: ReadonlyMap<string, string>;
  /** Codable codes in codebook order. */
  orderedCodes: readonly Code[];
  /** The code each digit 1–9 applies (pinned shortcuts); by default read from `orderedCodes`. */
  digitCodes?: ReadonlyMap<number, string>;
  onShortcut(codeId: string, span: { start: number; end: number }): void;
  /** Moves focus to the code menu, optionally starting its filter with a typed character. */
  onFocusMenu(initialFilter: string): void;
  /** The source's case segments (after a split or a survey import): a header line above each, a band in the margin. */
  caseSegments?: readonly CaseSegmentOfSource[];
  /** "Show other coders": the current coder's id, whose codings are drawn as before and everyone else's apart; null draws all alike. */
  mine?: string | null;
}

const NO_SEGMENTS: readonly CaseSegmentOfSource[] = [];

/** The case header above a paragraph: not text (not selectable, no offset), a label for the eye and the screen reader. */
function CaseHeaders({ rows }: { rows: ReadonlyArray<SegmentRows<CaseSegmentOfSource & { key: string }>> }) {
  return (
    <div className="case-headers" contentEditable={false} data-case-header="true">
      {rows.map(({ segment }) => (
        <div key={segment.key} className="case-header" role="note" aria-label={`Case ${segment.caseName}`} data-link-id={segment.linkId}>
          <span className="case-header-name">{segment.caseName}</span>
          {segment.caseType && <span className="case-header-type">{caseTypeLabel(segment.caseType)}</span>}
          {(segment.order !== undefined || segment.timestamp) && (
            <span className="case-header-where">{[segment.order !== undefined ? `#${segment.order}` : '', segment.timestamp ?? ''].filter(Boolean).join(' · ')}</span>
          )}
        </div>
      ))}
    </div>
  );
}


/**
 * A row's height, except while the document is hidden behind another tab: every row then measures
 * 0, and the virtualizer, "keeping the reader's place" through those changes, would scroll the
 * document somewhere else by the time it is shown again. A shown row is never 0 tall.
 */
function keepSizeWhileHidden(element: HTMLDivElement, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLDivElement, HTMLDivElement>): number {
  const size = measureRow(element, entry, instance);
  if (size > 0) return size;
  const index = instance.indexFromElement(element);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.measurementsCache[index]?.size ?? size;
}

export function DocumentView({ sourceId, sourceName, text, codings, memoByCoding = NO_MEMOS, orderedCodes, digitCodes, onShortcut, onFocusMenu, caseSegments = NO_SEGMENTS, mine = null }: DocumentViewProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const painter = useMemo(() => new HighlightPainter(), []);
  const pointerDown = useRef(false);
  const lastKeyWasSelection = useRef(false);
  const pinned = useRef<number[]>([]);
  const pendingSpan = useUiStore(selectPendingSpan);
  const setPendingSpan = useUiStore((s) => s.setPendingSpan);
  const inspect = useUiStore((s) => s.inspect);

  // Paragraphs, the codings' index and the row metrics of a source opened again come from memory.
  const memory = useMemo(() => sourceMemory(sourceId, text, MAX_LANES), [sourceId, text]);
  const paragraphs = memory.paragraphs;
  const caseLayout = useMemo(() => layoutCaseSegments(paragraphs, caseSegments.map((s) => ({ ...s, key: s.linkId }))), [paragraphs, caseSegments]);
  // The span last revealed (a case segment opened from the Cases region, a coded segment): marked
  // until the next click in the text, so the eye finds it after the jump.
  const [revealed, setRevealed] = useState<{ start: number; end: number } | null>(null);
  const [find, setFind] = useState<{ query: string; current: number } | null>(null);
  const matches = useFindMatches(sourceId, find?.query ?? null);
  const indexCache = memory.index;
  const byParagraph = useMemo(() => indexCache.get(paragraphs, codings), [indexCache, paragraphs, codings]);
  const codesById = useMemo(() => new Map(orderedCodes.map((c) => [c.id, c])), [orderedCodes]);
  // Stripe lanes: one per code used in this source, in codebook order; the same object until a
  // code appears or disappears, so the context below is not rebuilt on every apply.
  const laneCache = memory.lanes;
  const laneOf = useMemo(() => laneCache.get(codings, orderedCodes), [laneCache, codings, orderedCodes]);
  const codeNames = useViewPrefs(selectCodeNames);
  const showMinimap = useViewPrefs(selectMinimap);
  const fontSize = useViewPrefs(selectFontSize);
  const stripeContext = useMemo((): StripeContext => {
    const laneCodes = [...laneOf.keys()].map((id) => codesById.get(id)!);
    return {
      laneOf,
      codesById,
      memoByCoding,
      codeNames,
      mine,
      signature: laneCodes.map((c) => c.id + c.color + c.name).join('|') + [...memoByCoding].join('|') + `#${mine ?? ''}` + (codeNames ? '#names' : ''),
    };
  }, [codesById, laneOf, memoByCoding, mine, codeNames]);

  // Paragraphs holding the selection's ends stay rendered while the user scrolls away, so a
  // selection across many screens is not lost when its start leaves the viewport.
  const rangeExtractor = useCallback((range: VirtualRange) => {
    const indexes = new Set(defaultRangeExtractor(range));
    for (const i of pinned.current) if (i < range.count) indexes.add(i);
    return [...indexes].sort((a, b) => a - b);
  }, []);

  // Row heights are estimated from the paragraph's length with metrics measured on rendered rows,
  // re-derived when the column's width changes (see rowHeights.ts for why the estimate matters).
  const columnWidth = useColumnWidth(textRef);
  const rowHeights = useRowHeights(paragraphs, memory.rows);
  // One Range for every layout read of the painters: live Ranges slow down each DOM removal.
  const measuringRange = useMemo(() => document.createRange(), []);

  const virtualizer = useVirtualizer({
    count: paragraphs.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowHeights.estimateSize,
    getItemKey: rowHeights.getItemKey,
    overscan: 12,
    rangeExtractor,
    measureElement: keepSizeWhileHidden,
  });
  const items = virtualizer.getVirtualItems();
  useRevealRequest({
    sourceId,
    text,
    paragraphs,
    textRef,
    scrollToParagraph: (i) => virtualizer.scrollToIndex(i, { align: 'center' }),
    onRevealed: setRevealed,
  });
  useEffect(() => setRevealed(null), [sourceId]);

  // Opening a source where it was last read (this session, or the last one: app/viewMemory.ts).
  useLayoutEffect(() => {
    const offset = recalledScroll(sourceId);
    if (offset !== undefined && offset > 0) virtualizer.scrollToIndex(paragraphIndexAt(paragraphs, offset), { align: 'start' });
    // Once per source: the view is keyed by source, so this runs when a source opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const scrollTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(scrollTimer.current), []);
  const onScroll = (): void => {
    clearTimeout(scrollTimer.current);
    scrollTimer.current = setTimeout(() => {
      const top = scrollRef.current?.scrollTop ?? 0;
      const first = virtualizer.getVirtualItems().find((item) => item.end > top);
      if (first) rememberScroll(sourceId, paragraphs[first.index]?.start ?? 0);
    }, 150);
  };

  useEffect(() => () => painter.dispose(), [painter]);
  useEffect(() => painter.setCodes(orderedCodes), [painter, orderedCodes]);

  // Paint after every render: only paragraphs whose codings changed do any work. Highlights need
  // no layout; the stripes and row metrics read layout for every row first, then write, so the
  // whole pass costs one layout however many rows are rendered.
  useLayoutEffect(() => {
    const root = textRef.current;
    if (!root) return;
    const elements = [...root.querySelectorAll<HTMLElement>(PARAGRAPH_TEXT_SELECTOR)];
    const codingsHere = elements.map((element) => byParagraph.get(Number(element.dataset.paraIndex)) ?? NO_CODINGS);
    painter.setMine(mine);
    elements.forEach((element, i) => painter.paintParagraph(element, Number(element.dataset.paraStart), codingsHere[i]!));
    painter.sweep();

    // Reads. The text size changes line boxes as a width change does: both key the redraws.
    // No column width yet (not laid out, or no layout at all as in jsdom): nothing to sample.
    const width = columnWidth.current > 0 ? columnWidth.current * 1000 + fontSize : 0;
    if (elements.length > 0 && rowHeights.wantsSamples(width)) rowHeights.update(width, sampleRows(elements, measuringRange));
    const plans: StripePlan[] = [];
    elements.forEach((element, i) => {
      const gutter = element.previousElementSibling as HTMLElement | null;
      if (!gutter) return;
      const plan = measureStripes(gutter, element, Number(element.dataset.paraStart), codingsHere[i]!, stripeContext, width, measuringRange);
      if (plan) plans.push(plan);
    });
    // Writes.
    for (const plan of plans) drawStripes(plan);

    const ranges: AbstractRange[] = [];
    if (pendingSpan && pendingSpan.sourceId === sourceId) {
      for (const element of elements) {
        const start = Number(element.dataset.paraStart);
        const end = start + Number(element.dataset.paraLength);
        if (pendingSpan.end <= start || pendingSpan.start > end) continue;
        const range = staticRangeInParagraph(element, pendingSpan.start - start, pendingSpan.end - start);
        if (range && !range.collapsed) ranges.push(range);
      }
    }
    painter.setPending(ranges);
    const shown: AbstractRange[] = [];
    if (revealed) {
      for (const element of elements) {
        const start = Number(element.dataset.paraStart);
        const end = start + Number(element.dataset.paraLength);
        if (revealed.end <= start || revealed.start > end) continue;
        const range = staticRangeInParagraph(element, Math.max(0, revealed.start - start), Math.min(end, revealed.end) - start);
        if (range && !range.collapsed) shown.push(range);
      }
    }
    painter.setRevealed(shown);
    paintFind(elements, matches, find?.current ?? -1);
  });

  // Find matches over the rendered paragraphs (matches are sorted, so a binary search finds the
  // first one that can touch each paragraph).
  const paintFind = (elements: readonly HTMLElement[], found: readonly TextMatch[], current: number): void => {
    const all: AbstractRange[] = [];
    const strong: AbstractRange[] = [];
    if (found.length > 0) {
      for (const element of elements) {
        const start = Number(element.dataset.paraStart);
        const end = start + Number(element.dataset.paraLength);
        const first = partitionPoint(found.length, (i) => found[i]!.end <= start);
        for (let i = first; i < found.length && found[i]!.start < end; i++) {
          const range = staticRangeInParagraph(element, found[i]!.start - start, found[i]!.end - start);
          if (!range) continue;
          (i === current ? strong : all).push(range);
        }
      }
    }
    painter.setFind(all, strong);
  };

  /** Scrolls a paragraph into view and puts the caret at its start or end (extending with Shift). */
  const jumpTo = (index: number, atEnd: boolean, extend: boolean): void => {
    const anchor = window.getSelection();
    if (extend && anchor?.anchorNode) {
      // Keep the selection's anchor rendered while the view jumps away from it.
      const offset = offsetOfDomPoint(anchor.anchorNode, anchor.anchorOffset);
      if (offset !== null) pinned.current = [paragraphIndexAt(paragraphs, offset)];
    }
    virtualizer.scrollToIndex(index, { align: atEnd ? 'end' : 'start' });
    const place = (attempt: number): void => {
      const element = textRef.current?.querySelector<HTMLElement>(`[data-para-index="${index}"]`);
      if (!element) {
        if (attempt < 10) requestAnimationFrame(() => place(attempt + 1));
        return;
      }
      const selection = window.getSelection();
      const node = element.firstChild ?? element;
      const offset = atEnd ? (node.nodeType === Node.TEXT_NODE ? (node as Text).length : 0) : 0;
      if (extend && selection && selection.rangeCount > 0) selection.extend(node, offset);
      else selection?.collapse(node, offset);
    };
    requestAnimationFrame(() => place(0));
  };

  /** Selects a find match in the text (its paragraph is rendered: the find scrolled to it). */
  const selectMatch = (match: TextMatch): void => {
    const index = paragraphIndexAt(paragraphs, match.start);
    const paragraph = paragraphs[index];
    const element = textRef.current?.querySelector<HTMLElement>(`[data-para-index="${index}"]`);
    if (!paragraph || !element) return;
    const range = rangeInParagraph(element, match.start - paragraph.start, match.end - paragraph.start);
    const selection = window.getSelection();
    if (!range || !selection) return;
    // As after a keyboard selection: the code menu waits for Enter, so a digit can code the match.
    lastKeyWasSelection.current = true;
    selection.removeAllRanges();
    selection.addRange(range);
  };

  const stepFind = (direction: 1 | -1): void => {
    if (!find || matches.length === 0) return;
    const next = (find.current + direction + matches.length) % matches.length;
    setFind({ ...find, current: next });
    virtualizer.scrollToIndex(paragraphIndexAt(paragraphs, matches[next]!.start), { align: 'center' });
  };

  // The selection as a codable span: trimmed of surrounding whitespace (what a user means when a
  // double-click also takes the trailing space), null when nothing but whitespace is selected.
  const selectedSpan = useCallback((): { start: number; end: number } | null => {
    const root = textRef.current;
    const raw = root ? spanOfSelection(window.getSelection(), root) : null;
    if (!raw) return null;
    const span = trimSpan(text, raw.start, raw.end);
    return span.end > span.start ? span : null;
  }, [text]);

  // Turns the current DOM selection into the pending span (or clears it).
  const readSelection = useCallback(
    (focusMenu: boolean) => {
      const root = textRef.current;
      // Mid-drag the selection is not finished: a timer set before the drag must not act on it.
      if (!root || pointerDown.current) return;
      // Focus in the code menu (or any other control) leaves a stale caret behind: not a new selection.
      const active = document.activeElement;
      if (active && active !== document.body && !root.contains(active)) return;
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      if (!root.contains(range.commonAncestorContainer)) return; // focus moved elsewhere (the menu)
      const span = selectedSpan();
      if (!span) {
        pinned.current = [];
        if (useUiStore.getState().pendingSpan) setPendingSpan(null);
        return;
      }
      pinned.current = [paragraphIndexAt(paragraphs, span.start), paragraphIndexAt(paragraphs, Math.max(span.start, span.end - 1))];
      const current = useUiStore.getState().pendingSpan;
      // The same span asked for again with the menu (Enter after Shift+arrows) is news: active code mode codes it.
      if (current && current.sourceId === sourceId && current.start === span.start && current.end === span.end && (current.focusMenu || !focusMenu)) return;
      const rect = range.getBoundingClientRect();
      setPendingSpan({ sourceId, start: span.start, end: span.end, anchor: { x: rect.left, y: rect.bottom }, focusMenu });
    },
    [paragraphs, selectedSpan, setPendingSpan, sourceId],
  );

  // The listeners are registered once; they read the latest state through this ref, so a
  // re-render (a coding arriving mid-debounce) never cancels a pending read of the selection.
  const latest = useRef({ byParagraph, inspect, paragraphs, readSelection, sourceId });
  latest.current = { byParagraph, inspect, paragraphs, readSelection, sourceId };
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onSelectionChange = (): void => {
      if (pointerDown.current) return;
      clearTimeout(timer);
      timer = setTimeout(() => latest.current.readSelection(!lastKeyWasSelection.current), 120);
    };
    const onPointerUp = (event: PointerEvent): void => {
      if (!pointerDown.current) return;
      pointerDown.current = false;
      clearTimeout(timer);
      const selection = window.getSelection();
      const root = textRef.current;
      if (root && selection?.isCollapsed && selection.anchorNode && root.contains(selection.anchorNode)) {
        // A click, not a drag: show the codings under the pointer, if any.
        const { byParagraph: index, paragraphs: paras, inspect: show, sourceId: id } = latest.current;
        const offset = offsetOfDomPoint(selection.anchorNode, selection.anchorOffset);
        if (offset !== null && codingsAt(index, paras, offset).length > 0) {
          show({ sourceId: id, offset, anchor: { x: event.clientX, y: event.clientY } });
          return;
        }
      }
      lastKeyWasSelection.current = false;
      // Chromium may still be applying the last coalesced mouse moves to the selection: read it
      // once they have landed, or the span would stop short of where the drag ended.
      timer = setTimeout(() => latest.current.readSelection(true), 30);
    };
    document.addEventListener('selectionchange', onSelectionChange);
    window.addEventListener('pointerup', onPointerUp);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('selectionchange', onSelectionChange);
      window.removeEventListener('pointerup', onPointerUp);
    };
  }, []);

  useCaretAnnouncer(textRef, () => latest.current.byParagraph, () => latest.current.paragraphs, codesById);

  useCommand('edit.find', () => setFind({ query: find?.query ?? '', current: 0 }), true);

  /** Where "next" counts from: the caret in the text, else the paragraph at the top of the view. */
  const caretOffset = (): number => {
    const selection = window.getSelection();
    const root = textRef.current;
    if (root && selection?.focusNode && root.contains(selection.focusNode)) {
      const offset = offsetOfDomPoint(selection.focusNode, selection.focusOffset);
      if (offset !== null) return offset;
    }
    const top = scrollRef.current?.scrollTop ?? 0;
    const first = virtualizer.getVirtualItems().find((item) => item.end > top);
    return first ? (paragraphs[first.index]?.start ?? 0) : 0;
  };

  /** Scrolls to a span and selects it in the text, as a keyboard selection (the code menu waits for Enter). */
  const selectSpan = (start: number, end: number): void => {
    const first = paragraphIndexAt(paragraphs, start);
    const last = paragraphIndexAt(paragraphs, Math.max(start, end - 1));
    pinned.current = [first, last];
    virtualizer.scrollToIndex(first, { align: 'center' });
    const place = (attempt: number): void => {
      const a = textRef.current?.querySelector<HTMLElement>(`[data-para-index="${first}"]`);
      const b = textRef.current?.querySelector<HTMLElement>(`[data-para-index="${last}"]`);
      if (!a || !b) {
        if (attempt < 10) requestAnimationFrame(() => place(attempt + 1));
        return;
      }
      const range = document.createRange();
      const at = (element: HTMLElement, offset: number): [Node, number] => [element.firstChild ?? element, element.firstChild ? offset - Number(element.dataset.paraStart) : 0];
      range.setStart(...at(a, start));
      range.setEnd(...at(b, Math.min(end, Number(b.dataset.paraStart) + Number(b.dataset.paraLength))));
      textRef.current?.focus({ preventScroll: true });
      lastKeyWasSelection.current = true;
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      // The span now, not after the selection debounce: a quick Shift+F10 must not be undone by it.
      readSelection(false);
    };
    requestAnimationFrame(() => place(0));
  };

  const hasCodings = codings.length > 0;
  useCommand('coding.next', () => {
    // From a selected coding's start: an overlapping coding that starts inside it comes next.
    const next = adjacentCoding(codings, selectedSpan()?.start ?? caretOffset(), 1);
    if (next) selectSpan(next.start, next.end);
  }, hasCodings);
  useCommand('coding.previous', () => {
    // From a coding's start: the previous one starts before it.
    const selection = selectedSpan();
    const previous = adjacentCoding(codings, selection ? selection.start : caretOffset(), -1);
    if (previous) selectSpan(previous.start, previous.end);
  }, hasCodings);
  useCommand('coding.nextUncoded', () => {
    const index = nextUncodedParagraph(paragraphs, codings, caretOffset());
    if (index === null) {
      useUiStore.getState().notify('info', 'Every paragraph with text has a coding.');
      return;
    }
    const paragraph = paragraphs[index]!;
    const span = trimSpan(text, paragraph.start, paragraph.start + paragraph.text.length);
    selectSpan(span.start, span.end);
  }, paragraphs.length > 0);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if ((event.ctrlKey || event.metaKey) && (event.key === 'f' || event.key === 'F')) {
      event.preventDefault();
      setFind({ query: find?.query ?? '', current: 0 });
      return;
    }
    const span = selectedSpan();
    const digit = shortcutDigit(event);
    if (digit !== null) {
      event.preventDefault();
      const codeId = (digitCodes ?? new Map([...shortcutMap(orderedCodes)].map(([id, d]) => [d, id]))).get(digit);
      if (span && codeId) onShortcut(codeId, span);
      return;
    }
    if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      // The keyboard's way to "click" coded text: the codings at the caret, to remove or memo.
      event.preventDefault();
      const selection = window.getSelection();
      if (!selection?.focusNode || selection.rangeCount === 0) return;
      // A selection (a coding reached with Next coding) ends where its coding ends: ask at its start.
      const offset = span ? span.start : offsetOfDomPoint(selection.focusNode, selection.focusOffset);
      if (offset === null || codingsAt(byParagraph, paragraphs, offset).length === 0) return;
      const caret = selection.getRangeAt(0).getBoundingClientRect();
      const box = caret.width === 0 && caret.height === 0 ? (selection.focusNode.parentElement ?? textRef.current)!.getBoundingClientRect() : caret;
      inspect({ sourceId, offset, anchor: { x: box.left, y: box.bottom } });
      // Opened from the keyboard, so focus goes into it (Escape there brings it back to the text).
      const focusPopover = (attempt: number): void => {
        const target = document.querySelector<HTMLElement>('.codings-popover [aria-label^="Remove coding"]');
        if (target) target.focus();
        else if (attempt < 10) requestAnimationFrame(() => focusPopover(attempt + 1));
      };
      requestAnimationFrame(() => focusPopover(0));
      return;
    }
    if (event.key === 'Escape') {
      pinned.current = [];
      window.getSelection()?.collapseToEnd();
      setPendingSpan(null);
      inspect(null);
      return;
    }
    if ((event.ctrlKey || event.metaKey) && (event.key === 'Home' || event.key === 'End')) {
      // The browser would stop at the last *rendered* paragraph: go to the real start or end.
      event.preventDefault();
      const toEnd = event.key === 'End';
      jumpTo(toEnd ? paragraphs.length - 1 : 0, toEnd, event.shiftKey);
      return;
    }
    if (isNavigationKey(event)) {
      lastKeyWasSelection.current = event.shiftKey && isSelectionKey(event.key);
      return;
    }
    // Function keys (F6 regions, F8 next coding) are commands, not typing: let them reach the registry.
    if (/^F\d+$/.test(event.key)) return;
    // A chord that names an app command (text size, palette…) goes on to the command's listener.
    if ((event.ctrlKey || event.metaKey) && commandForKey(currentCommands(), event, false)) return;
    event.preventDefault(); // the text is read-only
    if (!span) return;
    if (event.key === 'Enter') {
      readSelection(true);
      onFocusMenu('');
    } else if (isPrintable(event) && event.key !== ' ') {
      readSelection(true);
      onFocusMenu(event.key);
    }
  };

  return (
    <div
      className="document-view"
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && (event.key === 'f' || event.key === 'F')) {
          event.preventDefault();
          setFind({ query: find?.query ?? '', current: 0 });
        }
      }}
    >
      {find && (
        <FindBar
          query={find.query}
          total={matches.length}
          current={find.current}
          capped={matches.length >= MAX_MATCHES}
          onQuery={(query) => {
            setFind({ query, current: 0 });
            const first = findAll(text, query, 1)[0];
            if (first) virtualizer.scrollToIndex(paragraphIndexAt(paragraphs, first.start), { align: 'center' });
          }}
          onStep={stepFind}
          onClose={() => {
            const match = find ? matches[find.current] : undefined;
            setFind(null);
            textRef.current?.focus({ preventScroll: true });
            // Find, then Escape: the match stays selected, ready for a digit or Enter to code it.
            if (match) selectMatch(match);
          }}
        />
      )}
    <div className="document-body">
    <div ref={scrollRef} className={mine === null ? 'document-scroll' : 'document-scroll other-coders-shown'} data-testid="document-scroll" onScroll={onScroll}>
      <div
        ref={textRef}
        className="document-text"
        // Where focus goes back when a dialog opened from the text (through a popover now closed) closes.
        data-focus-home
        contentEditable
        // Focusable already (contenteditable); said explicitly so checkers see the scrolling region can be reached.
        tabIndex={0}
        suppressContentEditableWarning
        spellCheck={false}
        role="textbox"
        aria-multiline="true"
        aria-readonly="true"
        aria-label={`Text of ${sourceName}`}
        style={{ height: virtualizer.getTotalSize() }}
        onPointerDown={(event) => {
          const marker = (event.target as Element).closest?.('.memo-marker') as HTMLElement | null;
          if (marker) {
            // A memo marker opens the codings there, with the memo, instead of starting a selection.
            event.preventDefault();
            const coding = codings.find((c) => c.id === marker.dataset.codingId);
            if (coding) inspect({ sourceId, offset: coding.start, anchor: { x: event.clientX, y: event.clientY } });
            return;
          }
          pointerDown.current = true;
          inspect(null);
          if (revealed) setRevealed(null);
        }}
        onKeyDown={onKeyDown}
        onBeforeInput={(e) => e.preventDefault()}
        onPaste={(e) => e.preventDefault()}
        onCut={(e) => e.preventDefault()}
        onDrop={(e) => e.preventDefault()}
        onDragStart={(e) => e.preventDefault()}
      >
        {items.map((item) => {
          const paragraph = paragraphs[item.index]!;
          const headers = caseLayout.headersAt.get(item.index);
          const band = caseLayout.bandAt(item.index);
          return (
            <div
              key={item.key}
              className={`doc-row${headers ? ' with-case-header' : ''}${band ? ` in-case case-shade-${band.shade}` : ''}`}
              data-index={item.index}
              data-row-index={item.index}
              ref={virtualizer.measureElement}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {headers && <CaseHeaders rows={headers} />}
              {/* Filled by paintStripes after layout; React leaves its children alone. */}
              <div className="gutter" contentEditable={false} aria-hidden="true" data-gutter-index={item.index} />
              <div
                className="para-text"
                // Each paragraph reads in the direction of most of its letters: an Arabic or Hebrew
                // answer reads right to left among English ones (offsets are unaffected).
                dir={directionOf(paragraph)}
                data-para-index={item.index}
                data-para-start={paragraph.start}
                data-para-length={paragraph.text.length}
              >
                {paragraph.text}
              </div>
            </div>
          );
        })}
      </div>
    </div>
    {showMinimap && (
      <CodingMinimap
        textLength={text.length}
        codings={codings}
        codesById={codesById}
        onJump={(offset) => virtualizer.scrollToIndex(paragraphIndexAt(paragraphs, offset), { align: 'center' })}
      />
    )}
    </div>
    </div>
  );
}
