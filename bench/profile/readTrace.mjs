// Diagnosis: the .qdpx reader alone in Chromium (window.bench.projectFileRead: the seeded project
// written once, read back ROUNDS times on the bench page), with the page thread's heaviest
// functions over the reads. Needs a profile seeded by workerTrip.mjs on the same PORT.
//   PORT=4791 ROUNDS=3 node bench/profile/readTrace.mjs <profileDir> [trace.json]
import { serveStatic } from '../../scripts/serveStatic.mjs';
import { distDir } from '../run/config.mjs';
import { inSession } from '../run/session.mjs';
import { summarise, traced } from './traceSummary.mjs';

const [profileDir, out] = process.argv.slice(2);
const server = await serveStatic(distDir, Number(process.env.PORT ?? 4791));
try {
  await inSession(profileDir, `${server.url}storage.html`, async (page) => {
    const rounds = Number(process.env.ROUNDS ?? 3);
    if (process.env.TRACE === '0') {
      console.log(JSON.stringify(await page.evaluate((n) => window.bench.projectFileRead(n), rounds)));
      return;
    }
    const { value, events } = await traced(page, () => page.evaluate((n) => window.bench.projectFileRead(n), rounds), { out });
    console.log(JSON.stringify(value));
    summarise(events, Number(process.env.TOP ?? 30), process.env.UNDER ?? 'readQdpxInflating');
  });
} finally {
  server.close?.();
}
