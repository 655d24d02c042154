// Project files in the real app on the big project: "Save project as" (the .qdpx written in the
// project-file worker, then downloaded) and "Open project" of that file (read in the worker and
// stored as a new project), each timed from the click to the download or to the "Project opened"
// report, with the page's longest task meanwhile (off the page thread: no long task). Then, in the
// same run, the digit key → painted figure alternately with and without an automatic backup being
// written (the browser build's automatic backup, its five-minute timer fired early: the backup
// taken while someone codes, written in turns with rest; the one on hiding the page is not paced).
import { copyFile, mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPLIES_PER_RUN } from '../config.mjs';
import { inSession, progress } from '../session.mjs';
import { applyWithDigit, openApp } from './app.mjs';

/** Records the longest main-thread task (Long Tasks API) since the last reset. */
function watchLongTasks() {
  window.__benchLongest = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__benchLongest = Math.max(window.__benchLongest, entry.duration);
  }).observe({ type: 'longtask', buffered: false });
}

/** Injected before the app loads: keeps the browser build's five-minute backup timer at hand. */
function captureBackupTimer() {
  const setIntervalBefore = window.setInterval;
  window.setInterval = function (handler, ms, ...rest) {
    if (ms === 5 * 60 * 1000 && typeof handler === 'function') window.__benchBackupTimer = handler;
    return setIntervalBefore.call(this, handler, ms, ...rest);
  };
}

/** Fires the backup timer now, as five minutes of coding would. */
function requestBackup() {
  if (typeof window.__benchBackupTimer !== 'function') throw new Error('the app set no five-minute backup timer');
  window.__benchBackupTimer();
}

/** Whether the status bar says a backup round is being written. */
function backingUp() {
  return document.querySelector('.status-saved')?.textContent?.includes('Backing up') ?? false;
}

/** Backups listed in the OPFS index (the browser host's backup folder). */
async function backupCount() {
  try {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('marginalia-backups');
    const index = JSON.parse(await (await (await folder.getFileHandle('index.json')).getFile()).text());
    return index.backups.length;
  } catch {
    return 0;
  }
}

/** With BENCH_SCREENSHOTS=<folder>, the progress bar of the save and of the open is captured there (to look at, not timed). */
async function captureProgress(page, name) {
  const folder = process.env.BENCH_SCREENSHOTS;
  if (!folder) return;
  await page.getByRole('progressbar').waitFor({ timeout: 60_000 });
  await page.screenshot({ path: `${folder}/${name}.png` });
}

/**
 * A File-menu command, clicked in the in-window menu bar as a user would. Found by CSS and exact
 * text, not by role: Playwright's role engine walks the whole page on the page's own thread (the
 * big project's view has tens of thousands of nodes), and inside a timed region its work counted
 * as the app's longest task (seconds of it, while the app itself stayed under a frame).
 */
async function runMenuCommand(page, name) {
  await page.locator('#menu-File').click();
  await page.locator('[aria-labelledby="menu-File"] .menu-item').filter({ has: page.locator('.menu-item-label', { hasText: new RegExp(`^${name}$`) }) }).click();
}

/** The open's outcome dialog, by its title (CSS, polled cheaply: see runMenuCommand). */
function openOutcome(page) {
  return page.waitForFunction(
    () => [...document.querySelectorAll('dialog[open] .modal-title')].map((h) => h.textContent).find((t) => t === 'Project opened' || t === 'The project could not be opened') ?? null,
    undefined,
    { timeout: 120_000, polling: 100 },
  );
}

async function timed(page, work) {
  await page.evaluate(() => {
    window.__benchLongest = 0;
  });
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  const longest = await page.evaluate(() => window.__benchLongest);
  return { ms, longest };
}

