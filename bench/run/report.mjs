// Turns the scenarios' samples into rows (median and p95 per metric, ours next to the naive
// renderer and the peer, the ratio, the target and whether it is met), then writes
// bench/results.json, prints the table, and renders it as Markdown for bench/RESULTS.md.
import { summarise } from './stats.mjs';

const MB = 1024 * 1024;

function stat(summary, which) {
  return summary ? summary[which] : null;
}

/** Whether a row meets its target; null when it cannot be told (missing figures). */
export function targetMet(row) {
  const t = row.target;
  if (!t) return null;
  if (t.kind === 'ratio') {
    const ours = stat(row.ours, 'median');
    const peer = stat(row.peer, 'median');
    if (ours === null || peer === null) return null;
    return t.atLeast === 1 ? ours <= peer : peer / ours >= t.atLeast;
  }
  const value = stat(row.ours, t.stat);
  if (value === null) return null;
  return t.op === '<' ? value < t.value : value <= t.value;
}

function formatValue(value, unit) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === 'MB') return (value / MB).toFixed(1);
  if (unit === 'count') return String(Math.round(value));
  if (Math.abs(value) >= 100) return value.toFixed(0);
  return value.toFixed(1);
}

function formatCell(summary, unit) {
  if (!summary) return '—';
  const median = formatValue(summary.median, unit);
  return summary.n > 1 && summary.p95 !== summary.median ? `${median} (${formatValue(summary.p95, unit)})` : median;
}

function ratio(a, b) {
  if (!a || !b || !Number.isFinite(a.median) || !Number.isFinite(b.median) || b.median === 0) return '—';
  const r = a.median / b.median;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×`;
}

function targetText(row) {
  const t = row.target;
  if (!t) return '';
  if (t.kind === 'ratio') return t.atLeast === 1 ? 'ours ≤ peer' : `peer ÷ ours ≥ ${t.atLeast}`;
  const shown = row.unit === 'MB' ? `${(t.value / MB).toFixed(1)} MB` : `${t.value}${row.unit === 'ms' ? ' ms' : ''}`;
  return `${t.stat} ${t.op} ${shown}`;
}

/** The table's rows as arrays of cells. */
export function tableCells(rows) {
  return rows.map((row) => {
    if (row.notImplemented) return [row.scenario, row.metric, 'not implemented yet', '', '', '', '', targetText(row), ''];
    const met = targetMet(row);
    const unit = row.unit === 'count' ? '' : ` ${row.unit}`;
    return [
      row.scenario,
      `${row.metric}${unit ? ` (${row.unit})` : ''}`,
      formatCell(row.ours, row.unit),
      formatCell(row.naive, row.unit),
      formatCell(row.peer, row.unit),
      row.naive ? ratio(row.naive, row.ours) : '',
      row.peer ? ratio(row.peer, row.ours) : '',
      targetText(row),
      met === null ? '' : met ? 'yes' : 'NO',
    ];
  });
}

export const HEADER = ['Scenario', 'Metric', 'Ours median (p95)', 'Naive', 'Peer', 'Naive ÷ ours', 'Peer ÷ ours', 'Target', 'Met'];

export function printTable(rows) {
  const cells = [HEADER, ...tableCells(rows)];
  const widths = HEADER.map((_, i) => Math.max(...cells.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(`\n${line(HEADER)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of cells.slice(1)) console.log(line(r));
}

