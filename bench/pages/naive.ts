// The big document drawn the naive way (bench/naive/markedDocument.ts): all paragraphs in the
// DOM, codings as nested <mark>s. Same data, same column, same measurements as document.ts.
import type { CodingSpan } from '../../shared/model/types';
import { MarkedDocument, NAIVE_INDEX_ATTRIBUTE } from '../naive/markedDocument';
import { afterNextPaint } from '../measure/paint';
import { scrollInSteps } from '../measure/frames';
import { exposeBench, type DocumentBench } from './benchApi';
import { atFramePhase, loadDocument, nthNewCoding, paragraphsInView, type DocumentData } from './documentData';
import '../../renderer/src/app/styles.css';
import './bench.css';

let data: DocumentData | null = null;
let view: MarkedDocument | null = null;

function need(): DocumentData {
  if (!data) throw new Error('load() first');
  return data;
}

function scroller(): HTMLElement {
  return document.querySelector<HTMLElement>('.bench-scroll')!;
}

const bench: DocumentBench = {
  async load() {
    const loaded = await loadDocument();
    data = loaded.data;
    return loaded.result;
  },
  async open(limit) {
    // Synchronous: it cannot time out, it can only take long.
    const source = need();
    const codings: readonly CodingSpan[] = limit === null ? source.codings : source.codings.slice(0, limit);
    const started = performance.now();
    const outer = document.createElement('div');
    outer.className = 'bench-scroll';
    const text = document.createElement('div');
    text.className = 'bench-text';
    outer.appendChild(text);
    document.getElementById('root')!.appendChild(outer);
    view = new MarkedDocument(text, source.paragraphs, source.codes);
    view.render();
    for (const coding of codings) view.mark(coding);
    const painted = await afterNextPaint();
    return { ms: painted - started };
  },
  async applyOne(n) {
    const coding = nthNewCoding(need(), paragraphsInView(scroller(), NAIVE_INDEX_ATTRIBUTE), n);
    await atFramePhase(n);
    const started = performance.now();
    view!.mark(coding);
    const marked = performance.now();
    const painted = await afterNextPaint();
    return { ms: painted - started, workMs: marked - started };
  },
  scroll: (steps) => scrollInSteps(scroller(), steps),
};

exposeBench(bench);
