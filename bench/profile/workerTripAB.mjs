// Diagnosis on a shared machine: the project-file worker's save of the seeded big project (as
// workerTrip.mjs), alternately from two builds, so both meet the same load. Copy a build of the
// commit to compare with elsewhere first (cp -r dist/bench /tmp/base-dist). With CPU=1 (Linux),
// also the CPU time each thread of the browser spent during the save (from /proc, polled): what
// a quiet machine's wall time would follow, when the load makes the wall times useless.
//   PORT=4791 ROUNDS=5 node bench/profile/workerTripAB.mjs <profileDir> <baseDist> [<newDist>=dist/bench]
import { readdir, readFile } from 'node:fs/promises';
import { serveStatic } from '../../scripts/serveStatic.mjs';
import { distDir } from '../run/config.mjs';
import { inSession } from '../run/session.mjs';

const [profileDir, baseDist, newDist = distDir] = process.argv.slice(2);
const port = Number(process.env.PORT ?? 4791);
const figures = { base: [], new: [] };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The browser started on `profileDir` and its child processes (renderers, utilities). */
async function browserPids() {
  const parents = new Map();
  let browser;
  for (const pid of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    parents.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(`--user-data-dir=${profileDir}`) && !cmdline.includes('--type=')) browser = pid;
  }
  return [...parents.keys()].filter((pid) => pid === browser || parents.get(pid) === browser || parents.get(parents.get(pid)) === browser);
}

/** CPU ms so far of every thread of those processes, by "process-type thread-name tid". */
async function threadTimes(pids) {
  const out = new Map();
  for (const pid of pids) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    const type = /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? 'browser';
    for (const tid of await readdir(`/proc/${pid}/task`).catch(() => [])) {
      const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8').catch(() => '');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (fields.length > 13) out.set(`${type} ${comm} ${tid}`, (Number(fields[11]) + Number(fields[12])) * 10);
    }
  }
  return out;
}

/** Polls thread CPU times until stopped; `between(a, b)` gives each thread's CPU ms in that window. */
function pollThreads() {
  const samples = [];
  let on = true;
  const loop = (async () => {
    let pids = [];
    while (on) {
      // The browser's processes, found again until the renderer and its workers are there.
      if (samples.length < 20) pids = await browserPids();
      samples.push({ t: performance.now(), times: await threadTimes(pids) });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    async stop() {
      on = false;
      await loop;
    },
    between(a, b) {
      const at = (t) => samples.reduce((best, s) => (Math.abs(s.t - t) < Math.abs(best.t - t) ? s : best), samples[0]);
      const [from, to] = [at(a), at(b)];
      const out = new Map();
      for (const [k, v] of to.times) {
        const d = v - (from.times.get(k) ?? 0);
        if (d >= 50) out.set(k, d);
      }
      return out;
    },
  };
}
for (let round = 0; round < Number(process.env.ROUNDS ?? 5); round++) {
  for (const [name, dir] of round % 2 === 0 ? [['base', baseDist], ['new', newDist]] : [['new', newDist], ['base', baseDist]]) {
    // The same port for both: IndexedDB belongs to the origin, where the project was seeded.
    const server = await serveStatic(dir, port);
    try {
      const cpu = process.env.CPU === '1' ? pollThreads() : null;
      let started = 0;
      const trip = await inSession(profileDir, `${server.url}storage.html`, (page) => {
        started = performance.now();
        return page.evaluate(() => window.bench.projectFileRoundTrip());
      });
      figures[name].push({ save: trip.saveMs, read: trip.save.read, write: trip.save.write });
      console.log(`${name}: save ${trip.saveMs.toFixed(0)} (read ${trip.save.read.toFixed(0)}, write ${trip.save.write.toFixed(0)})`);
      if (cpu) {
        await cpu.stop();
        const threads = [...cpu.between(started, started + trip.saveMs)].sort((a, b) => b[1] - a[1]);
        console.log(`  CPU during the save: ${threads.map(([k, v]) => `${k} ${v}`).join(', ')}`);
      }
    } finally {
      await server.close();
    }
  }
}
for (const name of ['base', 'new']) {
  const f = figures[name];
  console.log(`${name} median: save ${median(f.map((x) => x.save)).toFixed(0)}, read ${median(f.map((x) => x.read)).toFixed(0)}, write ${median(f.map((x) => x.write)).toFixed(0)}`);
}
