// The product's document view on the big document: the real DocumentView (virtualised rows, the
// real HighlightPainter), mounted with the source's text and codings read through the repository.
// Written with createElement rather than JSX because tsconfig.tests.json checks bench/**/*.ts only.
import { createElement, useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { CodingSpan } from '../../shared/model/types';
import { DocumentView } from '../../renderer/src/features/coding/DocumentView';
import { codeRangeCount } from '../measure/highlights';
import { paintedWhen } from '../measure/paint';
import { scrollInSteps } from '../measure/frames';
import { exposeBench, type DocumentBench } from './benchApi';
import { atFramePhase, loadDocument, nthNewCoding, paragraphsInView, type DocumentData } from './documentData';
import '../../renderer/src/app/styles.css';
import './bench.css';

let data: DocumentData | null = null;
let shown: CodingSpan[] = [];
let setShown: ((codings: CodingSpan[]) => void) | null = null;
/** Called after every commit, once DocumentView's own layout effect has painted its ranges. */
let afterCommit: (() => void) | null = null;

function Harness({ initial, source }: { initial: CodingSpan[]; source: DocumentData }) {
  const [codings, setCodings] = useState(initial);
  useLayoutEffect(() => {
    setShown = setCodings;
  }, []);
  // A parent's layout effect runs after its children's: here DocumentView has painted.
  useLayoutEffect(() => afterCommit?.());
  return createElement(
    'section',
    { className: 'panel document-panel bench-panel', 'aria-label': 'Document' },
    createElement(DocumentView, {
      sourceId: source.sourceId,
      sourceName: source.sourceName,
      text: source.text,
      codings,
      orderedCodes: source.codes,
      onShortcut: () => undefined,
      onFocusMenu: () => undefined,
    }),
  );
}

function need(): DocumentData {
  if (!data) throw new Error('load() first');
  return data;
}

function scroller(): HTMLElement {
  const element = document.querySelector<HTMLElement>('.document-scroll');
  if (!element) throw new Error('the document is not open');
  return element;
}

const bench: DocumentBench = {
  async load() {
    const loaded = await loadDocument();
    data = loaded.data;
    return loaded.result;
  },
  async open(limit, timeoutMs) {
    const source = need();
    shown = limit === null ? source.codings : source.codings.slice(0, limit);
    const started = performance.now();
    createRoot(document.getElementById('root')!).render(createElement(Harness, { initial: shown, source }));
    // Without codings (the memory baseline of the text) the rendered paragraphs are the sign.
    const ready = shown.length > 0 ? () => codeRangeCount() > 0 : () => document.querySelector('[data-para-index]') !== null;
    const painted = await paintedWhen(ready, timeoutMs);
    return { ms: painted - started };
  },
  async applyOne(n) {
    const coding = nthNewCoding(need(), paragraphsInView(scroller(), 'data-para-index'), n);
    const before = codeRangeCount();
    let registered: number | null = null;
    afterCommit = () => {
      if (registered === null && codeRangeCount() > before) registered = performance.now();
    };
    await atFramePhase(n);
    const started = performance.now();
    shown = [...shown, coding];
    setShown!(shown);
    const painted = await paintedWhen(() => codeRangeCount() > before);
    afterCommit = null;
    return { ms: painted - started, workMs: registered === null ? null : registered - started };
  },
  scroll: (steps) => scrollInSteps(scroller(), steps),
};

exposeBench(bench);
