// The coding desk in the real app (issue 13), on the big document's profile with a second, small
// source added: clicking the big source (2 MB, 20,000 codings) → its text with highlights painted;
// a cold start → the last open source painted where it was scrolled to; a digit key in the code
// menu → painted with the menu bar and the status bar on (they always are).
import { APPLIES_PER_RUN } from '../config.mjs';
import { progress } from '../session.mjs';
import { applyWithDigit, openApp } from './app.mjs';

const SMALL = 'desk-small-note.txt';
/** Source switches timed per run (small → big, each one a sample). */
const SWITCHES = 5;

/** Injected: ms from the next click's pointerdown to the frame showing `name` with highlights. */
function armSwitch(name) {
  const ranges = () => {
    let n = 0;
    CSS.highlights.forEach((highlight, key) => {
      if (key.startsWith('mg-code-')) n += highlight.size;
    });
    return n;
  };
  window.__benchSwitch = new Promise((resolve) => {
    addEventListener(
      'pointerdown',
      (event) => {
        const pressed = event.timeStamp;
        const check = () => {
          const shown = document.querySelector('.document-title')?.textContent === name && document.querySelector('[data-para-start]') !== null && ranges() > 0;
          if (shown) {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - pressed);
            channel.port2.postMessage(null);
          } else if (performance.now() - pressed > 10_000) resolve(null);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      },
      { capture: true, once: true },
    );
  });
}

const sourceButton = (page, name) => page.locator('.source-list .source-open', { hasText: name }).first();

async function bigName(page) {
  const names = await page.locator('.source-list .source-open').allTextContents();
  return names.find((n) => n !== SMALL);
}

/** Scrolls the open document to its middle and waits for the place to be stored (as a reader pauses). */
async function leaveScrolledToMiddle(page) {
  await page.evaluate(() => {
    const scroller = document.querySelector('.document-scroll');
    scroller.scrollTop = scroller.scrollHeight / 2;
  });
  await page.waitForTimeout(800);
}

/** Adds the small source once, through "Import sources", then leaves the big one open mid-way. */
async function addSmallSource(baseUrl, profileDir) {
  const done = progress('desk: adding a small source');
  const { context, page } = await openApp(profileDir, `${baseUrl}app/`, { highlighted: true });
  try {
    const chooser = page.waitForEvent('filechooser');
    await page.locator('section.sources-panel').getByRole('button', { name: 'Import sources' }).click();
    await (await chooser).setFiles([{ name: SMALL, mimeType: 'text/plain', buffer: Buffer.from('A short note between two long readings.\n') }]);
    const dialog = page.getByRole('dialog', { name: 'Import sources' });
    const button = dialog.getByRole('button', { name: 'Import', exact: true });
    await button.waitFor();
    for (let i = 0; i < 300 && !(await button.isEnabled()); i++) await page.waitForTimeout(100);
    await button.click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
    await sourceButton(page, await bigName(page)).click();
    await page.locator('.document-title', { hasText: await bigName(page) }).waitFor();
    await leaveScrolledToMiddle(page);
  } finally {
    await context.close();
  }
  done('added');
}

export async function runDesk({ baseUrl, profileDir, runs }) {
  await addSmallSource(baseUrl, profileDir);
  const samples = { coldStart: [], switchSource: [], apply: [], lost: 0, restoredScroll: [] };
  const used = new Set();
  for (let run = 0; run < runs; run++) {
    const done = progress(`desk, run ${run + 1}/${runs}`);
    // Cold start: the last open source (the big one, scrolled to its middle) painted with highlights.
    const { context, page, state } = await openApp(profileDir, `${baseUrl}app/`, { highlighted: true });
    try {
      samples.coldStart.push(state.painted);
      const big = await bigName(page);
      // Opened where it was left: the paragraph at the top is far from the start.
      samples.restoredScroll.push(await page.evaluate(() => document.querySelector('.document-scroll')?.scrollTop ?? 0));
      for (let i = 0; i < SWITCHES; i++) {
        await sourceButton(page, SMALL).click();
        await page.locator('.document-title', { hasText: SMALL }).waitFor();
        await page.evaluate(armSwitch, big);
        await sourceButton(page, big).click();
        const ms = await page.evaluate(() => window.__benchSwitch);
        if (ms === null) samples.lost += 1;
        else samples.switchSource.push(ms);
      }
      for (let i = 0; i < APPLIES_PER_RUN; i++) {
        const ms = await applyWithDigit(page, 7_777 + run * APPLIES_PER_RUN + i, used);
        if (ms === null) samples.lost += 1;
        else samples.apply.push(ms);
      }
      await leaveScrolledToMiddle(page);
    } finally {
      await context.close();
    }
    done(`cold start ${state.painted.toFixed(0)} ms`);
  }
  return samples;
}
