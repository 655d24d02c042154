// Runs a browser bundle (an ES module) in a page of the bench's Chromium, printing its console,
// until it sets globalThis.benchDone: for the profile scripts that also run in Node.
//   node bench/profile/inChromium.mjs /tmp/bundle.js
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../run/config.mjs';

const code = await readFile(process.argv[2], 'utf8');
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
  await page.goto('http://localhost/');
  await page.waitForFunction(() => globalThis.benchDone === true, undefined, { timeout: 600_000, polling: 500 });
} finally {
  await browser.close();
}
