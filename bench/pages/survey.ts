// The survey scenario: a 10,000-respondent CSV through the product's survey import: read
// (decode, papaparse, table checks), planned (cases, attributes, the answers' source) and stored
// by the importSurvey operation in one transaction, in a database of its own that is deleted
// afterwards. `seedSurvey` stores the same survey in the app's database, with a few codes, for
// the runs that open it in the app. Papaparse alone is timed too, as the floor under any import.
import Dexie from 'dexie';
import Papa from 'papaparse';
import { parseSurveyFile, planSurveyImport, suggestSurveyMapping, type SurveyMapping, type SurveyTable } from '../../shared/import/survey';
import { getDb, openDatabase, replaceDatabase } from '../../renderer/src/db/db';
import { createProject } from '../../renderer/src/db/operations/projects';
import { createCode } from '../../renderer/src/db/operations/codes';
import { importSurvey } from '../../renderer/src/db/operations/imports';
import { CODER_NAME_KEY, FIRST_RUN_DONE_KEY, LAST_PROJECT_KEY, setSetting } from '../../renderer/src/db/operations/settings';
import { generateCodebook } from '../generate/codebook';
import { BENCH_CODER } from '../generate/bigDocument';
import { createRandom } from '../generate/random';
import { generateSurveyCsv, SURVEY_ANSWER_COLUMN, SURVEY_ID_COLUMN } from '../generate/survey';
import type { SurveySize } from '../generate/sizes';
import { exposeBench } from './benchApi';

const SURVEY_DB = 'bench-survey';
const FILE_NAME = 'survey.csv';

/** The mapping a user would confirm: respondent id, the one open question, the rest as attributes. */
function mappingFor(table: SurveyTable): SurveyMapping {
  const suggested = suggestSurveyMapping(table);
  return {
    ...suggested,
    idColumn: SURVEY_ID_COLUMN,
    textColumns: [SURVEY_ANSWER_COLUMN],
    attributeColumns: suggested.attributeColumns.filter((a) => a.column !== SURVEY_ANSWER_COLUMN && a.column !== SURVEY_ID_COLUMN),
    layout: 'source-per-question',
  };
}

async function readTable(bytes: Uint8Array): Promise<SurveyTable> {
  const parsed = await parseSurveyFile(bytes, 'csv');
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.table;
}

const bench = {
  async measureImport(size: SurveySize, seed: number) {
    const csv = generateSurveyCsv(size, seed);
    const bytes = new TextEncoder().encode(csv);

    let started = performance.now();
    const raw = Papa.parse<string[]>(csv, { header: false, skipEmptyLines: true });
    const papaMs = performance.now() - started;

    started = performance.now();
    const table = await readTable(bytes);
    const parseMs = performance.now() - started;
    const mapping = mappingFor(table);

    // The plan alone (importSurvey makes it again inside its transaction).
    started = performance.now();
    const planned = planSurveyImport(table, mapping, { projectId: 'bench', newId: () => crypto.randomUUID(), now: new Date().toISOString() });
    const planMs = performance.now() - started;
    if (!planned.ok) throw new Error(planned.reason);

    await Dexie.delete(SURVEY_DB);
    const db = openDatabase(SURVEY_DB);
    replaceDatabase(db);
    try {
      const project = await createProject('Bench: survey');
      started = performance.now();
      const stored = await importSurvey(project.id, { name: FILE_NAME, byteSize: bytes.byteLength, format: 'csv', encoding: 'UTF-8', table, mapping });
      const storeMs = performance.now() - started;
      return {
        bytes: bytes.byteLength,
        rows: raw.data.length - 1,
        papaMs,
        parseMs,
        planMs,
        storeMs,
        cases: stored.caseIds.length,
        sources: stored.sourceIds.length,
        segments: planned.plan.sources.reduce((sum, s) => sum + s.segments.length, 0),
      };
    } finally {
      db.close();
      replaceDatabase(openDatabase());
      await Dexie.delete(SURVEY_DB);
    }
  },

  /** The survey as a project in the app's database, with ten codes to code answers with. */
  async seedSurvey(size: SurveySize, seed: number) {
    if ((await getDb().projects.count()) > 0) throw new Error('The bench profile already holds a project.');
    const bytes = new TextEncoder().encode(generateSurveyCsv(size, seed));
    const table = await readTable(bytes);
    const project = await createProject('Bench: survey');
    const stored = await importSurvey(project.id, { name: FILE_NAME, byteSize: bytes.byteLength, format: 'csv', encoding: 'UTF-8', table, mapping: mappingFor(table) });
    for (const code of generateCodebook(createRandom(seed), project.id, 10, new Date().toISOString())) {
      await createCode({ projectId: project.id, name: code.name, color: code.color });
    }
    await setSetting(FIRST_RUN_DONE_KEY, true);
    await setSetting(LAST_PROJECT_KEY, project.id);
    await setSetting(CODER_NAME_KEY, BENCH_CODER);
    return { cases: stored.caseIds.length, sources: stored.sourceIds.length };
  },
};

exposeBench(bench);

export type SurveyBench = typeof bench;
