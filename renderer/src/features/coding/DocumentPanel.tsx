// The "Document" region: the open source's text, the code menu at a selection, and the codings
// under a click. Coding goes through the named operations in db/operations/codings.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { flattenTree } from '../../../../shared/codebook/tree';
import { splitParagraphs } from '../../../../shared/text/paragraphs';
import { useCodes, useSources } from '../../db/queries';
import { useSourceSpansOf, useSourceTextOf } from '../../db/documentQueries';
import { applyCode, codeInVivo, removeCoding, resizeCoding } from '../../db/operations/codings';
import { moveBoundary } from '../../../../shared/text/boundaries';
import { trimSpan } from '../../../../shared/text/span';
import { CodingHandles } from './CodingHandles';
import { createCode } from '../../db/operations/codes';
import { selectActiveSourceId, selectCoder, selectInspected, selectPendingSpan, selectProvisionalEdit, selectShowOtherCoders, useUiStore, reportError, type PendingSpan } from '../../stores/uiStore';
import { DocumentView } from './DocumentView';
import { CodeMenu, type CodeMenuHandle } from './CodeMenu';
import { CodingsPopover } from './CodingsPopover';
import { codingsAt, indexCodingsByParagraph } from './paragraphCodings';
import { useProvisionalCodings, useWithProvisionalEdit } from './useProvisionalCodings';
import { useMemos } from '../../db/memoQueries';
import { useCaseSegmentsOfSource } from '../../db/caseQueries';
import type { Code, Coding, CodingSpan } from '../../../../shared/model/types';
import { useActiveCodeMode } from './useActiveCodeMode';
import { quoteAt } from '../../../../shared/text/quote';
import { isCodableCode } from '../../../../shared/codebook/folder';
import { shortcutMap } from '../../../../shared/codebook/shortcuts';
import { SplitIntoCasesButton } from '../split/SplitIntoCasesButton';
import { plural } from '../../../../shared/text/plural';
import { CARET_ANNOUNCER_ID } from './useCaretAnnouncer';

const EMPTY: CodingSpan[] = [];

