// The real product UI (the web build in dist/bench/app) on the seeded profiles: how long from
// navigation until the project is usable, and, in the big document and the survey, from a digit
// keypress in the code menu until the new highlight is painted. Timing code is injected by the runner
// (addInitScript / evaluate); the app itself carries no benchmark hooks.
import { APPLIES_PER_RUN } from '../config.mjs';
import { launchProfile } from '../chromium.mjs';
import { progress } from '../session.mjs';

/**
 * Injected before the app's scripts: checks once per frame whether the app shows what `expect`
 * asks for (highlighted text, the document's text, every source, the codebook's counts, the case
 * list), and records when each first showed and when the frame showing all of it was painted,
 * in ms since navigation started.
 */
function watchOpen(expect) {
  if (!location.pathname.includes('/app/')) return;
  const times = {};
  const state = { times, painted: null };
  window.__benchOpen = state;
  const ranges = () => {
    let n = 0;
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('mg-code-')) n += highlight.size;
    });
    return n;
  };
  const shown = {
    highlighted: () => ranges() > 0,
    text: () => document.querySelector('[data-para-start]') !== null,
    sources: () => document.querySelectorAll('.source-list li').length >= expect.sources,
    counts: () => {
      let sum = 0;
      // The count is drawn from data-count (the cell's text is empty since the codebook's names match what they show).
      for (const cell of document.querySelectorAll('.code-count')) sum += Number(cell.dataset.count ?? cell.textContent) || 0;
      return sum > 0;
    },
    // The list is virtualised: it holds every case (aria-rowcount) and shows the first rows.
    cases: () =>
      Number(document.querySelector('[role="table"][aria-label="Cases in this project"]')?.getAttribute('aria-rowcount')) >= expect.cases &&
      document.querySelector('.case-table [role="row"]') !== null,
  };
  const wanted = Object.keys(shown).filter((key) => expect[key]);
  const check = () => {
    const now = performance.now();
    for (const key of wanted) if (times[key] === undefined && shown[key]()) times[key] = now;
    if (wanted.some((key) => times[key] === undefined)) {
      requestAnimationFrame(check);
      return;
    }
    // Found at the start of a frame: this frame paints it, and the message arrives after it.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      state.painted = performance.now();
    };
    channel.port2.postMessage(null);
  };
  requestAnimationFrame(check);
}

/** Selects a few words of a paragraph in view (the n-th of a fixed series), as a drag would. */
function selectWordsInView(n) {
  const scroller = document.querySelector('.document-scroll');
  const box = scroller.getBoundingClientRect();
  const candidates = [];
  for (let y = box.top + 40; y < box.bottom - 40; y += 24) {
    const element = document.elementFromPoint(box.left + box.width / 2, y)?.closest('[data-para-start]');
    if (element && (element.textContent ?? '').trim().length > 20 && !candidates.includes(element)) candidates.push(element);
  }
  let seed = 7919 * (n + 1);
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const element = candidates[Math.floor(next() * candidates.length)];
  const node = element.firstChild;
  const words = [...node.textContent.matchAll(/\S+/g)];
  const first = Math.floor(next() * Math.max(1, words.length - 2));
  const last = Math.min(words.length - 1, first + 1 + Math.floor(next() * 8));
  const range = document.createRange();
  range.setStart(node, words[first].index);
  range.setEnd(node, words[last].index + words[last][0].length);
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return `${element.dataset.paraStart}:${range.startOffset}:${range.endOffset}`;
}

/**
 * Arms a one-shot measurement: from the next keydown's timestamp to the painted new highlight, or
 * (`removed`) to the frame without the highlight the key took away (Ctrl+Z).
 */
function armKeyToPaint(removed = false) {
  const ranges = () => {
    let n = 0;
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('mg-code-')) n += highlight.size;
    });
    return n;
  };
  const before = ranges();
  window.__benchApply = new Promise((resolve) => {
    addEventListener(
      'keydown',
      (event) => {
        const pressed = event.timeStamp;
        // Checked at the start of every frame: a new range found there is painted by that frame.
        const check = () => {
          if (removed ? ranges() < before : ranges() > before) {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - pressed);
            channel.port2.postMessage(null);
          } else if (performance.now() - pressed > 5_000) resolve(null); // never painted: counted as lost
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      },
      { capture: true, once: true },
    );
  });
}

