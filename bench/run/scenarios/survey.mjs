// Scenario 3, the survey: a 10,000-respondent CSV read, planned and stored by the product's survey
// import (in a database of its own per run, on disk). Opening it and coding an answer are measured
// in the app itself (scenarios/app.mjs) on a profile seeded with the same survey.
import { SEED } from '../config.mjs';
import { inSession, progress } from '../session.mjs';

export async function runSurveyScenario({ baseUrl, profileDir, runs, size }) {
  const samples = { papa: [], parse: [], plan: [], store: [], import: [] };
  let shape = null;
  for (let run = 0; run < runs; run++) {
    const done = progress(`survey import, run ${run + 1}/${runs}`);
    const result = await inSession(profileDir, `${baseUrl}survey.html`, (page) =>
      page.evaluate(([s, seed]) => window.bench.measureImport(s, seed), [size, SEED + 3]),
    );
    samples.papa.push(result.papaMs);
    samples.parse.push(result.parseMs);
    samples.plan.push(result.planMs);
    samples.store.push(result.storeMs);
    samples.import.push(result.parseMs + result.storeMs);
    shape ??= { bytes: result.bytes, rows: result.rows, cases: result.cases, sources: result.sources, segments: result.segments };
    done(`read + store ${(result.parseMs + result.storeMs).toFixed(0)} ms`);
  }
  return { samples, shape };
}

/** Stores the survey in the app's database of `profileDir`, for the app runs. */
export async function seedSurvey({ baseUrl, profileDir, size }) {
  const done = progress('seeding survey');
  const result = await inSession(profileDir, `${baseUrl}survey.html`, (page) =>
    page.evaluate(([s, seed]) => window.bench.seedSurvey(s, seed), [size, SEED + 3]),
  );
  done(`${result.cases.toLocaleString('en')} cases`);
  return result;
}
