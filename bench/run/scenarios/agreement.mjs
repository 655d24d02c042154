// Agreement in the real app (dist/bench/app) on the big project coded by three coders: the
// "Agreement" tab, then "Compute agreement" for the three coders over every code at paragraph
// level, from the click to the frame that paints the table (the work runs in the analysis worker:
// one snapshot read, the table with bootstrap intervals, the disagreements), and the longest task
// the page thread ran meanwhile (a long task is what would make the page stop answering).
import { openApp } from './app.mjs';
import { progress } from '../session.mjs';

/** Injected before the app: notes when each worker answer reaches the page (splits worker from page time). */
function watchWorkerAnswers() {
  window.__benchAnswers = [];
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => window.__benchAnswers.push(performance.now()));
    }
  };
}

/** Injected: records long tasks (over 50 ms) of the page thread from now on. */
function watchLongTasks() {
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => window.__benchLongTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, ms: e.duration })))).observe({ type: 'longtask' });
}

/** Injected: ms from the next click to the frame painting the table's figures, and to the one painting the intervals and disagreements too. */
function armClickToTable() {
  window.__benchAgreement = new Promise((resolve) => {
    addEventListener(
      'click',
      (event) => {
        const clicked = event.timeStamp;
        let tableMs = null;
        const check = () => {
          const table = document.querySelector('table[aria-label="Agreement per code"]');
          const summary = document.querySelector('.agreement-summary')?.textContent ?? '';
          const painted = () => performance.now() - clicked;
          if (table && !summary.includes('updating') && tableMs === null) {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => (tableMs = painted());
            channel.port2.postMessage(null);
          }
          // The intervals and the list of disagreements come second.
          if (tableMs !== null && document.querySelector('section[aria-label="Disagreements"]')) {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve({ clicked, ms: tableMs, allMs: painted(), rows: table.querySelectorAll('tbody tr').length, summary });
            channel.port2.postMessage(null);
          } else if (performance.now() - clicked > 120_000) resolve(null);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      },
      { capture: true, once: true },
    );
  });
}

// The source list is virtualised: it shows the rows in view, so "opened" waits for the first source (not all of them).
export async function runAgreementScenario({ baseUrl, profileDir, runs }) {
  const samples = { compute: [], all: [], answer: [], longestTask: [], shape: null };
  for (let run = 0; run < runs; run++) {
    const done = progress(`agreement, run ${run + 1}/${runs}`);
    const { context, page } = await openApp(profileDir, `${baseUrl}app/`, { sources: 1, counts: true }, watchWorkerAnswers);
    try {
      await page.getByRole('tab', { name: 'Agreement' }).click();
      // The options list the three coders once the worker has read the project.
      await page.waitForFunction(() => document.querySelectorAll('.agreement-options fieldset:first-of-type input:checked').length === 3, undefined, { timeout: 300_000, polling: 100 });
      await page.evaluate(watchLongTasks);
      await page.evaluate(armClickToTable);
      await page.locator('form[aria-label="Agreement options"] button[type="submit"]').click();
      const result = await page.evaluate(() => window.__benchAgreement);
      if (!result) throw new Error('The agreement table did not appear within 2 minutes.');
      const tasks = await page.evaluate((r) => window.__benchLongTasks.filter((t) => t.start + t.ms >= r.clicked && t.start <= r.clicked + r.allMs), result);
      samples.compute.push(result.ms);
      samples.all.push(result.allMs);
      // The first worker answer after the click: the figures.
      const answers = await page.evaluate((r) => window.__benchAnswers.filter((t) => t >= r.clicked), result);
      if (answers.length > 0) samples.answer.push(answers[0] - result.clicked);
      samples.longestTask.push(tasks.reduce((max, t) => Math.max(max, t.ms), 0));
      samples.shape ??= { rows: result.rows, summary: result.summary.trim() };
      done(`figures ${result.ms.toFixed(0)} ms (worker answer at ${samples.answer.at(-1)?.toFixed(0)} ms), all ${result.allMs.toFixed(0)} ms, longest page task ${samples.longestTask.at(-1).toFixed(0)} ms`);
    } finally {
      await context.close();
    }
  }
  return samples;
}
