// `npm run bench`: builds the bench pages and the web app, serves them, seeds synthetic projects
// (fixed seed) into Chromium profiles on disk, runs every scenario BENCH_RUNS times in Debian's
// Chromium, and writes bench/results.json, a table on stdout and, for a full run, bench/RESULTS.md.
// Environment: BENCH_RUNS (default 5), BENCH_QUICK=1 (small sizes, 2 runs), BENCH_ONLY=document,app,
// project,projectfiles,storage,survey,split,analysis,queries,agreement,merge,commits,desk (a subset), BENCH_PEER_RUNS (default 1: the peer needs minutes per run),
// BENCH_SKIP_BUILD=1, BENCH_KEEP_PROFILES=1, CHROMIUM_PATH; BENCH_REPORT_ONLY=1 rewrites
// bench/RESULTS.md from the last bench/results.json without measuring anything.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { serveStatic } from '../scripts/serveStatic.mjs';
import { buildAll } from './run/build.mjs';
import { chromiumVersion } from './run/chromium.mjs';
import { benchDir, browserMissing, distDir, only, quick, repoRoot, runs, SCROLL_STEPS, SEED, sizes, skipBuild, wanted } from './run/config.mjs';
import { buildRows, markdownTable, printTable, targetMet } from './run/report.mjs';
import { inSession, progress } from './run/session.mjs';
import { runDocumentScenario } from './run/scenarios/document.mjs';
import { runAppDocument, runAppProject, runAppSurvey } from './run/scenarios/app.mjs';
import { runDesk } from './run/scenarios/desk.mjs';
import { runProjectScenario } from './run/scenarios/project.mjs';
import { runProjectFiles } from './run/scenarios/projectFiles.mjs';
import { runStorageScenario } from './run/scenarios/storage.mjs';
import { runSurveyScenario, seedSurvey } from './run/scenarios/survey.mjs';
import { runSplitScenario } from './run/scenarios/split.mjs';
import { runMergeScenario } from './run/scenarios/mergeProject.mjs';
import { runCommitsScenario } from './run/scenarios/commits.mjs';
import { runAnalysisScenario } from './run/scenarios/analysis.mjs';
import { runQueriesScenario } from './run/scenarios/queries.mjs';
import { runAgreementScenario } from './run/scenarios/agreement.mjs';

const peerRuns = Math.max(0, Number(process.env.BENCH_PEER_RUNS ?? 1));
const PEER_TIMEOUT_MS = 15 * 60_000;

