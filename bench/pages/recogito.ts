// The peer: @recogito/text-annotator 4 (a devDependency of the benchmark only) on the same text
// and codings, in the same column. The text is plain paragraphs, as the library expects; codings
// go in as W3C annotations (TextPositionSelector + TextQuoteSelector, one tagging body naming the
// code), the format its documentation loads, and the library anchors them to the DOM itself.
import { createTextAnnotator, W3CTextFormat, type TextAnnotator } from '@recogito/text-annotator';
import type { TextAnnotation, W3CAnnotation } from '@recogito/text-annotator';
import '@recogito/text-annotator/text-annotator.css';
import type { CodingSpan } from '../../shared/model/types';
import { paintedWhen } from '../measure/paint';
import { scrollInSteps } from '../measure/frames';
import { exposeBench, type DocumentBench } from './benchApi';
import { atFramePhase, loadDocument, nthNewCoding, paragraphsInView, type DocumentData } from './documentData';
import '../../renderer/src/app/styles.css';
import './bench.css';

const INDEX_ATTRIBUTE = 'data-index';
const SOURCE = 'bench:document';

let data: DocumentData | null = null;
let anno: TextAnnotator<TextAnnotation, W3CAnnotation> | null = null;
let container: HTMLElement | null = null;

function need(): DocumentData {
  if (!data) throw new Error('load() first');
  return data;
}

function scroller(): HTMLElement {
  return document.querySelector<HTMLElement>('.bench-scroll')!;
}

function toW3C(coding: CodingSpan, text: string): W3CAnnotation {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id: coding.id,
    body: [{ type: 'TextualBody', purpose: 'tagging', value: coding.codeId }],
    target: {
      source: SOURCE,
      selector: [
        { type: 'TextQuoteSelector', exact: text.slice(coding.start, coding.end) },
        { type: 'TextPositionSelector', start: coding.start, end: coding.end },
      ],
    },
  } as W3CAnnotation;
}

function drawnSpans(): number {
  return container?.querySelectorAll('.r6o-annotation').length ?? 0;
}

const bench: DocumentBench = {
  async load() {
    const loaded = await loadDocument();
    data = loaded.data;
    return loaded.result;
  },
  async open(limit, timeoutMs) {
    const source = need();
    const codings = limit === null ? source.codings : source.codings.slice(0, limit);
    // Palette colours are always `#rrggbb`, the library's HEX colour type.
    const colours = new Map(source.codes.map((code) => [code.id, code.color as `#${string}`]));
    const annotations = codings.map((c) => toW3C(c, source.text));
    const started = performance.now();
    const outer = document.createElement('div');
    outer.className = 'bench-scroll';
    container = document.createElement('div');
    container.className = 'bench-text';
    source.paragraphs.forEach((paragraph, i) => {
      const element = document.createElement('p');
      element.setAttribute(INDEX_ATTRIBUTE, String(i));
      element.textContent = paragraph.text;
      container!.appendChild(element);
    });
    outer.appendChild(container);
    document.getElementById('root')!.appendChild(outer);
    anno = createTextAnnotator<TextAnnotation, W3CAnnotation>(container, {
      adapter: W3CTextFormat(SOURCE, container),
      style: (annotation) => ({ fill: colours.get(annotation.bodies[0]?.value ?? '') ?? '#888888', fillOpacity: 0.3 }),
    });
    // As documented (replace = true). The library anchors each annotation by walking the text
    // nodes from the start of the container, so its cost grows with annotations × document length;
    // the other path (replace = false, a bulk upsert) was measured slower here.
    anno.setAnnotations(annotations);
    const painted = await paintedWhen(() => drawnSpans() > 0, timeoutMs);
    return { ms: painted - started };
  },
  async applyOne(n) {
    const coding = nthNewCoding(need(), paragraphsInView(scroller(), INDEX_ATTRIBUTE), n);
    const annotation = toW3C(coding, need().text);
    const selector = `.r6o-annotation[data-annotation="${coding.id}"]`;
    await atFramePhase(n);
    const started = performance.now();
    anno!.addAnnotation(annotation);
    const painted = await paintedWhen(() => container!.querySelector(selector) !== null);
    // Its redraw is debounced and runs in a later frame: no separate figure for the work.
    return { ms: painted - started, workMs: null };
  },
  scroll: (steps) => scrollInSteps(scroller(), steps),
};

exposeBench(bench);