export async function openApp(profileDir, url, expect, initScript) {
  const context = await launchProfile(profileDir);
  await context.addInitScript(watchOpen, expect);
  if (initScript) await context.addInitScript(initScript);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.waitForFunction(() => window.__benchOpen?.painted != null, undefined, { timeout: 300_000, polling: 100 });
  const state = await page.evaluate(() => window.__benchOpen);
  return { context, page, state };
}

/**
 * Codes the n-th span in view with the digit key in the code menu; ms to the painted highlight,
 * or null. `used` holds the spans coded so far with each digit: the same code on the same span is
 * one coding and would paint nothing new, so such a span is skipped for the next in the series.
 */
export async function applyWithDigit(page, n, used) {
  const digit = String(1 + (n % 9));
  for (let attempt = 0; attempt < 50; attempt++) {
    const span = await page.evaluate(selectWordsInView, n + attempt * 100_003);
    if (!used.has(`${digit}|${span}`)) {
      used.add(`${digit}|${span}`);
      break;
    }
  }
  // By its ARIA attributes through CSS: Playwright's role engine walks the whole DOM, which with
  // 10,000 case rows (before the case list was virtualised) cost the page ~80 ms per query.
  const menu = page.locator('[role="listbox"][aria-label="Apply code"]');
  await menu.waitFor();
  // The menu takes focus a moment after it appears; a digit typed before that goes to the text.
  await page.waitForFunction(() => document.activeElement?.closest('.code-menu') != null, undefined, { timeout: 5_000 }).catch(() => undefined);
  await page.evaluate(armKeyToPaint);
  await page.keyboard.press(digit);
  const ms = await page.evaluate(() => window.__benchApply);
  // Whatever happened, leave no menu open for the next span.
  if (!(await menu.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false))) {
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
  }
  return ms;
}

/** Ctrl+Z right after a coding: ms from the key to the frame without its highlight, or null. */
async function undoLastCoding(page) {
  await page.evaluate(() => document.activeElement?.blur());
  await page.evaluate(armKeyToPaint, true);
  await page.keyboard.press('Control+z');
  return page.evaluate(() => window.__benchApply);
}

/**
 * Opens the app on a seeded profile `runs` times: navigation → what `expect` asks for is painted,
 * then (when `applies`) codes spans with the digit keys, a new span every time, across runs too.
 */
async function runApp({ label, baseUrl, profileDir, runs, expect, applies, undoEvery = false }) {
  const samples = { open: [], apply: [], undo: [], lost: 0, times: [] };
  const used = new Set();
  for (let run = 0; run < runs; run++) {
    const done = progress(`app, ${label}, run ${run + 1}/${runs}`);
    const { context, page, state } = await openApp(profileDir, `${baseUrl}app/`, expect);
    try {
      samples.open.push(state.painted);
      samples.times.push(state.times);
      for (let i = 0; i < applies; i++) {
        const ms = await applyWithDigit(page, run * applies + i, used);
        if (ms === null) samples.lost += 1;
        else {
          samples.apply.push(ms);
          // Every other coding is undone at once (history on, side by side with the applies).
          if (undoEvery && i % 2 === 1) {
            const undone = await undoLastCoding(page);
            if (undone !== null) samples.undo.push(undone);
          }
        }
      }
    } finally {
      await context.close();
    }
    done(`open ${state.painted.toFixed(0)} ms`);
  }
  return samples;
}

/** The big document: navigation → highlighted text; digit key in the code menu → painted. */
export function runAppDocument({ baseUrl, profileDir, runs }) {
  return runApp({ label: 'big document', baseUrl, profileDir, runs, expect: { highlighted: true }, applies: APPLIES_PER_RUN, undoEvery: true });
}

/** The big project: navigation → sources listed, codebook counted, first source highlighted. */
export function runAppProject({ baseUrl, profileDir, runs, sources }) {
  return runApp({ label: 'big project', baseUrl, profileDir, runs, expect: { highlighted: true, sources, counts: true }, applies: 0 });
}

/** The survey: navigation → every case listed and the answers shown; coding an answer. */
export function runAppSurvey({ baseUrl, profileDir, runs, cases }) {
  return runApp({ label: 'survey', baseUrl, profileDir, runs, expect: { text: true, cases }, applies: APPLIES_PER_RUN });
}
