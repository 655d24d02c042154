// Times the pure analyses of shared/analysis/ on the big project in Node (no browser, no
// database): the figures the issue sets targets for — a crosstab of 50 codes × 500 cases, a query
// over 100,000 codings, a regular-expression search over 20 M characters — and a few more.
// Run with `node bench/analysis/run.mjs` (bundles this file with rolldown, then runs it).
// Each figure is the median of RUNS runs after one warm-up run, as wall time and as this process's
// CPU time (user + system): on a machine shared with other work, the CPU time is the fairer figure,
// and the target verdict is given on it.
import { generateProject } from '../generate/bigProject';
import { createRandom } from '../generate/random';
import { buildCaseIndex } from '../../shared/analysis/caseIndex';
import type { CaseData } from '../../shared/analysis/caseData';
import { codeGroups } from '../../shared/analysis/codeGroups';
import { buildCrosstab } from '../../shared/analysis/crosstab';
import { filterCodings } from '../../shared/analysis/filter';
import { runQuery, type Query } from '../../shared/analysis/queries';
import { compileSearch, searchAll, type SearchOptions } from '../../shared/analysis/search';
import { planAutoCode } from '../../shared/analysis/autoCode';
import { codeFrequencies } from '../../shared/analysis/codeFrequencies';
import { buildUnitMatrix } from '../../shared/analysis/unitMatrix';
import { buildSegmentsCsv } from '../../shared/analysis/segmentsCsv';
import { paragraphStarts } from '../../shared/analysis/paragraphUnits';
import { wordFrequencies } from '../../shared/analysis/wordFrequencies';

const RUNS = Number(process.env.RUNS ?? 5);
/** ONLY=crosstab,query: time only the figures whose label contains one of these words. */
const ONLY = process.env.ONLY?.split(',') ?? null;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure<T>(label: string, target: number | null, run: () => T, describe: (value: T) => string = () => ''): T {
  let value = run();
  if (ONLY && !ONLY.some((word) => label.includes(word))) return value;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    value = run();
    const used = process.cpuUsage(cpu);
    times.push(performance.now() - started);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  const ms = median(times);
  const cpuMs = median(cpuTimes);
  const verdict = target === null ? '' : cpuMs < target ? `  (target < ${target} ms: met)` : `  (target < ${target} ms: MISSED)`;
  console.log(`${label.padEnd(62)} wall ${ms.toFixed(0).padStart(6)} ms  cpu ${cpuMs.toFixed(0).padStart(6)} ms${verdict}  ${describe(value)}`);
  return value;
}

const started = performance.now();
const project = generateProject({ sources: 500, sourceLength: 40_000, codings: 100_000, codes: 50 }, 20260101);
const texts = new Map(project.sources.map((s) => [s.id, s.text]));
const characters = project.sources.reduce((n, s) => n + s.text.length, 0);
const sources = project.sources.map((s, i) => ({ id: s.id, name: s.name, order: i }));

// 500 cases, two speakers per source, every non-blank line one turn (a split transcript): case i
// speaks in sources i and i+1, so every case covers two sources.
const random = createRandom(7);
const cases: CaseData = { cases: [], attributes: [], values: [], links: [] };
const caseList = cases.cases as Array<{ id: string; name: string; order: number; type?: string }>;
for (let i = 0; i < 500; i++) caseList.push({ id: `case-${i}`, name: `Participant ${i + 1}`, order: i, type: i % 10 === 0 ? 'organisation' : 'respondent' });
(cases.attributes as unknown[]).push(
  { id: 'region', name: 'region', type: 'category', categories: ['Kanto', 'Kansai', 'Tohoku', 'Kyushu'], order: 0 },
  { id: 'age', name: 'age', type: 'number', order: 1 },
);
for (const c of caseList) {
  (cases.values as unknown[]).push({ caseId: c.id, attributeId: 'region', value: random.pick(['Kanto', 'Kansai', 'Tohoku', 'Kyushu']) });
  (cases.values as unknown[]).push({ caseId: c.id, attributeId: 'age', value: random.int(18, 90) });
}
project.sources.forEach((s, i) => {
  const starts = paragraphStarts(s.text);
  starts.forEach((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]! - 1 : s.text.length;
    if (end <= start) return;
    (cases.links as unknown[]).push({ id: `l-${i}-${k}`, caseId: `case-${(i + (k % 2)) % 500}`, sourceId: s.id, start, end, order: k + 1 });
  });
});
console.log(
  `Generated in ${((performance.now() - started) / 1000).toFixed(1)} s: ${project.sources.length} sources, ${(characters / 1e6).toFixed(1)} M characters, ` +
    `${project.codings.length.toLocaleString('en')} codings, ${project.codes.length} codes, ${caseList.length} cases, ${cases.links.length.toLocaleString('en')} case segments. Median of ${RUNS} runs.\n`,
);

const codings = project.codings;
const topCodes = project.codes.filter((c) => c.parentId === null).map((c) => c.id);
const allCodes = project.codes.map((c) => c.id);

const index = measure('case index (500 cases, segment links)', null, () => buildCaseIndex(cases));
const crosstabOf = (count: 'codings' | 'cases') => () =>
  buildCrosstab({ rows: codeGroups(project.codes, allCodes, false), codings, cases: buildCaseIndex(cases), sources, columns: { kind: 'cases' }, count });