function git(...args) {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

async function seed(baseUrl, profileDir, what, size, seedValue) {
  const done = progress(`seeding ${what}`);
  const result = await inSession(profileDir, `${baseUrl}storage.html`, (page) =>
    page.evaluate(([w, s, n]) => (w === 'document' ? window.bench.seedDocument(s, n) : w === 'team' ? window.bench.seedTeamProject(s, n) : window.bench.seedProject(s, n)), [what, size, seedValue]),
  );
  done(`${result.codings.toLocaleString('en')} codings, ${(result.textBytes / 1024 / 1024).toFixed(1)} MB of text`);
  return result;
}

async function main() {
  if (process.env.BENCH_REPORT_ONLY === '1') {
    const output = JSON.parse(await readFile(resolve(benchDir, 'results.json'), 'utf8'));
    printTable(output.rows);
    await writeFile(resolve(benchDir, 'RESULTS.md'), resultsMarkdown(output, output.rows));
    console.log('Written: bench/RESULTS.md');
    return;
  }
  // No browser: one line saying how to get one, before minutes of building.
  const missing = browserMissing();
  if (missing) {
    console.error(missing);
    process.exitCode = 1;
    return;
  }
  const started = Date.now();
  console.log(`Marginalia benchmark: ${quick ? 'quick sizes' : 'full sizes'}, ${runs} run(s) per scenario, peer ${peerRuns} run(s)`);
  if (!skipBuild) {
    const done = progress('building the bench pages and the web app');
    await buildAll();
    done();
  }
  const server = await serveStatic(distDir, 0);
  const baseUrl = server.url;
  const profiles = [];
  const profile = async (name) => {
    const dir = await mkdtemp(join(tmpdir(), `marginalia-bench-${name}-`));
    profiles.push(dir);
    return dir;
  };
  const results = {};
  const seeds = {};
  const failures = {};
  // A scenario that fails is reported and the others still run: one broken page must not cost
  // the figures of the rest.
  const attempt = async (key, work) => {
    try {
      return await work();
    } catch (error) {
      failures[key] = error instanceof Error ? error.message.split('\n')[0] : String(error);
      console.log(`\n  ${key} failed: ${failures[key]}`);
      return undefined;
    }
  };
  try {
    const chromium = await chromiumVersion();
    console.log(`Chromium ${chromium}, ${cpus().length} cores`);
    results.machine = { loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))), cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGB: Math.round(totalmem() / 2 ** 30), platform: `${platform()} ${release()}`, node: process.version, chromium };

    if (wanted('document') || wanted('app')) {
      const dir = await profile('document');
      seeds.document = await seed(baseUrl, dir, 'document', sizes.document, SEED + 1);
      if (wanted('document')) {
        results.document = await attempt('document', () =>
          runDocumentScenario({ baseUrl, profileDir: dir, runs, peerRuns, peerCodings: sizes.peerCodings, peerTimeoutMs: PEER_TIMEOUT_MS }),
        );
      }
      // Last on this profile: coding in the app adds codings to the seeded source.
      if (wanted('app')) results.appDocument = await attempt('app, big document', () => runAppDocument({ baseUrl, profileDir: dir, runs }));
    }
    if (wanted('desk')) {
      // Its own profile: it adds a source to the big document's project.
      const dir = await profile('desk');
      seeds.desk = await seed(baseUrl, dir, 'document', sizes.document, SEED + 1);
      results.desk = await attempt('desk', () => runDesk({ baseUrl, profileDir: dir, runs }));
    }
    if (wanted('project') || wanted('app') || wanted('storage') || wanted('survey') || wanted('queries')) {
      const dir = await profile('project');
      if (wanted('project') || wanted('app') || wanted('queries')) {
        seeds.project = await seed(baseUrl, dir, 'project', sizes.project, SEED + 2);
        if (wanted('queries')) results.queries = await attempt('queries', () => runQueriesScenario({ baseUrl, profileDir: dir, runs, sources: sizes.project.sources }));
        if (wanted('project')) results.project = await attempt('project', () => runProjectScenario({ baseUrl, profileDir: dir, runs }));
        if (wanted('app')) results.appProject = await attempt('app, big project', () => runAppProject({ baseUrl, profileDir: dir, runs, sources: sizes.project.sources }));
      }
      if (wanted('storage')) results.storage = await attempt('storage', () => runStorageScenario({ baseUrl, profileDir: dir, runs, size: sizes.storage }));
      if (wanted('survey')) results.survey = await attempt('survey', () => runSurveyScenario({ baseUrl, profileDir: dir, runs, size: sizes.survey }));
    }
    if (wanted('projectfiles')) {
      // Its own profile: opening a file adds a project, which the other scenarios must not see.
      const dir = await profile('projectfiles');
      seeds.projectFiles = await seed(baseUrl, dir, 'project', sizes.project, SEED + 2);
      results.projectFiles = await attempt('project files', () => runProjectFiles({ baseUrl, profileDir: dir, runs, sources: sizes.project.sources }));
    }
    if (wanted('merge')) {
      // Its own profile: the merge (undone after each run) must not touch the other scenarios' project.
      const dir = await profile('merge');
      seeds.merge = await seed(baseUrl, dir, 'project', sizes.project, SEED + 2);
      results.merge = await attempt('merge project', () => runMergeScenario({ baseUrl, profileDir: dir, runs, sources: sizes.project.sources }));
    }
    if (wanted('commits')) {
      // Its own profile: the big steps (each undone again) add a code to the project.
      const dir = await profile('commits');
      seeds.commits = await seed(baseUrl, dir, 'project', sizes.project, SEED + 2);
      results.commits = await attempt('big commits', () => runCommitsScenario({ baseUrl, profileDir: dir, runs }));
    }
    if (wanted('analysis')) {
      // Its own profile: the scenario adds 500 cases to the big project.
      const dir = await profile('analysis');
      seeds.analysis = await seed(baseUrl, dir, 'project', sizes.project, SEED + 2);
      results.analysis = await attempt('analysis', () => runAnalysisScenario({ baseUrl, profileDir: dir, runs, sources: sizes.project.sources }));
    }
    if (wanted('survey') || wanted('app')) {
      const dir = await profile('survey');
      seeds.survey = await seedSurvey({ baseUrl, profileDir: dir, size: sizes.survey });
      // The survey's figures include opening it and coding an answer in the app (the seed is for that).
      results.appSurvey = await attempt('app, survey', () => runAppSurvey({ baseUrl, profileDir: dir, runs, cases: seeds.survey.cases }));
    }
    if (wanted('agreement')) {
      // Its own profile: the big project coded by three coders.
      const dir = await profile('agreement');
      seeds.agreement = await seed(baseUrl, dir, 'team', sizes.project, SEED + 2);
      results.agreement = await attempt('agreement', () => runAgreementScenario({ baseUrl, profileDir: dir, runs, sources: sizes.project.sources }));
    }
    if (wanted('split')) {
      const dir = await profile('split');
      results.split = await attempt('split', () => runSplitScenario({ baseUrl, profileDir: dir, runs }));
    }
  } finally {
    await server.close();
    if (process.env.BENCH_KEEP_PROFILES === '1') console.log(`profiles kept: ${profiles.join(', ')}`);
    else await Promise.all(profiles.map((dir) => rm(dir, { recursive: true, force: true })));
  }

  const rows = buildRows({ ...results, sizes, seeds });
  const dirtyProduct = (git('status', '--porcelain', '--', 'renderer', 'shared') ?? '').split('\n').filter(Boolean).length;
  const output = {
    date: new Date().toISOString(),
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommittedProductFiles: dirtyProduct,
    quick,
    runs,
    peerRuns,
    seed: SEED,
    sizes,
    machine: results.machine,
    seeding: seeds,
    failures,
    rows: rows.map((row) => ({ ...row, met: targetMet(row) })),
    samples: { document: results.document ?? null, appDocument: results.appDocument ?? null, project: results.project ?? null, appProject: results.appProject ?? null, projectFiles: results.projectFiles ?? null, storage: results.storage ?? null, survey: results.survey ?? null, appSurvey: results.appSurvey ?? null, split: results.split ?? null, analysis: results.analysis ?? null, desk: results.desk ?? null, queries: results.queries ?? null, merge: results.merge ?? null, agreement: results.agreement ?? null, commits: results.commits ?? null },
    durationSeconds: Math.round((Date.now() - started) / 1000),
    // Other work on the machine skews every figure: the load averages say how busy it was.
    loadAverageAtEnd: loadavg().map((x) => Number(x.toFixed(2))),
  };
  await writeFile(resolve(benchDir, 'results.json'), `${JSON.stringify(output, null, 2)}\n`);
  printTable(rows);
  for (const [key, message] of Object.entries(failures)) console.log(`FAILED ${key}: ${message}`);
  if (Object.keys(failures).length > 0) process.exitCode = 1;
  const m = results.machine;
  console.log(`\n${m.cpus} cores (${m.cpuModel}), Chromium ${m.chromium}, ${output.durationSeconds} s. Written: bench/results.json`);
  if (!quick && only.length === 0) {
    await writeFile(resolve(benchDir, 'RESULTS.md'), resultsMarkdown(output, rows));
    console.log('Written: bench/RESULTS.md');
  }
}