export function markdownTable(rows) {
  const esc = (c) => String(c).replace(/\|/g, '\\|');
  return [
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map(() => '---').join(' | ')} |`,
    ...tableCells(rows).map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

/** Builds the rows from every scenario's samples (missing scenarios give no rows). */
export function buildRows({ document, appDocument, project, appProject, projectFiles, merge, storage, survey, appSurvey, split, analysis, desk, queries, agreement, commits, sizes, seeds }) {
  const rows = [];
  const S = (samples) => (samples && samples.length > 0 ? summarise(samples) : null);
  const add = (row) => rows.push({ naive: null, peer: null, target: null, ...row });

  if (desk) {
    const name = `Coding desk (${(seeds.desk.textBytes / MB).toFixed(1)} MB source, ${seeds.desk.codings.toLocaleString('en')} codings, and a small one)`;
    const lost = desk.lost ? `; ${desk.lost} never painted` : '';
    add({ scenario: name, metric: 'real app: click the big source → its text with highlights painted', unit: 'ms', ours: S(desk.switchSource), target: { stat: 'median', op: '<', value: 300 } });
    add({ scenario: name, metric: 'real app: cold start → the last open source painted (scrolled where it was left)', unit: 'ms', ours: S(desk.coldStart), target: { stat: 'median', op: '<', value: 1000 } });
    add({ scenario: name, metric: `real app: digit key → painted, menu bar and status bar on${lost}`, unit: 'ms', ours: S(desk.apply), target: { stat: 'p95', op: '<', value: 16 } });
  }
  if (document || appDocument) {
    const codings = seeds.document.codings;
    const textBytes = seeds.document.textBytes;
    const name = `Big document (${(textBytes / MB).toFixed(1)} MB, ${sizes.document.paragraphs.toLocaleString('en')} paragraphs, ${codings.toLocaleString('en')} codings)`;
    const full = document?.full;
    const three = (metric, unit, pick, target = null) =>
      full && add({ scenario: name, metric, unit, ours: S(pick(full.ours)), naive: S(pick(full.naive)), peer: S(pick(full.peer)), target });
    if (full) add({ scenario: name, metric: 'read source and codings from IndexedDB', unit: 'ms', ours: S(full.ours.load) });
    three('open → highlighted text painted (data in memory)', 'ms', (s) => s.open, { stat: 'median', op: '<', value: 300 });
    three('open → highlighted text painted (IndexedDB read + view)', 'ms', (s) => s.open.map((v, i) => v + s.load[i]), { stat: 'median', op: '<', value: 300 });
    if (appDocument) add({ scenario: name, metric: 'real app: navigation → highlighted text painted', unit: 'ms', ours: S(appDocument.open) });
    three('apply one code → painted (view)', 'ms', (s) => s.apply, { stat: 'p95', op: '<', value: 16 });
    three('apply one code: main-thread work before the frame', 'ms', (s) => s.applyWork);
    if (appDocument) {
      const lost = appDocument.lost ? `; ${appDocument.lost} never painted within 5 s` : '';
      add({ scenario: name, metric: `real app: digit key in the code menu → painted${lost}`, unit: 'ms', ours: S(appDocument.apply), target: { stat: 'p95', op: '<', value: 16 } });
      if (appDocument.undo?.length) add({ scenario: name, metric: 'real app: Ctrl+Z of that coding → unpainted (history on, same run)', unit: 'ms', ours: S(appDocument.undo), target: { stat: 'p95', op: '<', value: 16 } });
    }
    three('scroll top → bottom: longest frame', 'ms', (s) => s.longestFrame);
    three('scroll: frames over 16.7 ms (missed vsync)', 'count', (s) => s.lateFrames);
    three('scroll: frames over 50 ms', 'count', (s) => s.framesOver50, { stat: 'max', op: '<=', value: 0 });
    three('JS heap used after GC, over the empty page', 'MB', (s) => s.jsHeap);
    three('renderer private memory, over the empty page', 'MB', (s) => s.renderer, { stat: 'median', op: '<', value: 2 * textBytes + 200 * codings });
    three('DOM nodes', 'count', (s) => s.nodes);
    const bare = document?.textOnly;
    if (bare?.ours.renderer.length) {
      const two = (metric, pick) => add({ scenario: name, metric, unit: 'MB', ours: S(pick(bare.ours)), naive: S(pick(bare.naive)) });
      two('the same text without codings: renderer private memory, over the empty page', (s) => s.renderer);
      two('the same text without codings: JS heap used after GC, over the empty page', (s) => s.jsHeap);
    }
  }
  if (document) {
    const { tenK } = document;
    const peerName = `Peer goal (same text, ${sizes.peerCodings.toLocaleString('en')} codings)`;
    const peer = (metric, unit, pick, target) =>
      add({ scenario: peerName, metric, unit, ours: S(pick(tenK.ours)), naive: S(pick(tenK.naive)), peer: S(pick(tenK.peer)), target });
    peer(`apply ${sizes.peerCodings.toLocaleString('en')} highlights → painted (data in memory)`, 'ms', (s) => s.open, { kind: 'ratio', atLeast: 5 });
    peer('add one highlight → painted', 'ms', (s) => s.apply, { kind: 'ratio', atLeast: 5 });
    peer('renderer private memory, over the empty page', 'MB', (s) => s.renderer, { kind: 'ratio', atLeast: 1 });
    peer('JS heap used after GC, over the empty page', 'MB', (s) => s.jsHeap);
  }

  if (project || appProject || projectFiles || queries) {
    const p = sizes.project;
    const name = `Big project (${p.sources} sources, ${((p.sources * p.sourceLength) / 1e6).toFixed(0)} M characters, ${p.codings.toLocaleString('en')} codings)`;
    if (queries) {
      const q = queries.samples;
      const found = (key) => (queries.shown[key] ? `, ${queries.shown[key]}` : '');
      add({ scenario: name, metric: 'real app: first query of a session (Safety × Cost with subcodes, AND) → count shown', unit: 'ms', ours: S(q.first) });
      add({ scenario: name, metric: `real app: query AND (Trust × Access, subcodes), click → count shown${found('and')}`, unit: 'ms', ours: S(q.and), target: { stat: 'median', op: '<', value: 200 } });
      for (const [key, label] of [['or', 'OR'], ['not', 'NOT'], ['sameCase', 'same case'], ['sameParagraph', 'same paragraph'], ['near', 'within 200 characters'], ['followedBy', 'followed by within 2 paragraphs']]) {
        add({ scenario: name, metric: `real app: query ${label}, click → count shown${found(key)}`, unit: 'ms', ours: S(q[key]), target: { stat: 'median', op: '<', value: 200 } });
      }
    }
    if (project) add({ scenario: name, metric: 'project open: the app’s live queries answered', unit: 'ms', ours: S(project.samples.open), target: { stat: 'median', op: '<', value: 1000 } });
    if (appProject) {
      add({ scenario: name, metric: 'real app: navigation → sources, counts and first source painted', unit: 'ms', ours: S(appProject.open), target: { stat: 'median', op: '<', value: 1000 } });
      add({ scenario: name, metric: 'real app: navigation → codebook counts shown', unit: 'ms', ours: S(appProject.times.map((t) => t.counts)) });
    }
    if (project) {
      const shape = project.shape;
      add({ scenario: name, metric: `retrieve one code with subcodes (${shape.retrievedCodes} codes, ${shape.retrievedSegments.toLocaleString('en')} segments)`, unit: 'ms', ours: S(project.samples.retrieve), target: { stat: 'median', op: '<', value: 100 } });
      if (project.samples.retrieveAgain?.length) add({ scenario: name, metric: 'the same retrieval again (the worker’s columns kept)', unit: 'ms', ours: S(project.samples.retrieveAgain) });
      add({ scenario: name, metric: `co-occurrence matrix of ${shape.matrixCodes} codes (analysis worker: read + compute)`, unit: 'ms', ours: S(project.samples.matrix), target: { stat: 'median', op: '<', value: 200 } });
      add({ scenario: name, metric: 'co-occurrence on the page: computing only', unit: 'ms', ours: S(project.samples.matrixCompute) });
      add({ scenario: name, metric: `CSV export of ${shape.csvRows.toLocaleString('en')} segments (${(shape.csvBytes / MB).toFixed(0)} MB)`, unit: 'ms', ours: S(project.samples.csv), target: { stat: 'median', op: '<', value: 1000 } });
      if (project.samples.merge?.length) {
        const touched = `${(shape.mergeTouched ?? 0).toLocaleString('en')} codings`;
        add({ scenario: name, metric: `merge the two biggest codes (${touched}), one commit`, unit: 'ms', ours: S(project.samples.merge) });
        add({ scenario: name, metric: `undo of that merge (${touched})`, unit: 'ms', ours: S(project.samples.mergeUndo), target: { stat: 'median', op: '<', value: 500 } });
      }
    }
    if (projectFiles) {
      const f = projectFiles;
      add({ scenario: name, metric: `project-file worker: write the .qdpx (${(f.bytes / MB).toFixed(1)} MB)`, unit: 'ms', ours: S(f.workerSave), target: { stat: 'median', op: '<', value: 3000 } });
      add({ scenario: name, metric: '… of which reading the project from IndexedDB', unit: 'ms', ours: S(f.workerSaveRead) });
      add({ scenario: name, metric: '… of which writing the archive (shared/refi writeQdpx)', unit: 'ms', ours: S(f.workerSaveWrite) });
      add({ scenario: name, metric: 'project-file worker: open the .qdpx as a new project', unit: 'ms', ours: S(f.workerOpen), target: { stat: 'median', op: '<', value: 3000 } });
      add({ scenario: name, metric: '… of which reading the archive (shared/refi readQdpx)', unit: 'ms', ours: S(f.workerOpenRead) });
      add({ scenario: name, metric: '… of which storing it (ids remapped, one commit)', unit: 'ms', ours: S(f.workerOpenStore) });
      add({ scenario: name, metric: '… … finding the ids already stored and remapping them', unit: 'ms', ours: S(f.workerOpenCheck) });
      add({ scenario: name, metric: '… … the commit (checks again, writes)', unit: 'ms', ours: S(f.workerOpenCommit) });
      add({ scenario: name, metric: 'real app: "Save project as" → .qdpx downloaded (written in the project-file worker)', unit: 'ms', ours: S(f.save), target: { stat: 'median', op: '<', value: 3000 } });
      add({ scenario: name, metric: '… longest page-thread task meanwhile', unit: 'ms', ours: S(f.saveLongest) });
      add({ scenario: name, metric: 'real app: "Open project" of that file → new project stored, report shown', unit: 'ms', ours: S(f.open), target: { stat: 'median', op: '<', value: 3000 } });
      add({ scenario: name, metric: '… longest page-thread task meanwhile', unit: 'ms', ours: S(f.openLongest) });
      add({ scenario: name, metric: 'real app: automatic backup round (its timer fired) → over, "Backing up…" gone from the status bar (every changed project; written paced, 40 % of a core)', unit: 'ms', ours: S(f.backup) });
      const lost = f.lost ? `; ${f.lost} never painted within 5 s` : '';
      add({ scenario: name, metric: `real app: digit key → painted, no backup running${lost}`, unit: 'ms', ours: S(f.apply) });
      add({ scenario: name, metric: 'real app: digit key → painted, while a backup is written (same run)', unit: 'ms', ours: S(f.applyDuringBackup) });
    } else {
      add({ scenario: name, metric: '.qdpx save', unit: 'ms', ours: null, notImplemented: 'run with BENCH_ONLY=projectfiles' });
      add({ scenario: name, metric: '.qdpx open', unit: 'ms', ours: null, notImplemented: 'run with BENCH_ONLY=projectfiles' });
    }
  }

  if (commits) {
    const c = commits.samples;
    const n = (k) => (commits.shape[k] ?? 0).toLocaleString('en');
    const name = `Big steps through commit (${n('codings')}-coding project): wall ms in the page, CPU ms of the whole browser`;
    add({ scenario: name, metric: `auto-code ${n('autoCoded')} hits, one step (analysis worker)`, unit: 'ms', ours: S(c.autoCode), target: { stat: 'median', op: '<', value: 2000 } });
    add({ scenario: name, metric: '… CPU', unit: 'ms', ours: S(c.autoCodeCpu) });
    add({ scenario: name, metric: 'undo of that auto-code', unit: 'ms', ours: S(c.autoCodeUndo), target: { stat: 'median', op: '<', value: 1000 } });
    add({ scenario: name, metric: '… CPU', unit: 'ms', ours: S(c.autoCodeUndoCpu) });
    add({ scenario: name, metric: 'redo of that auto-code', unit: 'ms', ours: S(c.autoCodeRedo) });
    add({ scenario: name, metric: `a merge's additions (${n('big')} codings by another coder), one commit`, unit: 'ms', ours: S(c.big) });
    add({ scenario: name, metric: '… CPU', unit: 'ms', ours: S(c.bigCpu) });
    add({ scenario: name, metric: 'undo of that step', unit: 'ms', ours: S(c.bigUndo) });
    add({ scenario: name, metric: '… CPU', unit: 'ms', ours: S(c.bigUndoCpu) });
    add({ scenario: name, metric: 'redo of that step', unit: 'ms', ours: S(c.bigRedo) });
  }

  if (merge) {
    const p = sizes.project;
    const name = `Merge project (two copies of the big project, ${merge.codings.toLocaleString('en')} codings each, half shared)`;
    const seen = `progress bar shown in ${merge.progressSeen} of ${merge.plan.length} runs`;
    add({ scenario: name, metric: `real app: file chosen → preview (read + planned in the merge worker; ${seen})`, unit: 'ms', ours: S(merge.plan) });
    add({ scenario: name, metric: '… of which reading their .qdpx (shared/refi readQdpx, in the worker)', unit: 'ms', ours: S(merge.readFile) });
    add({ scenario: name, metric: '… of which reading this project (readProject, in the worker)', unit: 'ms', ours: S(merge.readOurs) });
    add({ scenario: name, metric: '… of which looking up their ids used by other projects', unit: 'ms', ours: S(merge.check) });
    add({ scenario: name, metric: '… of which planning (shared/merge planMerge)', unit: 'ms', ours: S(merge.planOnly) });
    add({ scenario: name, metric: '… longest page-thread task meanwhile', unit: 'ms', ours: S(merge.planLongest) });
    add({ scenario: name, metric: `real app: "Merge" → merged, one step (${merge.added.toLocaleString('en')} codings added, ${merge.matched.toLocaleString('en')} matched)`, unit: 'ms', ours: S(merge.commit) });
    add({ scenario: name, metric: '… longest page-thread task meanwhile', unit: 'ms', ours: S(merge.commitLongest) });
    add({ scenario: name, metric: 'real app: file chosen → merged (preview + merge, the reading time between them left out)', unit: 'ms', ours: S(merge.plan.map((v, i) => v + (merge.commit[i] ?? 0))), target: { stat: 'median', op: '<', value: 5000 } });
    add({ scenario: name, metric: `real app: Undo of the merge (${p.codings.toLocaleString('en')}-coding project)`, unit: 'ms', ours: S(merge.undo) });
    if (merge.undoLongest?.length) add({ scenario: name, metric: '… longest page-thread task meanwhile', unit: 'ms', ours: S(merge.undoLongest) });
  }

  if (survey || appSurvey) {
    const answers = sizes.survey.answers;
    const name = `Survey (${answers.toLocaleString('en')} short answers as cases${survey ? `, ${(survey.shape.bytes / MB).toFixed(1)} MB CSV` : ''})`;
    if (survey) {
      add({ scenario: name, metric: 'papaparse alone (reference)', unit: 'ms', ours: S(survey.samples.papa) });
      add({ scenario: name, metric: 'import: read the CSV (parseSurveyFile)', unit: 'ms', ours: S(survey.samples.parse) });
      add({ scenario: name, metric: 'import: plan cases, attributes and answers (planSurveyImport, also inside the store)', unit: 'ms', ours: S(survey.samples.plan) });
      add({ scenario: name, metric: `import: store ${survey.shape.cases.toLocaleString('en')} cases and the answers (importSurvey)`, unit: 'ms', ours: S(survey.samples.store) });
      add({ scenario: name, metric: 'import the CSV: read + store', unit: 'ms', ours: S(survey.samples.import) });
    }
    if (appSurvey) {
      add({ scenario: name, metric: 'real app: navigation → every case listed and the answers shown', unit: 'ms', ours: S(appSurvey.open) });
      add({ scenario: name, metric: 'real app: navigation → answers shown', unit: 'ms', ours: S(appSurvey.times.map((t) => t.text)) });
      const lost = appSurvey.lost ? `; ${appSurvey.lost} never painted within 5 s` : '';
      add({ scenario: name, metric: `real app: code an answer (digit key in the code menu → painted${lost})`, unit: 'ms', ours: S(appSurvey.apply) });
    }
  }

  if (split) {
    const name = 'Split into cases: a catastrophic custom pattern (stopped after 2 s)';
    add({ scenario: name, metric: 'real app: click on a checkbox → painted, while the pattern worker runs', unit: 'ms', ours: S(split.toggle), target: { stat: 'p95', op: '<', value: 100 } });
  }

  if (analysis) {
    const p = sizes.project;
    const a = analysis.shape;
    const name = `Analysis tabs (big project: ${p.sources} sources, ${(a.characters / 1e6).toFixed(0)} M characters, ${p.codings.toLocaleString('en')} codings, 500 cases)`;
    const s = analysis.samples;
    add({ scenario: name, metric: `crosstab of ${a.rows} codes × ${a.columns} cases, counting codings (analysis worker: read + compute)`, unit: 'ms', ours: S(s.crosstabCodings), target: { stat: 'median', op: '<', value: 300 } });
    add({ scenario: name, metric: `crosstab of ${a.rows} codes × ${a.columns} cases, counting cases`, unit: 'ms', ours: S(s.crosstabCases), target: { stat: 'median', op: '<', value: 300 } });
    add({ scenario: name, metric: `regular expression over ${(a.characters / 1e6).toFixed(0)} M characters (search worker, ${a.hits} hits in ${a.batches} batches)`, unit: 'ms', ours: S(s.search), target: { stat: 'median', op: '<', value: 1000 } });
    add({ scenario: name, metric: '… first hits posted', unit: 'ms', ours: S(s.searchFirst) });
    add({ scenario: name, metric: `auto-code ${a.autoCoded.toLocaleString('en')} hits: planning alone (the preview: texts read, passages planned, nothing written)`, unit: 'ms', ours: S(s.autoCodePreview) });
    add({ scenario: name, metric: `auto-code ${a.autoCoded.toLocaleString('en')} hits: committed as one step (planned again inside the write transaction, then written)`, unit: 'ms', ours: S(s.autoCode), target: { stat: 'median', op: '<', value: 2000 } });
    add({ scenario: name, metric: `auto-code ${a.autoCoded.toLocaleString('en')} hits: undone`, unit: 'ms', ours: S(s.autoCodeUndo), target: { stat: 'median', op: '<', value: 1000 } });
    add({ scenario: name, metric: 'real app: click "Crosstab" → the 500-column table painted', unit: 'ms', ours: S(s.appCrosstab) });
    add({ scenario: name, metric: 'real app: "Search" (regular expression) → first hits painted', unit: 'ms', ours: S(s.appSearchFirst) });
    add({ scenario: name, metric: 'real app: "Search" (regular expression) → finished, every hit listed', unit: 'ms', ours: S(s.appSearch), target: { stat: 'median', op: '<', value: 1000 } });
  }

  if (agreement) {
    const codings = seeds.agreement?.codings ?? 0;
    const name = `Agreement: big project, 3 coders (${codings.toLocaleString('en')} codings), ${agreement.shape?.rows ?? '?'} rows (codes + overall), paragraph level`;
    add({ scenario: name, metric: 'real app: Compute agreement → table of figures painted (worker, snapshot kept from opening the tab)', unit: 'ms', ours: S(agreement.compute), target: { stat: 'median', op: '<', value: 1000 } });
    add({ scenario: name, metric: 'of which: click → the worker’s figures reach the page', unit: 'ms', ours: S(agreement.answer) });
    add({ scenario: name, metric: 'real app: Compute agreement → bootstrap intervals and disagreements painted too', unit: 'ms', ours: S(agreement.all) });
    add({ scenario: name, metric: 'longest page-thread task meanwhile', unit: 'ms', ours: S(agreement.longestTask) });
  }

  if (storage) {
    const name = `Storage (${storage.shape.codings.toLocaleString('en')} codings, IndexedDB on disk)`;
    add({ scenario: name, metric: 'bulk write through commit', unit: 'ms', ours: S(storage.samples.write) });
    add({ scenario: name, metric: `read one source’s codings (~${Math.round(storage.shape.rowsPerSourceRead)} rows)`, unit: 'ms', ours: S(storage.samples.bySource) });
    add({ scenario: name, metric: `read one code’s codings (~${Math.round(storage.shape.rowsPerCodeRead).toLocaleString('en')} rows)`, unit: 'ms', ours: S(storage.samples.byCode) });
  }
  return rows;
}
