// The browser (scripts/findChromium.mjs) through playwright-core: a persistent profile per scenario (IndexedDB on disk,
// as in the app; Playwright's newContext() would keep it in memory), and the memory figures: the
// JS heap and DOM counters from the DevTools protocol, and the renderer process's private memory
// from /proc.
import { readFile, readdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromiumPath } from './config.mjs';

// Quiet, deterministic Chromium: no sandbox (containers run as root), no GPU, none of the
// background traffic that makes timings noisy.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
export const VIEWPORT = { width: 1400, height: 900 };

/** @param {string} profileDir */
export async function launchProfile(profileDir) {
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: chromiumPath(), headless: true, args: ARGS, viewport: VIEWPORT });
  // "Who is coding?" answered before the app asks (the app's coder preference, in localStorage).
  await context.addInitScript(() => {
    try {
      if (!localStorage.getItem('marginalia.coder')) localStorage.setItem('marginalia.coder', JSON.stringify({ name: 'Bench' }));
    } catch {
      // Opaque origins have no localStorage.
    }
  });
  return context;
}

/** The Chromium version string, from a throwaway browser. */
export async function chromiumVersion() {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ARGS });
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}

/**
 * Opens a bench page and waits for its `window.bench`. Page errors are collected, and console
 * errors too (a failing page should say why in the runner's output).
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 */
export async function openBenchPage(context, url) {
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.benchReady === 'true', undefined, { timeout: 60_000 });
  return { page, errors };
}

/** Main process of the Chromium using `profileDir`, found by its command line. */
async function browserPid(profileDir) {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(`--user-data-dir=${profileDir}`) && !cmdline.includes('--type=')) return Number(entry);
  }
  return null;
}

/** Renderer processes descending from the browser process, except its WebUI and extension ones. */
async function rendererPids(rootPid) {
  const parent = new Map();
  const renderers = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const status = await readFile(`/proc/${entry}/status`, 'utf8').catch(() => '');
    const ppid = /PPid:\s+(\d+)/.exec(status)?.[1];
    if (ppid) parent.set(Number(entry), Number(ppid));
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('--type=renderer') && !cmdline.includes('--top-chrome-webui') && !cmdline.includes('--extension-process')) {
      renderers.push(Number(entry));
    }
  }
  const descends = (pid) => {
    for (let p = pid, guard = 0; p && guard < 64; p = parent.get(p), guard++) if (p === rootPid) return true;
    return false;
  };
  return renderers.filter(descends);
}

/** CPU time a process has used, in clock ticks (user + system). */
async function cpuTicks(pid) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // Fields after the command name (which may hold spaces, so split after its closing bracket).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
}

/** Private (unshared) memory of a process in bytes: what it alone costs the machine. */
async function privateBytes(pid) {
  const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(rollup)?.[1] ?? 0);
  return (kb('Private_Clean') + kb('Private_Dirty')) * 1024;
}

/**
 * The renderer hosting the page under test: of this profile's page renderers, the one that has
 * worked the most (the others are Chromium's idle spare processes).
 */
async function pageRenderer(profileDir) {
  const root = await browserPid(profileDir);
  if (root === null) return null;
  let best = null;
  for (const pid of await rendererPids(root)) {
    const ticks = await cpuTicks(pid);
    if (best === null || ticks > best.ticks) best = { pid, ticks };
  }
  return best?.pid ?? null;
}

/**
 * Memory of the page after a full garbage collection: JS heap used, DOM nodes and layout objects
 * (DevTools Performance metrics), and the private memory of the renderer hosting it (see
 * pageRenderer).
 * @param {import('playwright-core').Page} page
 * @param {string} profileDir
 */
export async function measureMemory(page, profileDir) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    // A critical memory-pressure signal makes V8 and Blink's allocators hand free pages back to
    // the system; without it, how much freed memory a process still holds varies by tens of MB
    // from run to run and the difference of two readings says little.
    await cdp.send('Memory.simulatePressureNotification', { level: 'critical' });
    await cdp.send('HeapProfiler.collectGarbage');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
    const pid = await pageRenderer(profileDir);
    const renderer = pid === null ? null : await privateBytes(pid);
    return { jsHeapUsed: metric('JSHeapUsedSize'), nodes: metric('Nodes'), layoutObjects: metric('LayoutObjects'), rendererPrivate: renderer };
  } finally {
    await cdp.detach();
  }
}
