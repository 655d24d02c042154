// Runs a browser bundle (an ES module) in a page of the bench's Chromium, printing its console,
// until it sets globalThis.benchDone: for the profile scripts that also run in Node.
//   node bench/profile/inChromium.mjs /tmp/bundle.js [/tmp/out.cpuprofile]
// With a second argument, the page's CPU profile (DevTools format) is written there.
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../run/config.mjs';

const [bundle, profileOut] = process.argv.slice(2);
const code = await readFile(bundle, 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  page.on('console', (message) => console.log(message.text()));
  page.on('pageerror', (error) => console.error(String(error)));
  await page.route('http://localhost/**', (route) =>
    route.request().url().endsWith('.js')
      ? route.fulfill({ body: code, contentType: 'text/javascript' })
      : route.fulfill({ body: '<!doctype html><script type="module" src="/bundle.js"></script>', contentType: 'text/html' }),
  );
  const cdp = profileOut ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  await page.goto('http://localhost/', { waitUntil: 'commit' });
  await page.waitForFunction(() => globalThis.benchDone === true, undefined, { timeout: 600_000, polling: 500 });
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(profileOut, JSON.stringify(profile));
  }
} finally {
  await browser.close();
}
