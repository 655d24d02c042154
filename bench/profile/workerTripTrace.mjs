// Diagnosis: the project-file worker's round trip (as workerTrip.mjs) under a Chromium trace, with
// the heaviest functions of the worker's thread (and the page's). Needs a profile seeded by
// workerTrip.mjs on the same PORT (default 4791).
//   PORT=4791 node bench/profile/workerTripTrace.mjs <profileDir> [trace.json]
import { serveStatic } from '../../scripts/serveStatic.mjs';
import { distDir } from '../run/config.mjs';
import { inSession } from '../run/session.mjs';
import { summarise, traced } from './traceSummary.mjs';

const [profileDir, out] = process.argv.slice(2);
const server = await serveStatic(distDir, Number(process.env.PORT ?? 4791));
try {
  await inSession(profileDir, `${server.url}storage.html`, async (page) => {
    page.on('console', (message) => {
      if (message.text().startsWith('OPENFAST')) console.log(message.text());
    });
    if (process.env.TRACE === '0') {
      console.log(JSON.stringify(await page.evaluate(() => window.bench.projectFileRoundTrip())));
      return;
    }
    const { value, events } = await traced(page, () => page.evaluate(() => window.bench.projectFileRoundTrip()), { out });
    console.log(JSON.stringify(value));
    summarise(events, Number(process.env.TOP ?? 30));
  });
} finally {
  server.close?.();
}
