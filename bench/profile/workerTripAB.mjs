// Diagnosis on a shared machine: the project-file worker's save of the seeded big project (as
// workerTrip.mjs), alternately from two builds, so both meet the same load. Copy a build of the
// commit to compare with elsewhere first (cp -r dist/bench /tmp/base-dist).
//   PORT=4791 ROUNDS=5 node bench/profile/workerTripAB.mjs <profileDir> <baseDist> [<newDist>=dist/bench]
import { serveStatic } from '../../scripts/serveStatic.mjs';
import { distDir } from '../run/config.mjs';
import { inSession } from '../run/session.mjs';

const [profileDir, baseDist, newDist = distDir] = process.argv.slice(2);
const port = Number(process.env.PORT ?? 4791);
const figures = { base: [], new: [] };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (let round = 0; round < Number(process.env.ROUNDS ?? 5); round++) {
  for (const [name, dir] of round % 2 === 0 ? [['base', baseDist], ['new', newDist]] : [['new', newDist], ['base', baseDist]]) {
    // The same port for both: IndexedDB belongs to the origin, where the project was seeded.
    const server = await serveStatic(dir, port);
    try {
      const trip = await inSession(profileDir, `${server.url}storage.html`, (page) => page.evaluate(() => window.bench.projectFileRoundTrip()));
      figures[name].push({ save: trip.saveMs, read: trip.save.read, write: trip.save.write });
      console.log(`${name}: save ${trip.saveMs.toFixed(0)} (read ${trip.save.read.toFixed(0)}, write ${trip.save.write.toFixed(0)})`);
    } finally {
      await server.close();
    }
  }
}
for (const name of ['base', 'new']) {
  const f = figures[name];
  console.log(`${name} median: save ${median(f.map((x) => x.save)).toFixed(0)}, read ${median(f.map((x) => x.read)).toFixed(0)}, write ${median(f.map((x) => x.write)).toFixed(0)}`);
}
