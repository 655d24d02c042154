// Diagnosis, not a benchmark: "Merge project" of a colleague's copy of the big project, planned and
// committed on the page thread (the merge worker is turned off for the run, so one CPU profile
// of the page shows the whole merge), then its Undo, each with the heaviest functions printed.
// Needs a built dist/bench and a profile seeded by workerTrip.mjs (SEED=1, same port):
//   node bench/profile/mergeProfile.mjs <profileDir> [outDir]
// WORKER=1 keeps the worker (wall times only; with TRACE=1, a Chromium trace of every thread).
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../../scripts/serveStatic.mjs';
import { distDir } from '../run/config.mjs';
import { openApp } from '../run/scenarios/app.mjs';
import { colleagueCopy } from '../run/scenarios/mergeProject.mjs';
import { summarise, traced } from './traceSummary.mjs';
import { selfTimes } from './selfTimes.mjs';

const [profileDir, outDir = '/tmp'] = process.argv.slice(2);
const server = await serveStatic(distDir, 4791);

async function profiled(page, name, work) {
  // The page's long animation frames meanwhile, with the scripts that made them.
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push({ ms: Math.round(e.duration), blocking: Math.round(e.blockingDuration), scripts: (e.scripts ?? []).map((s) => `${s.invoker} ${s.sourceFunctionName}@${s.sourceURL.split('/').pop()}:${s.sourceCharPosition} ${Math.round(s.duration)}ms`) });
    }).observe({ type: 'long-animation-frame', buffered: false });
  });
  const longFrames = async () => console.log(`  ${name}: long animation frames > 100 ms:`, JSON.stringify((await page.evaluate(() => window.__long)).filter((l) => l.ms > 100)));
  // TRACE=1: a Chromium trace instead, every thread (the merge worker's too), summarised.
  if (process.env.TRACE === '1') {
    const started = performance.now();
    const { events } = await traced(page, work, { out: `${outDir}/${name}.trace.json` });
    console.log(`\n${name}: ${(performance.now() - started).toFixed(0)} ms wall (traced)`);
    summarise(events, 20);
    await longFrames();
    return;
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  const { profile } = await cdp.send('Profiler.stop');
  await writeFile(`${outDir}/${name}.cpuprofile`, JSON.stringify(profile));
  const self = selfTimes(profile);
  const dt = profile.timeDeltas;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Inclusive: a sample counts once for every function on its stack.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at);
      if (!n.callFrame.url) continue;
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
    }
  });
  console.log(`\n${name}: ${ms.toFixed(0)} ms wall`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  self ${v.toFixed(0).padStart(6)} ms  ${k}`);
  for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  total ${v.toFixed(0).padStart(6)} ms  ${k}`);
  await longFrames();
}

async function menu(page, name) {
  await page.locator('#menu-File').click();
  await page.locator('[aria-labelledby="menu-File"] .menu-item').filter({ has: page.locator('.menu-item-label', { hasText: new RegExp(`^${name}$`) }) }).click();
}

const { context, page } = await openApp(profileDir, `${server.url}app/`, { highlighted: true, sources: Number(process.env.SOURCES ?? 500), counts: true });
page.on('console', (m) => console.log('[page]', m.text()));
try {
  const download = page.waitForEvent('download', { timeout: 300_000 });
  await menu(page, 'Save project as');
  const copy = colleagueCopy(await readFile(await (await download).path()));
  const file = join(await mkdtemp(join(tmpdir(), 'marginalia-merge-')), 'Big project (colleague).qdpx');
  await writeFile(file, copy.bytes);
  if (process.env.WORKER !== '1') await page.evaluate(() => { window.Worker = undefined; });
  const chooser = page.waitForEvent('filechooser');
  await menu(page, 'Merge project');
  const dialog = page.locator('dialog.modal', { hasText: 'Merge project' });
  await profiled(page, 'merge-plan', async () => {
    await (await chooser).setFiles(file);
    await dialog.locator('table[aria-label="What the merge does"]').or(dialog.locator('[role="alert"]')).waitFor({ timeout: 300_000 });
  });
  console.log(JSON.stringify(await page.evaluate(() => performance.getEntriesByName('marginalia: merge planned').at(-1)?.detail ?? null)));
  await profiled(page, 'merge-commit', async () => {
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 300_000 });
  });
  const undoButton = page.locator('button[title^="Undo: merge project"]');
  await undoButton.waitFor({ timeout: 60_000 });
  await profiled(page, 'merge-undo', async () => {
    await undoButton.click();
    await undoButton.waitFor({ state: 'detached', timeout: 300_000 });
  });
} finally {
  await context.close();
  server.close?.();
}
