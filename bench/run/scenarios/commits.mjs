// Big steps through the one door (commit, undo, redo) on the big project, each timed in the bench
// page (wall) and as CPU time of the whole browser (every process of the profile: the page, its
// workers, and the storage service that runs IndexedDB). 5,000 codings spread over the sources
// (what "Auto-code…" commits) and 50,000 (a colleague's half of the project, what "Merge project"
// adds); each is undone, redone and undone again, so runs repeat on the same project.
import { readFile, readdir } from 'node:fs/promises';
import { inSession, progress } from '../session.mjs';

/** Every process started with this profile (browser, renderers, utilities). */
async function profilePids(profileDir) {
  const all = [];
  const parent = new Map();
  let root = null;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const status = await readFile(`/proc/${entry}/status`, 'utf8').catch(() => '');
    const ppid = /PPid:\s+(\d+)/.exec(status)?.[1];
    if (ppid) parent.set(Number(entry), Number(ppid));
    all.push(Number(entry));
    if (cmdline.includes(`--user-data-dir=${profileDir}`) && !cmdline.includes('--type=')) root = Number(entry);
  }
  if (root === null) return [];
  const descends = (pid) => {
    for (let p = pid, guard = 0; p && guard < 64; p = parent.get(p), guard++) if (p === root) return true;
    return false;
  };
  return all.filter(descends);
}

async function cpuMs(pids) {
  let ticks = 0;
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return ticks * 10; // 100 ticks per second
}

export async function runCommitsScenario({ baseUrl, profileDir, runs }) {
  const samples = { autoCode: [], autoCodeCpu: [], autoCodeUndo: [], autoCodeUndoCpu: [], autoCodeRedo: [], autoCodeRedoCpu: [], big: [], bigCpu: [], bigUndo: [], bigUndoCpu: [], bigRedo: [], bigRedoCpu: [] };
  const shape = {};
  for (let run = 0; run < runs; run++) {
    const done = progress(`big commits, run ${run + 1}/${runs}`);
    await inSession(profileDir, `${baseUrl}storage.html`, async (page) => {
      const pids = await profilePids(profileDir);
      const step = async (name, cpuName, fn) => {
        const before = await cpuMs(pids);
        const out = await page.evaluate(fn);
        samples[name]?.push(out.ms);
        samples[cpuName]?.push((await cpuMs(pids)) - before);
        return out;
      };
      const codings = await page.evaluate(() => window.bench.commits.codingCount());
      shape.hits = (await page.evaluate(() => window.bench.commits.prepareAutoCode())).hits;
      shape.autoCoded = (await step('autoCode', 'autoCodeCpu', () => window.bench.commits.autoCode())).added;
      await step('autoCodeUndo', 'autoCodeUndoCpu', () => window.bench.commits.undo());
      await step('autoCodeRedo', 'autoCodeRedoCpu', () => window.bench.commits.redo());
      await step('x', 'x', () => window.bench.commits.undo());
      shape.big = (await page.evaluate(() => window.bench.commits.prepareBig())).codings;
      await step('big', 'bigCpu', () => window.bench.commits.bigCommit());
      const merged = await page.evaluate(() => window.bench.commits.codingCount());
      await step('bigUndo', 'bigUndoCpu', () => window.bench.commits.undo());
      await step('bigRedo', 'bigRedoCpu', () => window.bench.commits.redo());
      await step('x', 'x', () => window.bench.commits.undo());
      const after = await page.evaluate(() => window.bench.commits.codingCount());
      if (merged !== codings + shape.big || after !== codings) throw new Error(`codings: ${codings} before, ${merged} merged, ${after} after undo`);
      shape.codings = codings;
    });
    const last = (k) => samples[k].at(-1).toFixed(0);
    done(`auto-code ${last('autoCode')} ms (cpu ${last('autoCodeCpu')}), undo ${last('autoCodeUndo')} (cpu ${last('autoCodeUndoCpu')}), redo ${last('autoCodeRedo')}; 50k: commit ${last('big')} (cpu ${last('bigCpu')}), undo ${last('bigUndo')} (cpu ${last('bigUndoCpu')}), redo ${last('bigRedo')} (cpu ${last('bigRedoCpu')})`);
  }
  return { samples, shape };
}