function resultsMarkdown(output, rows) {
  const m = output.machine;
  const busiest = Math.max(...m.loadAverageAtStart, ...output.loadAverageAtEnd);
  const busy =
    busiest > m.cpus / 2
      ? `\nThe machine was shared with other work during this run (load average up to ${busiest} on ${m.cpus} cores), which slows
and spreads the figures: compare ratios within a row rather than absolute times across runs.\n`
      : '';
  return `# Benchmark results

\`npm run bench\` on ${output.date.slice(0, 10)}: ${m.cpus} cores (${m.cpuModel}), ${m.memoryGB} GB, ${m.platform}, Node ${m.node},
Chromium ${m.chromium} (headless, \`--disable-gpu\`). Load average ${m.loadAverageAtStart.join(' / ')} at the start, ${output.loadAverageAtEnd.join(' / ')} at the end. Commit ${output.commit}${output.uncommittedProductFiles ? ` with ${output.uncommittedProductFiles} uncommitted product files` : ''}.
${output.runs} runs per scenario (the peer: ${output.peerRuns}, it takes minutes per run); seed ${output.seed}. Cells are the median, with the
95th percentile in brackets, over every sample of every run. Memory is measured after a full garbage collection, as the
increase over the same page before the document was loaded.
${busy}
${markdownTable(rows)}
${Object.entries(output.failures ?? {})
  .map(([key, message]) => `\n**Failed: ${key}** — ${message}\n`)
  .join('')}
- **Ours** is the product: \`DocumentView\` with the real \`HighlightPainter\`, the repository, the operations, the app's live queries, the
  analysis worker (retrieval, co-occurrence, segments CSV export); "real app" rows drive the web build itself. **Naive** renders every paragraph and wraps codings in nested
  \`<mark>\`s (bench/naive/). **Peer** is \`@recogito/text-annotator\` loading the same codings as W3C annotations.
- "→ painted" ends when the frame showing the change has been produced (a message posted from the next animation frame has
  arrived). Changes start at varying points of a frame, as keypresses do, so the figure includes the wait for the next frame
  (0–16.7 ms); "main-thread work" is the part before that wait.
- Frames are timed by \`requestAnimationFrame\` while the scroller moves from top to bottom in ${SCROLL_STEPS} equal steps, one per frame;
  "over 16.7 ms" counts frames that missed their vsync (longer than 20 ms, timer jitter aside).
- The memory target is 2 × the text's UTF-8 size + 200 bytes per coding. Retrieval ends when the first screen of segments
  (40) has its text; the retrieval, matrix and CSV figures include the round trip to the analysis worker.
- Why the misses miss, and what would fix them: [DIAGNOSIS.md](DIAGNOSIS.md) (written by hand, dated; rerunning the
  benchmark does not update it).
`;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