export async function runProjectFiles({ baseUrl, profileDir, runs, sources }) {
  const samples = { workerSave: [], workerSaveRead: [], workerSaveWrite: [], workerOpen: [], workerOpenRead: [], workerOpenStore: [], workerOpenCheck: [], workerOpenCommit: [], save: [], saveLongest: [], open: [], openLongest: [], backup: [], apply: [], applyDuringBackup: [], lost: 0, bytes: 0 };
  const used = new Set();
  for (let run = 0; run < runs; run++) {
    const done = progress(`project files, run ${run + 1}/${runs}`);
    // The worker's part alone, through the bench page: where the time goes.
    const trip = await inSession(profileDir, `${baseUrl}storage.html`, (page) => page.evaluate(() => window.bench.projectFileRoundTrip()));
    samples.workerSave.push(trip.saveMs);
    samples.workerSaveRead.push(trip.save.read);
    samples.workerSaveWrite.push(trip.save.write);
    samples.workerOpen.push(trip.openMs);
    samples.workerOpenRead.push(trip.open.read);
    samples.workerOpenStore.push(trip.open.store);
    samples.workerOpenCheck.push(trip.open.check);
    samples.workerOpenCommit.push(trip.open.commit);
    samples.bytes = trip.bytes;
    const { context, page } = await openApp(profileDir, `${baseUrl}app/`, { highlighted: true, sources, counts: true }, captureBackupTimer);
    try {
      await page.evaluate(watchLongTasks);
      // Digit key → painted, alternately without and while a backup is written.
      for (let i = 0; i < APPLIES_PER_RUN; i++) {
        const during = i % 2 === 1;
        const before = during ? await page.evaluate(backupCount) : 0;
        const backupStarted = performance.now();
        if (during) await page.evaluate(requestBackup);
        const ms = await applyWithDigit(page, 10_000 + run * APPLIES_PER_RUN + i, used);
        if (ms === null) samples.lost += 1;
        else (during ? samples.applyDuringBackup : samples.apply).push(ms);
        if (during) {
          // The next pair starts once this round is over (the status bar no longer says "Backing
          // up…"), so every "during" key meets a fresh one and no paced round runs on into the Save
          // and Open below: a round backs up every changed project, the one an earlier run opened too.
          for (let waited = 0; (await page.evaluate(backupCount)) <= before || (await page.evaluate(backingUp)); waited++) {
            // Generous: on a machine shared with other work a big backup can take a minute or more.
            if (waited > 3000) throw new Error('the automatic backup was not written within 5 minutes');
            await page.waitForTimeout(100);
          }
          samples.backup.push(performance.now() - backupStarted);
        }
      }

      const saved = await timed(page, async () => {
        const download = page.waitForEvent('download', { timeout: 120_000 });
        await runMenuCommand(page, 'Save project as');
        await captureProgress(page, 'save-progress');
        samples.path = await (await download).path();
      });
      samples.save.push(saved.ms);
      samples.saveLongest.push(saved.longest);

      // The download is kept under a random name; the browser host opens only `.qdpx` names.
      // Handed over as a file on disk, not as a buffer: Playwright turns a buffer into a File by
      // decoding base64 in the page, on the page's thread, which counted as the app's longest
      // task (seconds for 12 MB). The browser host opens only `.qdpx` names.
      const file = join(await mkdtemp(join(tmpdir(), 'marginalia-bench-qdpx-')), 'Big project.qdpx');
      await copyFile(samples.path, file);
      samples.bytes = (await stat(file)).size;
      const chooser = page.waitForEvent('filechooser');
      await runMenuCommand(page, 'Open project');
      const opened = await timed(page, async () => {
        await (await chooser).setFiles(file);
        await captureProgress(page, 'open-progress');
        const outcome = await (await openOutcome(page)).jsonValue();
        if (outcome !== 'Project opened') throw new Error(`the saved file was refused: ${await page.locator('dialog[open]').textContent()}`);
      });
      samples.open.push(opened.ms);
      samples.openLongest.push(opened.longest);
      await page.getByRole('dialog', { name: 'Project opened' }).getByRole('button', { name: 'Close' }).click();
      done(`save ${saved.ms.toFixed(0)} ms, open ${opened.ms.toFixed(0)} ms, longest task ${Math.max(saved.longest, opened.longest).toFixed(0)} ms`);
    } finally {
      await context.close();
    }
  }
  delete samples.path;
  return samples;
}
