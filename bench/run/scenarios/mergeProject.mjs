// "Merge project" in the real app on the big project: the project is saved as a .qdpx, and a
// colleague's copy is made from it (the same 100,000 codings, half of them by another coder), so
// merging it matches half the codings and adds the other half. marginalia.json stays: the
// seeded ids are not GUIDs, and without it their GUIDs would match nothing of ours. Timed from choosing the file to the preview (read and
// planned in the merge worker, with its progress bar), from "Merge" to the dialog closing (one
// commit), and the Undo of that step; with the page's longest task meanwhile.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { progress } from '../session.mjs';
import { openApp } from './app.mjs';

const COLLEAGUE = '0b5e55ed-0000-4000-8000-00000000c0de';

function watchLongTasks() {
  window.__benchLongest = 0;
  window.__benchProgressSeen = false;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__benchLongest = Math.max(window.__benchLongest, entry.duration);
  }).observe({ type: 'longtask', buffered: false });
  // Whether the merge showed its progress bar (it may be quick: watched, not polled).
  new MutationObserver(() => {
    if (document.querySelector('[role="progressbar"][aria-label^="Planning the merge"]')) window.__benchProgressSeen = true;
  }).observe(document.body, { childList: true, subtree: true });
}

/** The colleague's file: every other coding by another coder. */
export function colleagueCopy(bytes) {
  const files = unzipSync(new Uint8Array(bytes));
  let n = 0;
  let changed = 0;
  const xml = strFromU8(files['project.qde'])
    .replace(/<Coding guid="([^"]+)" creatingUser="[^"]+"/g, (whole, guid) => {
      if (n++ % 2 === 0) return whole;
      changed++;
      return `<Coding guid="${guid}" creatingUser="${COLLEAGUE}"`;
    })
    .replace('<Users>', `<Users><User guid="${COLLEAGUE}" name="Colleague"/>`);
  files['project.qde'] = strToU8(xml);
  return { bytes: Buffer.from(zipSync(files, { level: 1 })), codings: n, recoded: changed };
}

async function timed(page, work) {
  await page.evaluate(() => {
    window.__benchLongest = 0;
  });
  const started = performance.now();
  await work();
  return { ms: performance.now() - started, longest: await page.evaluate(() => window.__benchLongest) };
}

async function runMenu(page, menu, item) {
  await page.getByRole('menubar').getByRole('menuitem', { name: menu, exact: true }).click();
  await page.getByRole('menu', { name: menu }).getByRole('menuitem', { name: item, exact: true }).click();
}

// The source list is virtualised: it shows the rows in view, so "opened" waits for the first source (not all of them).
export async function runMergeScenario({ baseUrl, profileDir, runs }) {
  const samples = { plan: [], readFile: [], readOurs: [], check: [], planOnly: [], planLongest: [], commit: [], commitLongest: [], undo: [], undoLongest: [], progressSeen: 0, added: 0, matched: 0, codings: 0, bytes: 0 };
  let theirs = null;
  for (let run = 0; run < runs; run++) {
    const done = progress(`merge project, run ${run + 1}/${runs}`);
    const { context, page } = await openApp(profileDir, `${baseUrl}app/`, { highlighted: true, sources: 1, counts: true });
    try {
      await page.evaluate(watchLongTasks);
      if (!theirs) {
        const download = page.waitForEvent('download', { timeout: 180_000 });
        await runMenu(page, 'File', 'Save project as');
        const copy = colleagueCopy(await readFile(await (await download).path()));
        // On disk, chosen by path as a person chooses it: given as a buffer, Playwright would
        // decode the whole file from base64 on the page thread (seconds: a long task of the
        // benchmark's own, not of the app).
        theirs = join(await mkdtemp(join(tmpdir(), 'marginalia-bench-merge-file-')), 'Big project (colleague).qdpx');
        await writeFile(theirs, copy.bytes);
        samples.codings = copy.codings;
        samples.bytes = copy.bytes.byteLength;
      }
      const chooser = page.waitForEvent('filechooser');
      await runMenu(page, 'File', 'Merge project');
      const dialog = page.locator('dialog.modal', { hasText: 'Merge project' });
      const planned = await timed(page, async () => {
        await (await chooser).setFiles(theirs);
        const table = dialog.locator('table[aria-label="What the merge does"]');
        const failed = dialog.locator('[role="alert"]');
        await table.or(failed).waitFor({ timeout: 300_000 });
        if (await failed.isVisible()) throw new Error(`the merge failed: ${await failed.textContent()}`);
      });
      samples.plan.push(planned.ms);
      // The worker's own figures, from the page's User Timing mark (mergeSession.ts).
      const parts = await page.evaluate(() => performance.getEntriesByName('marginalia: merge planned').at(-1)?.detail ?? null);
      if (parts) {
        samples.readFile.push(parts.readFile);
        samples.readOurs.push(parts.readOurs);
        samples.check.push(parts.check);
        samples.planOnly.push(parts.plan);
      }
      samples.planLongest.push(planned.longest);
      if (await page.evaluate(() => window.__benchProgressSeen)) samples.progressSeen++;
      const row = await dialog.locator('tr', { hasText: 'Codings' }).locator('td').allTextContents();
      samples.added = Number(row[0]?.replace(/,/g, ''));
      samples.matched = Number(row[1]?.replace(/,/g, ''));
      const committed = await timed(page, async () => {
        await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
        await dialog.waitFor({ state: 'detached', timeout: 300_000 });
      });
      samples.commit.push(committed.ms);
      samples.commitLongest.push(committed.longest);
      // Undo takes the merge back, so the next run merges into the same project again.
      const undoButton = page.locator('button[title^="Undo: merge project"]');
      await undoButton.waitFor({ timeout: 60_000 });
      const undone = await timed(page, async () => {
        await undoButton.click();
        await undoButton.waitFor({ state: 'detached', timeout: 300_000 });
      });
      samples.undo.push(undone.ms);
      samples.undoLongest.push(undone.longest);
      done(`plan ${planned.ms.toFixed(0)} ms, merge ${committed.ms.toFixed(0)} ms, undo ${undone.ms.toFixed(0)} ms; ${samples.added} codings added, ${samples.matched} matched`);
    } finally {
      await context.close();
    }
  }
  return samples;
}
