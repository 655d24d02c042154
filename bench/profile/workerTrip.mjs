// Diagnosis: the project-file worker's save and open of the seeded big project through the bench
// page (window.bench.projectFileRoundTrip), with the worker's own split of the time.
//   SEED=1 node bench/profile/workerTrip.mjs <profileDir>   (SEED=1 the first time: stores the big project)
import { serveStatic } from '../../scripts/serveStatic.mjs';
import { distDir } from '../run/config.mjs';
import { inSession } from '../run/session.mjs';

const [profileDir] = process.argv.slice(2);
// A fixed port: IndexedDB belongs to the origin, so a profile seeded once is found again.
const server = await serveStatic(distDir, Number(process.env.PORT ?? 4791));
try {
  if (process.env.SEED === '1') {
    // QUICK=1: the bench's quick size (50 sources, 10,000 codings), for a loaded machine.
    const size = process.env.QUICK === '1' ? { sources: 50, sourceLength: 40_000, codings: 10_000, codes: 50 } : { sources: 500, sourceLength: 40_000, codings: 100_000, codes: 50 };
    console.log(JSON.stringify(await inSession(profileDir, `${server.url}storage.html`, (page) => page.evaluate(([s, n]) => window.bench.seedProject(s, n), [size, 20240117]))));
  }
  for (let i = 0; i < Number(process.env.ROUNDS ?? 1); i++) {
    const trip = await inSession(profileDir, `${server.url}storage.html`, (page) => page.evaluate(() => window.bench.projectFileRoundTrip()));
    console.log(JSON.stringify(trip));
  }
} finally {
  server.close?.();
}
