// Scenario 1, the big document, three ways in the same run: the product's DocumentView, the naive
// <mark> renderer and @recogito/text-annotator. Each run: open the page on the seeded profile,
// measure memory, read the source from IndexedDB, open it until highlighted text is painted,
// measure memory again, add codings one at a time, scroll top to bottom. A second pass opens the
// same text with 10,000 codings, the load the peer goal is stated for.
import { APPLIES_PER_RUN, SCROLL_STEPS } from '../config.mjs';
import { measureMemory } from '../chromium.mjs';
import { inSession, progress } from '../session.mjs';

export const RENDERERS = [
  { key: 'ours', page: 'document.html', label: 'DocumentView' },
  { key: 'naive', page: 'naive.html', label: 'naive marks' },
  { key: 'peer', page: 'recogito.html', label: '@recogito/text-annotator' },
];

/** A frame that missed its vsync; rAF timestamps are frame-aligned, so a late frame is ≥ 33 ms. */
export const LATE_FRAME_MS = 20;

function emptySamples() {
  return { load: [], open: [], apply: [], applyWork: [], longestFrame: [], lateFrames: [], framesOver50: [], jsHeap: [], renderer: [], nodes: [], layoutObjects: [] };
}

async function measuredPass(page, profileDir, { limit, timeoutMs, applies, scroll }, samples) {
  const before = await measureMemory(page, profileDir);
  const loaded = await page.evaluate(() => window.bench.load());
  samples.load.push(loaded.ms);
  const opened = await page.evaluate(([l, t]) => window.bench.open(l, t), [limit, timeoutMs]);
  samples.open.push(opened.ms);
  const after = await measureMemory(page, profileDir);
  samples.jsHeap.push(after.jsHeapUsed - before.jsHeapUsed);
  if (after.rendererPrivate !== null && before.rendererPrivate !== null) samples.renderer.push(after.rendererPrivate - before.rendererPrivate);
  samples.nodes.push(after.nodes);
  samples.layoutObjects.push(after.layoutObjects);
  for (let n = 0; n < applies; n++) {
    const applied = await page.evaluate((i) => window.bench.applyOne(i), n);
    samples.apply.push(applied.ms);
    if (applied.workMs !== null) samples.applyWork.push(applied.workMs);
  }
  if (scroll) {
    const record = await page.evaluate((steps) => window.bench.scroll(steps), SCROLL_STEPS);
    samples.longestFrame.push(Math.max(...record.frames));
    samples.lateFrames.push(record.frames.filter((f) => f > LATE_FRAME_MS).length);
    samples.framesOver50.push(record.frames.filter((f) => f > 50).length);
  }
  return loaded;
}

/**
 * @param {{ baseUrl: string, profileDir: string, runs: number, peerRuns: number, peerCodings: number, peerTimeoutMs: number }} options
 */
export async function runDocumentScenario({ baseUrl, profileDir, runs, peerRuns, peerCodings, peerTimeoutMs }) {
  const full = {};
  const tenK = {};
  // The same text with no codings (not the peer: minutes per run), to split what the text costs
  // in memory from what the codings cost.
  const textOnly = {};
  let shape = null;
  for (const renderer of RENDERERS) {
    const n = renderer.key === 'peer' ? peerRuns : runs;
    full[renderer.key] = emptySamples();
    tenK[renderer.key] = emptySamples();
    textOnly[renderer.key] = emptySamples();
    for (let run = 0; run < n; run++) {
      let done = progress(`big document, ${renderer.label}, run ${run + 1}/${n}`);
      const loaded = await inSession(profileDir, baseUrl + renderer.page, (page) =>
        measuredPass(page, profileDir, { limit: null, timeoutMs: peerTimeoutMs, applies: APPLIES_PER_RUN, scroll: true }, full[renderer.key]),
      );
      shape ??= loaded;
      done(`open ${full[renderer.key].open.at(-1)?.toFixed(0)} ms`);
      done = progress(`big document with ${peerCodings.toLocaleString('en')} codings, ${renderer.label}, run ${run + 1}/${n}`);
      await inSession(profileDir, baseUrl + renderer.page, (page) =>
        measuredPass(page, profileDir, { limit: peerCodings, timeoutMs: peerTimeoutMs, applies: APPLIES_PER_RUN, scroll: false }, tenK[renderer.key]),
      );
      done(`open ${tenK[renderer.key].open.at(-1)?.toFixed(0)} ms`);
      if (renderer.key === 'peer') continue;
      done = progress(`big document without codings, ${renderer.label}, run ${run + 1}/${n}`);
      await inSession(profileDir, baseUrl + renderer.page, (page) =>
        measuredPass(page, profileDir, { limit: 0, timeoutMs: peerTimeoutMs, applies: 0, scroll: false }, textOnly[renderer.key]),
      );
      done(`${((textOnly[renderer.key].renderer.at(-1) ?? 0) / 2 ** 20).toFixed(1)} MB`);
    }
  }
  return { shape, full, tenK, textOnly };
}
