// Split into cases with a catastrophic custom pattern (`^(a+)+$` over a line of 34 a's: the regular
// expression backtracks for seconds): the pattern runs in a worker that is stopped after 2 s, and
// the dialog must keep answering meanwhile. Measured in the real app (dist/bench/app): from a click
// on the dialog's "Ignore case" checkbox to the frame that paints it checked, several times while
// the worker grinds. This figure replaces the timed assertion the e2e test once made.
import { launchProfile } from '../chromium.mjs';
import { progress } from '../session.mjs';

const SOURCE = 'pattern-test.txt';
const TEXT = `Q1: The first answer.\nQ2: The second answer.\n${'a'.repeat(34)}!\n`;
const CATASTROPHIC = '^(a+)+$';
/** Clicks per run, all within the 2 s the worker is given. */
const TOGGLES = 8;

/** Injected: resolves with ms from the next click's timestamp to the frame painted after it. */
function armClickToPaint() {
  window.__benchClick = new Promise((resolve) => {
    addEventListener(
      'click',
      (event) => {
        const clicked = event.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          // Whether the pattern was still being tried when that frame was painted.
        channel.port1.onmessage = () =>
          resolve({ ms: performance.now() - clicked, running: document.querySelector('.pattern-status')?.textContent === 'Trying the pattern…' });
          channel.port2.postMessage(null);
        });
      },
      { capture: true, once: true },
    );
  });
}

async function importSource(page) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'Import sources' }).click();
  await (await chooser).setFiles([{ name: SOURCE, mimeType: 'text/plain', buffer: Buffer.from(TEXT) }]);
  const dialog = page.getByRole('dialog', { name: 'Import sources' });
  const button = dialog.getByRole('button', { name: 'Import', exact: true });
  await button.waitFor();
  // Enabled once the file has been read (as tests/e2e/support/importing.ts waits).
  for (let i = 0; i < 600 && !(await button.isEnabled()); i++) await page.waitForTimeout(100);
  await button.click();
  await dialog.waitFor({ state: 'detached', timeout: 60_000 });
}

export async function runSplitScenario({ baseUrl, profileDir, runs }) {
  const samples = { toggle: [], stopped: 0 };
  const context = await launchProfile(profileDir);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${baseUrl}app/`);
    await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'Import sources' }).waitFor({ timeout: 300_000 });
    await importSource(page);
    await page.getByRole('list', { name: 'Sources in this project' }).getByRole('button', { name: SOURCE, exact: true }).click();
    await page.waitForFunction((n) => document.querySelector('.document-title')?.textContent === n, SOURCE);
    for (let run = 0; run < runs; run++) {
      const done = progress(`split, catastrophic pattern, run ${run + 1}/${runs}`);
      await page.getByRole('region', { name: 'Document' }).getByRole('button', { name: 'Split into cases' }).click();
      const dialog = page.getByRole('dialog', { name: 'Split into cases' });
      await dialog.waitFor();
      await dialog.getByRole('radio', { name: 'Custom pattern' }).check();
      await dialog.getByRole('textbox', { name: 'Pattern' }).fill(CATASTROPHIC);
      const checkbox = dialog.getByRole('checkbox', { name: 'Ignore case' });
      const times = [];
      for (let i = 0; i < TOGGLES; i++) {
        await page.evaluate(armClickToPaint);
        await checkbox.click();
        const { ms, running } = await page.evaluate(() => window.__benchClick);
        // Only clicks answered while the worker ground count: the figure is about that.
        if (running) times.push(ms);
      }
      if (times.length === 0) throw new Error('the pattern worker had finished before the first click was painted');
      samples.toggle.push(...times);
      const status = dialog.locator('.pattern-status');
      const stopped = await page
        .waitForFunction(() => /was stopped/.test(document.querySelector('.pattern-status')?.textContent ?? ''), undefined, { timeout: 15_000 })
        .then(() => true, () => false);
      if (stopped) samples.stopped += 1;
      else throw new Error(`the catastrophic pattern was not stopped: ${await status.textContent()}`);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
      done(`${times.length} clicks while it ran, slowest ${Math.max(...times).toFixed(0)} ms`);
    }
  } finally {
    await context.close();
  }
  return samples;
}