measure('crosstab 50 codes × 500 cases, counting codings (with index)', 300, crosstabOf('codings'), (t) => `${t.rowTotals.reduce((a, b) => a + b, 0).toLocaleString('en')} coding-case pairs`);
measure('crosstab 50 codes × 500 cases, counting cases (with index)', 300, crosstabOf('cases'));
measure('crosstab 10 codes+subcodes × region, counting cases', 300, () =>
  buildCrosstab({ rows: codeGroups(project.codes, topCodes, true), codings, cases: index, sources, columns: { kind: 'attribute', attributeId: 'region' }, count: 'cases' }),
);
measure('crosstab 50 codes × 500 sources, counting cases', 300, () =>
  buildCrosstab({ rows: codeGroups(project.codes, allCodes, false), codings, cases: index, sources, columns: { kind: 'sources' }, count: 'cases' }),
);

const a = { codeId: topCodes[0]!, includeSubcodes: true };
const b = { codeId: topCodes[1]!, includeSubcodes: true };
const queries: Array<[string, Query]> = [
  ['AND', { kind: 'and', a, b }],
  ['OR', { kind: 'or', a, b }],
  ['NOT', { kind: 'not', a, b }],
  ['same case', { kind: 'same', a, b, unit: 'case' }],
  ['same paragraph', { kind: 'same', a, b, unit: 'paragraph' }],
  ['same segment', { kind: 'same', a, b, unit: 'segment' }],
  ['near 200 characters', { kind: 'near', a, b, distance: 200, unit: 'characters' }],
  ['near 2 paragraphs', { kind: 'near', a, b, distance: 2, unit: 'paragraphs' }],
  ['followed by within 500 characters', { kind: 'followedBy', a, b, distance: 500, unit: 'characters' }],
];
for (const [name, query] of queries) {
  measure(`query ${name} (two codes with subcodes, 100,000 codings)`, 200, () => runQuery(query, { codes: project.codes, codings, cases: index, texts }), (r) => `${r.length.toLocaleString('en')} results`);
}

measure('filter 100,000 codings: region = Kanto and age 30–60', null, () =>
  filterCodings({ attributes: [{ attributeId: 'region', op: 'equals', value: 'Kanto' }, { attributeId: 'age', op: 'range', min: 30, max: 60 }] }, codings, index),
  (kept) => `${kept.length.toLocaleString('en')} kept`,
);

const searchSources = project.sources.map((s) => ({ id: s.id, text: s.text }));
const search = (options: SearchOptions) => () => {
  const compiled = compileSearch(options);
  if (!compiled.ok) throw new Error(compiled.message);
  return searchAll(searchSources, compiled);
};
measure('search regex /(dis)?trust\\w*|worr\\w+/ over 20 M characters', 1000, search({ query: '(dis)?trust\\w*|worr\\w+', mode: 'regex', wholeWord: false, caseSensitive: false }), (r) => `${r.hits.length.toLocaleString('en')} hits`);
measure('search regex /\\b(rain|winter)\\b.{0,40}late/ (case-sensitive)', 1000, search({ query: '\\b(rain|winter)\\b.{0,40}late', mode: 'regex', wholeWord: false, caseSensitive: true }), (r) => `${r.hits.length.toLocaleString('en')} hits`);
measure('search plain "bus stop", whole word', 1000, search({ query: 'bus stop', mode: 'plain', wholeWord: true, caseSensitive: false }), (r) => `${r.hits.length.toLocaleString('en')} hits`);
const hits = search({ query: 'hospital', mode: 'plain', wholeWord: true, caseSensitive: false })().hits.slice(0, 5000);
for (const scope of ['hit', 'sentence', 'paragraph', 'turn'] as const) {
  let n = 0;
  measure(`auto-code plan, ${hits.length.toLocaleString('en')} hits → ${scope}`, null, () =>
    planAutoCode({ hits, scope, cases: index, codeId: allCodes[3]!, textOf: (id) => texts.get(id), existing: codings, projectId: project.projectId, coder: 'bench', createdAt: '2026-01-01T00:00:00.000Z', newId: () => `n${++n}` }),
    (p) => `${p.added.toLocaleString('en')} codings`,
  );
}

measure('code frequencies with roll-up and cases', null, () => codeFrequencies({ codes: project.codes, codings, cases: index }));
const segmentsOfCode = codings.filter((c) => c.codeId === allCodes[0]).map((c) => texts.get(c.sourceId)!.slice(c.start, c.end));
measure(`word frequencies of one code’s ${segmentsOfCode.length.toLocaleString('en')} segments`, null, () => wordFrequencies(segmentsOfCode), (w) => `${w.total.toLocaleString('en')} words`);
measure('word frequencies of 10 sources (400,000 characters)', null, () => wordFrequencies(project.sources.slice(0, 10).map((s) => s.text)));
for (const unit of ['case', 'segment', 'paragraph', 'source'] as const) {
  measure(`unit × code matrix by ${unit}`, null, () => buildUnitMatrix({ unit, groups: codeGroups(project.codes, allCodes, false), codings, cases: index, sources, texts, labelOf: String }), (m) => `${m.rows.length.toLocaleString('en')} rows`);
}
if (!ONLY || ONLY.some((word) => 'segments CSV'.includes(word))) {
  measure('segments CSV without cases (100,000 rows)', null, () => buildSegmentsCsv({ sources, texts, codes: project.codes, codings }), (csv) => `${(csv.length / 1e6).toFixed(1)} M characters`);
  measure('segments CSV with case columns (100,000 rows)', null, () => buildSegmentsCsv({ sources, texts, codes: project.codes, codings, cases: index }), (csv) => `${(csv.length / 1e6).toFixed(1)} M characters`);
}
