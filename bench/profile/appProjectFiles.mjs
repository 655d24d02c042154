// Diagnosis, not a benchmark: "Save project as" and "Open project" of the big project in the web
// build, with a CPU profile of the page thread (DevTools protocol) during each, and the split of
// the worker's time. Needs a built dist/bench (npm run bench once, or BENCH_ONLY=projectfiles with
// BENCH_KEEP_PROFILES=1) and a profile seeded by workerTrip.mjs (same port, same origin); prints the
// page's heaviest functions.
//   node bench/profile/appProjectFiles.mjs <profileDir> [outDir]
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../../scripts/serveStatic.mjs';
import { distDir } from '../run/config.mjs';
import { openApp } from '../run/scenarios/app.mjs';
import { selfTimes } from './selfTimes.mjs';

const [profileDir, outDir = '/tmp'] = process.argv.slice(2);
const server = await serveStatic(distDir, Number(process.env.PORT ?? 4791));

async function profiled(page, name, work) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push({ start: Math.round(e.startTime), ms: Math.round(e.duration), scripts: (e.scripts ?? []).map((s) => `${s.invoker} ${s.sourceFunctionName}@${s.sourceURL.split('/').pop()}:${s.sourceCharPosition} ${Math.round(s.duration)}ms`) });
    }).observe({ type: 'long-animation-frame', buffered: false });
  });
  await cdp.send('Profiler.start');
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  const { profile } = await cdp.send('Profiler.stop');
  await writeFile(`${outDir}/${name}.cpuprofile`, JSON.stringify(profile));
  const long = await page.evaluate(() => window.__long);
  const self = selfTimes(profile);
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`\n${name}: ${ms.toFixed(0)} ms wall`);
  for (const [k, v] of top) console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
  console.log('  long animation frames > 200 ms:', JSON.stringify(long.filter((l) => l.ms > 200), null, 1));
}

// By CSS, not by role: Playwright's role engine would run on the page thread being profiled.
async function menu(page, name) {
  await page.locator('#menu-File').click();
  await page.locator('[aria-labelledby="menu-File"] .menu-item').filter({ has: page.locator('.menu-item-label', { hasText: new RegExp(`^${name}$`) }) }).click();
}

const { context, page } = await openApp(profileDir, `${server.url}app/`, { highlighted: true, sources: Number(process.env.SOURCES ?? 500), counts: true });
try {
  let path;
  await profiled(page, 'save', async () => {
    const download = page.waitForEvent('download', { timeout: 300_000 });
    await menu(page, 'Save project as');
    path = await (await download).path();
  });
  // A path, not a buffer: Playwright would decode a buffer's base64 on the page thread.
  const file = join(await mkdtemp(join(tmpdir(), 'marginalia-qdpx-')), 'Big project.qdpx');
  await copyFile(path, file);
  const chooser = page.waitForEvent('filechooser');
  await menu(page, 'Open project');
  await profiled(page, 'open', async () => {
    await (await chooser).setFiles(file);
    await page.waitForFunction(() => document.querySelector('dialog[open] .modal-title') !== null, undefined, { timeout: 300_000, polling: 100 });
    // What follows the report: the new project painted.
    await page.waitForTimeout(8000);
  });
} finally {
  await context.close();
  server.close?.();
}