export function DocumentPanel({ projectId }: { projectId: string }) {
  const sourceId = useUiStore(selectActiveSourceId);
  const coder = useUiStore(selectCoder);
  const showOtherCoders = useUiStore(selectShowOtherCoders);
  const pendingSpan = useUiStore(selectPendingSpan);
  const inspected = useUiStore(selectInspected);
  const setPendingSpan = useUiStore((s) => s.setPendingSpan);
  const inspect = useUiStore((s) => s.inspect);
  const notify = useUiStore((s) => s.notify);
  const sources = useSources(projectId);
  // Only the open source's own text and codings, and both together: while the next source is read
  // the panel says so, rather than painting one source's codings over another's text.
  const textOf = useSourceTextOf(sourceId);
  const codingsOf = useSourceSpansOf(sourceId);
  const loaded = sourceId !== null && textOf?.sourceId === sourceId && codingsOf?.sourceId === sourceId;
  const text = loaded ? textOf.text : undefined;
  const codings = loaded ? codingsOf.codings : undefined;
  const caseSegments = useCaseSegmentsOfSource(sourceId);
  const codes = useCodes(projectId);
  const menuRef = useRef<CodeMenuHandle>(null);
  const { shown: shownProvisional, withProvisional } = useProvisionalCodings(codings ?? EMPTY);
  const shownCodings = useWithProvisionalEdit(shownProvisional, useUiStore(selectProvisionalEdit), sourceId);
  const memos = useMemos(projectId);
  const memoByCoding = useMemo(() => {
    const map = new Map<string, string>();
    for (const memo of memos ?? []) {
      if (memo.targetKind !== 'coding') continue;
      const text = (memo.title || memo.body).trim().split('\n')[0] ?? '';
      map.set(memo.targetId, map.has(memo.targetId) ? `${map.get(memo.targetId)} · ${text}` : text);
    }
    return map;
  }, [memos]);
  const source = sources?.find((s) => s.id === sourceId);
  const orderedCodes = useMemo(() => flattenTree(codes ?? []).map((e) => e.code), [codes]);
  const codesById = useMemo(() => new Map(orderedCodes.map((c) => [c.id, c])), [orderedCodes]);
  // Folders are never applied to text, so the digits 1–9 go to the first nine codable codes.
  const codableCodes = useMemo(() => orderedCodes.filter(isCodableCode), [orderedCodes]);
  const digitCodes = useMemo(() => new Map([...shortcutMap(orderedCodes)].map(([id, digit]) => [digit, id])), [orderedCodes]);

  const inspectedCodings = useMemo(() => {
    if (!inspected || inspected.sourceId !== sourceId || text === undefined || !codings) return [];
    const paragraphs = splitParagraphs(text);
    return codingsAt(indexCodingsByParagraph(paragraphs, codings), paragraphs, inspected.offset);
  }, [codings, inspected, sourceId, text]);

  /** After coding from the menu the selection is done with: clear it and return to the text. */
  const finishMenu = (): void => {
    setPendingSpan(null);
    window.getSelection()?.removeAllRanges();
    document.querySelector<HTMLElement>('.document-text')?.focus({ preventScroll: true });
  };

  /** Applies a code, painting it at once; a code this coder already has on exactly this span is left alone (another coder's is theirs). */
  const apply = (span: Pick<CodingSpan, 'sourceId' | 'start' | 'end'>, codeId: string): Promise<unknown> => {
    if (text === undefined) return Promise.resolve();
    if (shownCodings.some((c) => c.codeId === codeId && c.start === span.start && c.end === span.end && c.coder === coder)) return Promise.resolve();
    const provisional: Coding = {
      id: `provisional-${codeId}-${span.start}-${span.end}`,
      projectId,
      sourceId: span.sourceId,
      codeId,
      start: span.start,
      end: span.end,
      ...quoteAt(text, span.start, span.end),
      coder,
      createdAt: new Date().toISOString(),
    };
    return withProvisional(provisional, () => applyCode(span, codeId, coder, projectId));
  };

  // Active code mode: a finished selection is coded with the active code, without the menu.
  const latestApply = useRef(apply);
  useEffect(() => {
    latestApply.current = apply;
  });
  const codeSelection = useCallback(
    (span: PendingSpan, code: Code) => {
      setPendingSpan(null);
      window.getSelection()?.removeAllRanges();
      // No notice per coding: the status bar says the mode is on and the highlight is the feedback.
      latestApply.current(span, code.id).catch(reportError);
    },
    [setPendingSpan],
  );
  const activeCode = useActiveCodeMode(codesById, codeSelection);

  const applyFromMenu = (codeId: string): void => {
    if (!pendingSpan) return;
    const span = pendingSpan;
    finishMenu();
    apply(span, codeId).catch(reportError);
  };

  if (!source || text === undefined) {
    return (
      <section className="panel document-panel" aria-label="Document">
        <p className="empty">{source ? `Opening “${source.name}”…` : sources?.length ? 'Open a source from the list to read and code it.' : 'Import a source to start coding.'}</p>
      </section>
    );
  }

  return (
    <section className="panel document-panel" aria-label="Document">
      <div className="panel-header">
        <h2 className="document-title">{source.name}</h2>
        <span className="document-meta">
          {plural(codings?.length ?? 0, 'coding')} · {source.encoding}
        </span>
        <SplitIntoCasesButton projectId={projectId} source={source} text={text} />
      </div>
      <DocumentView
        key={source.id}
        sourceId={source.id}
        sourceName={source.name}
        mine={showOtherCoders ? coder : null}
        text={text}
        codings={shownCodings}
        memoByCoding={memoByCoding}
        orderedCodes={codableCodes}
        {...(caseSegments ? { caseSegments } : {})}
        digitCodes={digitCodes}
        onShortcut={(codeId, span) => {
          apply({ sourceId: source.id, ...span }, codeId).then(
            () => notify('info', `Coded with “${codesById.get(codeId)?.name ?? ''}”.`),
            reportError,
          );
        }}
        onFocusMenu={(initial) => menuRef.current?.focus(initial)}
      />
      {/* What the caret is in, for screen readers ("coded Distrust of China, Tariffs"). */}
      <div id={CARET_ANNOUNCER_ID} className="visually-hidden" role="status" aria-live="polite" />
      {pendingSpan && pendingSpan.sourceId === source.id && !(activeCode && pendingSpan.focusMenu) && (

        <CodeMenu
          ref={menuRef}
          codes={orderedCodes}
          anchor={pendingSpan.anchor}
          selectedText={text.slice(pendingSpan.start, pendingSpan.end)}
          autoFocus={pendingSpan.focusMenu}
          onApply={applyFromMenu}
          onCreate={(name) => {
            createCode({ projectId, name }).then((code) => applyFromMenu(code.id), reportError);
          }}
          onInVivo={() => {
            codeInVivo(pendingSpan, coder).then(({ code }) => {
              notify('info', `Created the code “${code.name}”.`, { undoable: true });
              finishMenu();
            }, reportError);
          }}
          onClose={finishMenu}
        />
      )}
      {inspected && inspectedCodings.length > 0 && (
        <CodingHandles
          key={inspectedCodings[0]!.id}
          coding={inspectedCodings[0]!}
          codeName={codesById.get(inspectedCodings[0]!.codeId)?.name ?? ''}
          color={codesById.get(inspectedCodings[0]!.codeId)?.color ?? '#2f5d9e'}
          onResize={(start, end) => {
            const coding = inspectedCodings[0]!;
            const span = trimSpan(text, start, end);
            if (span.end <= span.start) return;
            const offset = Math.min(Math.max(inspected.offset, span.start), span.end - 1);
            resizeCoding(coding.id, source.id, span.start, span.end).then(() => {
              const now = useUiStore.getState().inspected;
              if (now && now.offset !== offset) inspect({ ...now, offset });
            }, reportError);
          }}
        />
      )}
      {inspected && inspectedCodings.length > 0 && (
        <CodingsPopover
          codings={inspectedCodings}
          text={text}
          codesById={codesById}
          anchor={inspected.anchor}
          onRemove={(codingId) => {
            const name = codesById.get(inspectedCodings.find((c) => c.id === codingId)?.codeId ?? '')?.name ?? '';
            removeCoding(codingId, source.id).then(() => notify('info', `Removed the coding “${name}”.`, { undoable: true }), reportError);
          }}
          onMoveEdge={(codingId, edge, unit, direction) => {
            const coding = inspectedCodings.find((c) => c.id === codingId);
            if (!coding) return;
            const moved = moveBoundary(text, edge === 'start' ? coding.start : coding.end, unit, direction, edge);
            const start = edge === 'start' ? Math.min(moved, coding.end - 1) : coding.start;
            const end = edge === 'end' ? Math.max(moved, coding.start + 1) : coding.end;
            if (start === coding.start && end === coding.end) return;
            // The popover lists the codings at the inspected offset: keep it inside the resized coding.
            const offset = Math.min(Math.max(inspected.offset, start), end - 1);
            resizeCoding(codingId, source.id, start, end).then(() => {
              const now = useUiStore.getState().inspected;
              if (now && now.offset !== offset) inspect({ ...now, offset });
            }, reportError);
          }}
          onClose={() => inspect(null)}
        />
      )}
    </section>
  );
}
