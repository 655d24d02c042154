// Real Chromium (through playwright-core) for the end-to-end tests: launching it, opening the
// served web build in a fresh context, reading back what the app downloads or draws, and keeping
// every uncaught page error for the check after each test (tests/setup/e2e.ts).
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { CHROMIUM_HINT, findChromium } from '../../../scripts/findChromium.mjs';
import { testResultsDir } from './paths';
import { dismissTourIn } from './tour';

/** The browser found as a user's machine has one (scripts/findChromium.mjs). */
function chromiumPath(): string {
  const found = findChromium();
  if (found.path === null) throw new Error(`No browser for the end-to-end tests (${found.reason}): ${CHROMIUM_HINT}.`);
  return found.path;
}

/** Uncaught errors from every page the tests opened, not yet checked by `takeUncaughtPageErrors`. */
const uncaughtPageErrors: string[] = [];
const watchedContexts = new WeakSet<BrowserContext>();

/** Records the uncaught errors of every page of `context`, present and future. */
function watchPageErrors(context: BrowserContext): void {
  if (watchedContexts.has(context)) return;
  watchedContexts.add(context);
  const watch = (page: Page) => page.on('pageerror', (error) => uncaughtPageErrors.push(`${page.url()}: ${error.stack ?? error.message}`));
  context.pages().forEach(watch);
  context.on('page', watch);
}

/** The uncaught page errors since the last call (each test must end with none). */
export function takeUncaughtPageErrors(): string[] {
  return uncaughtPageErrors.splice(0);
}

// Quiet, deterministic Chromium: no sandbox (CI containers run as root), no GPU, and none of the
// background traffic (updates, sync, QUIC) that makes timings noisy on a machine without network.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const viewport = { width: 1400, height: 900 };

/** The coder every test codes as unless it says otherwise (tests/e2e/coders.test.ts asks instead). */
export const TEST_CODER = 'Tester';

/**
 * Answers "Who is coding?" for a profile before the app asks: the machine's coder preference
 * (renderer/src/features/coders/coderPreference.ts) preset in localStorage, unless one is stored
 * already. `null`: preset nothing, the app asks. An object may fix the colour too.
 */
export async function presetCoder(context: BrowserContext, coder: string | { name: string; color?: string } | null = TEST_CODER): Promise<void> {
  if (coder === null) return;
  const preference = typeof coder === 'string' ? { name: coder } : coder;
  await context.addInitScript((value: string) => {
    try {
      if (!localStorage.getItem('marginalia.coder')) localStorage.setItem('marginalia.coder', value);
    } catch {
      // about:blank and other opaque origins have no localStorage.
    }
  }, JSON.stringify(preference));
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
}

/**
 * A browser profile kept in `userDataDir`, for tests whose data (IndexedDB) must survive closing
 * and relaunching the browser. Pass the returned context to `openApp`.
 */
export async function launchPersistent(userDataDir: string, options: { coder?: string | { name: string; color?: string } | null } = {}): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs,
    viewport,
    acceptDownloads: true,
  });
  watchPageErrors(context);
  await dismissTourIn(context);
  await presetCoder(context, options.coder);
  return context;
}

export interface OpenAppOptions {
  /** Appended to the base URL, e.g. '#/sources'. */
  path?: string;
  /** Show the first-run tour (dismissed otherwise, so it stays out of other tests' way). */
  tour?: boolean;
  /**
   * Who is coding, for a fresh context (default `TEST_CODER`); `null` lets the app ask "Who is
   * coding?". A persistent context takes its coder from `launchPersistent`.
   */
  coder?: string | { name: string; color?: string } | null;
}

export interface OpenApp {
  context: BrowserContext;
  page: Page;
  /**
   * Uncaught exceptions thrown in the page since it opened. Every test already fails on one
   * (tests/setup/e2e.ts); this list is for a test that wants to look at them itself.
   */
  pageErrors: Error[];
  /** Closes the page, and the context too when openApp created it. */
  close(): Promise<void>;
}

/**
 * Opens the web build. Given a Browser, in a fresh context (empty storage, its own downloads);
 * given a persistent context from `launchPersistent`, in a new page of that profile.
 */
export async function openApp(host: Browser | BrowserContext, options: OpenAppOptions = {}): Promise<OpenApp> {
  // Only a Browser can make contexts; a persistent context is the profile itself.
  const persistent = !('newContext' in host);
  const context = 'newContext' in host ? await host.newContext({ viewport, acceptDownloads: true }) : host;
  watchPageErrors(context);
  if (!options.tour) await dismissTourIn(context);
  if (!persistent) await presetCoder(context, options.coder);
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(new URL(options.path ?? '', inject('baseUrl')).href);
  return {
    context,
    page,
    pageErrors,
    close: async () => {
      if (persistent) await page.close();
      else await context.close();
    },
  };
}

/** What `appForSuite` opened: there once the suite's first hook has run. */
export interface SuiteApp {
  readonly browser: Browser;
  readonly app: OpenApp;
  readonly page: Page;
}

/**
 * The app in a fresh browser for the tests of one `describe`: launched and opened before its
 * first test, closed after its last. Call it in the describe's body; read its fields in hooks
 * and tests (a later `beforeAll` of the same describe already sees them).
 */
export function appForSuite(options: OpenAppOptions = {}): SuiteApp {
  let browser: Browser | undefined;
  let app: OpenApp | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, options);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('appForSuite: the suite has not started yet');
    return value;
  };
  return {
    get browser() {
      return started(browser);
    },
    get app() {
      return started(app);
    },
    get page() {
      return started(app).page;
    },
  };
}

/** The downloaded file's contents as UTF-8 text (CSV, XML, HTML, Markdown exports). */
export async function readDownload(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

/** The downloaded file's bytes (zip-based exports such as .qdpx and .docx). */
export async function readDownloadBytes(download: Download): Promise<Uint8Array> {
  return new Uint8Array(await readFile(await download.path()));
}

/** Saves a screenshot to test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const dir = resolve(testResultsDir, 'screenshots');
  await mkdir(dir, { recursive: true });
  const path = resolve(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}
