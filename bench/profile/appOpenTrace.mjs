// Diagnosis: "Open project" of the big project's .qdpx in the web build under a Chromium trace:
// where the time between the click and the "Project opened" report goes, thread by thread (the
// page, the project-file worker, the analysis worker), in 100 ms steps, with each thread's
// heaviest functions. Needs dist/bench and a profile seeded by workerTrip.mjs on the same PORT.
//   PORT=4791 node bench/profile/appOpenTrace.mjs <profileDir> [trace.json]
// DIST=<folder> serves another build (a baseline) on the same origin, so the same profile is used;
// each thread's CPU time over the open (trace thread clock) compares builds on a busy machine.
// QDPX=<file> opens that file instead of saving the project first.
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../../scripts/serveStatic.mjs';
import { distDir } from '../run/config.mjs';
import { openApp } from '../run/scenarios/app.mjs';
import { summarise, traced } from './traceSummary.mjs';

const [profileDir, out] = process.argv.slice(2);
const server = await serveStatic(process.env.DIST ?? distDir, Number(process.env.PORT ?? 4791));

async function menu(page, name) {
  await page.locator('#menu-File').click();
  await page.locator('[aria-labelledby="menu-File"] .menu-item').filter({ has: page.locator('.menu-item-label', { hasText: new RegExp(`^${name}$`) }) }).click();
}

/** Busy ms per thread per 100 ms step, from the trace's top-level tasks. */
function timeline(events, from, to) {
  const names = new Map();
  for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const steps = Math.ceil((to - from) / 100_000);
  const busy = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') || e.ts + e.dur < from || e.ts > to) continue;
    const key = `${names.get(`${e.pid}:${e.tid}`) ?? ''} ${e.tid}`;
    if (!/Main|Worker|Compositor/i.test(key)) continue;
    let row = busy.get(key);
    if (!row) busy.set(key, (row = new Array(steps).fill(0)));
    for (let t = Math.max(e.ts, from); t < Math.min(e.ts + e.dur, to); ) {
      const step = Math.floor((t - from) / 100_000);
      const stepEnd = from + (step + 1) * 100_000;
      const until = Math.min(stepEnd, e.ts + e.dur, to);
      row[step] += (until - t) / 1000;
      t = until;
    }
  }
  for (const [key, row] of busy) console.log(`${key.padEnd(28).slice(0, 28)} ${row.map((ms) => (ms > 75 ? '█' : ms > 40 ? '▓' : ms > 10 ? '░' : '·')).join('')}`);
}

const { context, page } = await openApp(profileDir, `${server.url}app/`, { highlighted: true, sources: Number(process.env.SOURCES ?? 500), counts: true });
try {
  let file = process.env.QDPX;
  if (!file) {
    const download = page.waitForEvent('download', { timeout: 300_000 });
    await menu(page, 'Save project as');
    const path = await (await download).path();
    file = join(await mkdtemp(join(tmpdir(), 'marginalia-qdpx-')), 'Big project.qdpx');
    await copyFile(path, file);
  }
  await page.waitForTimeout(3000);
  const chooser = page.waitForEvent('filechooser');
  await menu(page, 'Open project');
  const { events } = await traced(
    page,
    async () => {
      await page.evaluate(() => {
        performance.mark('bench:open');
        new MutationObserver((_, observer) => {
          if ([...document.querySelectorAll('dialog[open] .modal-title')].some((h) => h.textContent === 'Project opened')) {
            performance.mark('bench:report');
            observer.disconnect();
          }
        }).observe(document.body, { childList: true, subtree: true });
      });
      const started = performance.now();
      await (await chooser).setFiles(file);
      await page.waitForFunction(() => performance.getEntriesByName('bench:report').length > 0, undefined, { timeout: 300_000, polling: 50 });
      console.log(`open → report: ${(performance.now() - started).toFixed(0)} ms (bench clock)`);
      await page.waitForTimeout(Number(process.env.AFTER ?? 1500));
    },
    { out },
  );
  const marks = events.filter((e) => e.cat?.includes('user_timing') || e.name?.startsWith('bench:') || e.name?.startsWith('open:'));
  const open = marks.find((e) => e.name === 'bench:open');
  const report = marks.find((e) => e.name === 'bench:report');
  if (open && report) {
    console.log(`page marks: report ${((report.ts - open.ts) / 1000).toFixed(0)} ms after the open mark`);
    for (const m of marks.filter((e) => e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b').sort((a, b) => a.ts - b.ts)) console.log(`  ${((m.ts - open.ts) / 1000).toFixed(0).padStart(6)} ms  ${m.name}`);
    timeline(events, open.ts, report.ts + Number(process.env.AFTER ?? 1500) * 1000);
  }
  // CPU time (thread clock) per thread over the open: what the work cost, whatever else the machine ran.
  if (open && report) {
    const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [e.tid, e.args.name]));
    const cpu = new Map();
    for (const e of events) {
      if (e.ph !== 'X' || e.name !== 'RunTask' || e.ts < open.ts || e.ts > report.ts) continue;
      const key = `${names.get(e.tid) ?? ''} ${e.tid}`;
      const [wall, thread] = cpu.get(key) ?? [0, 0];
      cpu.set(key, [wall + e.dur / 1000, thread + (e.tdur ?? 0) / 1000]);
    }
    for (const [key, [wall, thread]] of cpu) if (wall > 20) console.log(`${key.padEnd(34)} tasks ${wall.toFixed(0).padStart(6)} ms, CPU ${thread.toFixed(0).padStart(6)} ms`);
  }
  if (process.env.TOP !== '0') summarise(events, Number(process.env.TOP ?? 25));
} finally {
  await context.close();
  server.close?.();
}
