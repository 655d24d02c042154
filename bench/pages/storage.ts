// The data layer in Chromium's real IndexedDB (the runner opens this page in a persistent profile,
// never an in-memory one): seeding the app's database, the bulk write and indexed reads of
// codings, and the project-wide reads (open, retrieval, co-occurrence, CSV export) on the big
// project, each through the product's own repository, hooks and export where they exist.
import Dexie from 'dexie';
import { createElement, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import type { Code } from '../../shared/model/types';
import type { ChangeSet } from '../../shared/model/changeSet';
import { descendantIds, flattenTree } from '../../shared/codebook/tree';
import { getDb, openDatabase, replaceDatabase } from '../../renderer/src/db/db';
import { codingsOfCodes, codingsOfProject, codingsOfSource, codingTallies } from '../../renderer/src/db/codingsRepository';
import { commit } from '../../renderer/src/db/operations/commit';
import { mergeCodes } from '../../renderer/src/db/operations/codebook';
import { redo, undo } from '../../renderer/src/db/operations/history';
import { getAnalysis } from '../../renderer/src/analysis';
import { commitAutoCode } from '../../renderer/src/analysis/autoCodeOperations';
import { deleteProject } from '../../renderer/src/db/operations/projects';
import { getProjectFileWorker } from '../../renderer/src/analysis/projectFileWorker';
import { readQdpxInflating } from '../../shared/refi/qdpxRead';
import { inflateNative } from '../../renderer/src/analysis/nativeCompression';
import { newId } from '../../renderer/src/db/operations/now';
import { LAST_PROJECT_KEY, getSetting } from '../../renderer/src/db/operations/settings';
import { useCodes, useCodingCounts, useProjects, useSourceCodings, useSourceText, useSources } from '../../renderer/src/db/queries';
import { exportSegmentsCsv } from '../../renderer/src/features/export/exportCsv';
import { createBrowserHost } from '../../renderer/src/host/browserHost';
import { replaceHost } from '../../renderer/src/host';
import { cooccurrenceMatrix } from '../../shared/analysis/cooccurrence';
import type { SearchHit } from '../../shared/analysis/search';
import { startSearch } from '../../renderer/src/analysis/searchClient';
import { generateProject } from '../generate/bigProject';
import type { ProjectSize } from '../generate/sizes';
import { exposeBench } from './benchApi';
import { seedDocument, seedProject, seedTeamProject } from './seed';

const STORAGE_DB = 'bench-storage';
/** Rows the coded-segments list shows at once. */
const FIRST_SCREEN = 40;

async function seededProjectId(): Promise<string> {
  const id = await getSetting<string>(LAST_PROJECT_KEY);
  if (!id) throw new Error('Nothing seeded: run the seed step first.');
  return id;
}

async function projectCodes(projectId: string): Promise<Code[]> {
  return flattenTree(await getDb().codes.where('projectId').equals(projectId).toArray()).map((e) => e.code);
}

/** Mounts the app's live queries for an opened project and resolves when every one has answered. */
function ProjectProbe({ projectId, sourceId, onReady }: { projectId: string; sourceId: string | null; onReady: () => void }) {
  const projects = useProjects();
  const sources = useSources(projectId);
  const codes = useCodes(projectId);
  const counts = useCodingCounts(projectId);
  const text = useSourceText(sourceId);
  const codings = useSourceCodings(sourceId);
  const ready = [projects, sources, codes, counts, text, codings].every((value) => value !== undefined);
  useEffect(() => {
    if (ready) onReady();
  }, [ready, onReady]);
  return null;
}

const bench = {
  seedDocument,
  seedProject,
  seedTeamProject,

  /** One commit of every coding into a fresh database, then indexed reads by source and by code. */
  async bulkWrite(size: ProjectSize, seed: number) {
    await Dexie.delete(STORAGE_DB);
    const db = openDatabase(STORAGE_DB);
    replaceDatabase(db);
    try {
      const generated = generateProject(size, seed);
      // The rows codings point at, stored untimed (a repository may look codes up to find a project).
      const now = new Date().toISOString();
      await db.projects.add({ id: generated.projectId, name: 'Bench: storage', createdAt: now, updatedAt: now });
      await db.sources.bulkAdd(
        generated.sources.map((s, i) => ({ id: s.id, projectId: generated.projectId, name: s.name, length: s.text.length, encoding: 'UTF-8', byteSize: s.text.length, importedAt: now, order: i + 1 })),
      );
      await db.codes.bulkAdd(generated.codes);
      let started = performance.now();
      // One step through the one door, as an import of this many codings would be.
      await commit(generated.projectId, 'Store codings', () => ({ codings: { added: generated.codings, updated: [], removed: [] } }));
      const writeMs = performance.now() - started;

      const bySource: number[] = [];
      let bySourceRows = 0;
      const step = Math.max(1, Math.floor(generated.sources.length / 20));
      for (let i = 0; i < generated.sources.length; i += step) {
        started = performance.now();
        bySourceRows += (await codingsOfSource(generated.sources[i]!.id)).length;
        bySource.push(performance.now() - started);
      }
      const byCode: number[] = [];
      let byCodeRows = 0;
      const leaves = generated.codes.filter((c) => c.parentId !== null).slice(0, 10);
      for (const code of leaves) {
        started = performance.now();
        byCodeRows += (await codingsOfCodes([code.id])).length;
        byCode.push(performance.now() - started);
      }
      return { writeMs, codings: generated.codings.length, bySource, bySourceRows, byCode, byCodeRows };
    } finally {
      db.close();
      replaceDatabase(openDatabase());
      await Dexie.delete(STORAGE_DB);
    }
  },

  /**
   * The seeded project written as a .qdpx in the project-file worker and that file opened again as
   * a new project (its ids all stored already, so every one is remapped), with the worker's own
   * split of the time; the new project is deleted again so later runs see the same database.
   */
  async projectFileRoundTrip() {
    const projectId = await seededProjectId();
    const worker = getProjectFileWorker();
    await worker.warmUp();
    let started = performance.now();
    const written = await worker.writeProjectFile(projectId);
    const saveMs = performance.now() - started;
    started = performance.now();
    const opened = await worker.openProjectFile(written.bytes);
    const openMs = performance.now() - started;
    await deleteProject(opened.projectId);
    return { saveMs, save: written.timings, openMs, open: opened.timings, bytes: written.bytes.byteLength, codings: opened.counts.codings };
  },

  /**
   * Diagnosis: the seeded project written as a .qdpx once (in the project-file worker), then read
   * back `rounds` times on this page with the worker's reader (shared/refi readQdpxInflating),
   * nothing stored: the reader's own time, round by round, for profiling it in Chromium.
   */
  async projectFileRead(rounds = 3) {
    const projectId = await seededProjectId();
    const written = await getProjectFileWorker().writeProjectFile(projectId);
    const ms: number[] = [];
    let codings = 0;
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      const { snapshot } = await readQdpxInflating(written.bytes, { newId }, inflateNative);
      ms.push(performance.now() - started);
      codings = snapshot.codings.length;
    }
    return { ms, codings, bytes: written.bytes.byteLength };
  },

  /** Opening the seeded project: the app's own live queries (codebook, counts, sources, first source). */
  async projectOpen() {
    const projectId = await seededProjectId();
    const started = performance.now();
    // As the app's startup does (renderer/src/app/startup.ts).
    getAnalysis().warmUp(projectId).catch(() => undefined);
    const first = await getDb().sources.where('projectId').equals(projectId).sortBy('order');
    const sourceId = first[0]?.id ?? null;
    await new Promise<void>((resolve) => {
      const host = document.createElement('div');
      document.body.appendChild(host);
      createRoot(host).render(createElement(ProjectProbe, { projectId, sourceId, onReady: resolve }));
    });
    return { ms: performance.now() - started };
  },

  /**
   * Every segment of the first top-level code and its subcodes, in reading order, through the
   * product's analysis worker, until the first screen of them has its text (as the list shows).
   */
  async retrieveCode() {
    const projectId = await seededProjectId();
    const codes = await projectCodes(projectId);
    const parent = codes.find((c) => c.parentId === null)!;
    const started = performance.now();
    const ids = [parent.id, ...descendantIds(codes, parent.id)];
    const segments = await getAnalysis().retrieveSegments(projectId, ids);
    const texts = await getAnalysis().segmentTexts(segments.slice(0, FIRST_SCREEN));
    const ms = performance.now() - started;
    if (texts.some((t) => t.length === 0)) throw new Error('A retrieved segment came back without its text.');
    return { ms, codes: ids.length, segments: segments.length };
  },

  /**
   * The co-occurrence matrix of the codebook's first 50 codes across the project, through the
   * analysis worker; then the same computation on this page, split into reading and computing.
   */
  async cooccurrence() {
    const projectId = await seededProjectId();
    const codeIds = (await projectCodes(projectId)).slice(0, 50).map((c) => c.id);
    let started = performance.now();
    const matrix = await getAnalysis().cooccurrence(projectId, codeIds);
    const ms = performance.now() - started;
    started = performance.now();
    const spans = await getAnalysis().retrieveSegments(projectId, codeIds);
    const loaded = performance.now();
    const again = cooccurrenceMatrix(codeIds, spans);
    const done = performance.now();
    const pairs = matrix.counts.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0) / 2;
    if (JSON.stringify(again.counts) !== JSON.stringify(matrix.counts)) throw new Error('The worker and the page disagree on the matrix.');
    return { ms, loadMs: loaded - started, computeMs: done - loaded, codes: codeIds.length, pairs };
  },

  /**
   * Merges the two codes with the most codings (a step through commit, into the history), then
   * undoes it: the project is as seeded again afterwards, so runs repeat.
   */
  async mergeAndUndo() {
    const projectId = await seededProjectId();
    const codes = await projectCodes(projectId);
    const perCode = new Map<string, number>();
    for (const t of await codingTallies(projectId)) perCode.set(t.codeId, (perCode.get(t.codeId) ?? 0) + t.count);
    // Two codable leaves, so neither lies inside the other.
    const leaves = codes.filter((c) => !codes.some((d) => d.parentId === c.id));
    const [a, b] = leaves.sort((x, y) => (perCode.get(y.id) ?? 0) - (perCode.get(x.id) ?? 0));
    const touched = (perCode.get(a!.id) ?? 0) + (perCode.get(b!.id) ?? 0);
    let started = performance.now();
    await mergeCodes([b!.id], a!.id);
    const mergeMs = performance.now() - started;
    started = performance.now();
    await undo(projectId);
    const undoMs = performance.now() - started;
    return { mergeMs, undoMs, touched };
  },

  /** The product's "coded segments" CSV export, with the save dialog replaced by a recorder. */
  async exportCsv() {
    const projectId = await seededProjectId();
    let saved = '';
    replaceHost({
      ...createBrowserHost(),
      saveFile: (request) => {
        saved = typeof request.content === 'string' ? request.content : '';
        return Promise.resolve({ saved: true, fileName: request.suggestedName });
      },
    });
    const started = performance.now();
    await exportSegmentsCsv(projectId);
    const ms = performance.now() - started;
    return { ms, bytes: new TextEncoder().encode(saved).byteLength, rows: saved.split('\r\n').length - 2 };
  },
};

/** Cases of the analysis scenario: one per source (a whole-source link), with a "group" of five values. */
const CASES = 500;
const AUTO_CODE_NAME = 'Bench: auto-coded';
const GROUPS = ['A', 'B', 'C', 'D', 'E'];

async function ensureCases(projectId: string): Promise<number> {
  const db = getDb();
  const existing = await db.cases.where('projectId').equals(projectId).count();
  if (existing >= CASES) return existing;
  const sources = (await db.sources.where('projectId').equals(projectId).sortBy('order')).slice(0, CASES);
  const now = new Date().toISOString();
  const attribute = { id: crypto.randomUUID(), projectId, name: 'group', type: 'category' as const, categories: GROUPS, order: 1 };
  const cases = sources.map((s, i) => ({ id: crypto.randomUUID(), projectId, name: `case-${String(i + 1).padStart(3, '0')}`, order: i + 1, createdAt: now }));
  await commit(projectId, 'Bench: cases', () => ({
    cases: { added: cases, updated: [], removed: [] },
    attributes: { added: [attribute], updated: [], removed: [] },
    caseValues: { added: cases.map((c, i) => ({ projectId, caseId: c.id, attributeId: attribute.id, value: GROUPS[i % GROUPS.length]! })), updated: [], removed: [] },
    caseLinks: { added: cases.map((c, i) => ({ id: crypto.randomUUID(), projectId, caseId: c.id, sourceId: sources[i]!.id })), updated: [], removed: [] },
  }));
  return cases.length;
}

/** A whole-project search through the product's search worker: ms to the first hits and to the end. */
function timedSearch(projectId: string, query: string, mode: 'plain' | 'regex', wholeWord: boolean): Promise<{ firstMs: number | null; ms: number; hits: SearchHit[]; stoppedBy: string | null; batches: number }> {
  const started = performance.now();
  let firstMs: number | null = null;
  let batches = 0;
  const hits: SearchHit[] = [];
  const run = startSearch(
    { projectId, options: { query, mode, wholeWord, caseSensitive: false }, filter: {}, timeMs: 30_000 },
    {
      onHits: (found) => {
        firstMs ??= performance.now() - started;
        batches++;
        hits.push(...found);
      },
    },
  );
  return run.outcome.then((outcome) => {
    if (outcome.kind !== 'done') throw new Error(`The search ended with ${outcome.kind}${outcome.kind === 'refused' ? `: ${outcome.message}` : ''}.`);
    return { firstMs, ms: performance.now() - started, hits, stoppedBy: outcome.summary.stoppedBy, batches };
  });
}

const analysisBench = {
  /** Adds the scenario's 500 cases once (the profile is the analysis scenario's own). */
  async seedCases() {
    return { cases: await ensureCases(await seededProjectId()) };
  },

  /** Every code × the 500 cases through the analysis worker, counting codings, then cases. */
  async crosstab() {
    const projectId = await seededProjectId();
    const codeIds = (await projectCodes(projectId)).filter((c) => c.name !== AUTO_CODE_NAME).map((c) => c.id);
    await getAnalysis().warmUp(projectId);
    let started = performance.now();
    const codings = await getAnalysis().crosstab(projectId, { codeIds, includeSubcodes: false, columns: { kind: 'cases' }, count: 'codings', filter: {} });
    const codingsMs = performance.now() - started;
    started = performance.now();
    const cases = await getAnalysis().crosstab(projectId, { codeIds, includeSubcodes: false, columns: { kind: 'cases' }, count: 'cases', filter: {} });
    const casesMs = performance.now() - started;
    const total = codings.rowTotals.reduce((a, b) => a + b, 0);
    const expected = await getDb().cases.where('projectId').equals(projectId).count();
    if (cases.columns.length !== expected || total === 0) throw new Error(`The crosstab has ${cases.columns.length} columns and ${total} codings.`);
    return { codingsMs, casesMs, rows: codings.rows.length, columns: codings.columns.length, codings: total };
  },

  /** A regular expression over every source (20 M characters), hits streaming from the search worker. */
  async search() {
    const projectId = await seededProjectId();
    const { firstMs, ms, hits, stoppedBy, batches } = await timedSearch(projectId, String.raw`\b(?:night|late) (?:shift|bus)\b`, 'regex', false);
    if (stoppedBy) throw new Error(`The search stopped early (${stoppedBy}).`);
    const characters = (await getDb().sources.where('projectId').equals(projectId).toArray()).reduce((n, s) => n + s.length, 0);
    return { firstMs, ms, hits: hits.length, batches, characters };
  },

  /** 5,000 hits of a word auto-coded with a leaf code in one step (analysis worker), then undone. */
  async autoCode() {
    const projectId = await seededProjectId();
    // A code of its own, so every hit is a new coding (the seeded codes already cover some of them).
    const codes = await projectCodes(projectId);
    let leaf = codes.find((c) => c.name === AUTO_CODE_NAME);
    if (!leaf) {
      leaf = { id: crypto.randomUUID(), projectId, parentId: null, name: AUTO_CODE_NAME, description: '', color: '#aa3377', order: codes.length + 1, createdAt: new Date().toISOString() };
      await commit(projectId, 'Bench: a code', () => ({ codes: { added: [leaf!], updated: [], removed: [] } }));
    }
    const { hits } = await timedSearch(projectId, 'bakery', 'plain', true);
    const chosen = hits.slice(0, 5000).map((h) => ({ sourceId: h.sourceId, start: h.start, end: h.end }));
    // The preview plans the same codings outside the transaction: how much of the step is planning.
    let started = performance.now();
    await getAnalysis().previewAutoCode(projectId, { hits: chosen, scope: 'hit', codeId: leaf.id, coder: 'bench' });
    const previewMs = performance.now() - started;
    started = performance.now();
    const added = await getAnalysis().commitAutoCode(projectId, { hits: chosen, scope: 'hit', codeId: leaf.id, coder: 'bench' });
    const commitMs = performance.now() - started;
    started = performance.now();
    await undo(projectId);
    const undoMs = performance.now() - started;
    if (added !== chosen.length) throw new Error(`Only ${added} of ${chosen.length} hits were coded.`);
    return { previewMs, commitMs, undoMs, added };
  },
};

/**
 * The one door with big steps, in pieces the runner times one by one (wall and CPU): 5,000 new
 * codings spread over the sources (as "Auto-code…" makes them) and 50,000 (as "Merge project"
 * adds a colleague's half of the big project), each committed, undone, redone and undone again,
 * so the project is as seeded afterwards.
 */
const commitState: { hits?: Array<{ sourceId: string; start: number; end: number }>; big?: ChangeSet } = {};

const commitBench = {
  /** The auto-code step's hits: the first 5,000 of a word across the project. */
  async prepareAutoCode() {
    const projectId = await seededProjectId();
    const codes = await projectCodes(projectId);
    if (!codes.some((c) => c.name === AUTO_CODE_NAME)) {
      const leaf = { id: crypto.randomUUID(), projectId, parentId: null, name: AUTO_CODE_NAME, description: '', color: '#aa3377', order: codes.length + 1, createdAt: new Date().toISOString() };
      await commit(projectId, 'Bench: a code', () => ({ codes: { added: [leaf], updated: [], removed: [] } }));
    }
    const { hits } = await timedSearch(projectId, 'bakery', 'plain', true);
    commitState.hits = hits.slice(0, 5000).map((h) => ({ sourceId: h.sourceId, start: h.start, end: h.end }));
    // The dialog previews before it commits (which reads the sources' texts into the worker).
    const leaf = (await projectCodes(projectId)).find((c) => c.name === AUTO_CODE_NAME)!;
    await getAnalysis().previewAutoCode(projectId, { hits: commitState.hits, scope: 'hit', codeId: leaf.id, coder: 'bench' });
    return { hits: commitState.hits.length };
  },

  /** "Auto-code…" of the prepared hits, through the analysis worker (the product's path). */
  async autoCode() {
    const projectId = await seededProjectId();
    const leaf = (await projectCodes(projectId)).find((c) => c.name === AUTO_CODE_NAME)!;
    const started = performance.now();
    const added = await getAnalysis().commitAutoCode(projectId, { hits: commitState.hits!, scope: 'hit', codeId: leaf.id, coder: 'bench' });
    return { ms: performance.now() - started, added };
  },

  /** The same step on this page's thread instead of the worker's (for a CPU profile of it). */
  async autoCodeOnPage() {
    const projectId = await seededProjectId();
    const leaf = (await projectCodes(projectId)).find((c) => c.name === AUTO_CODE_NAME)!;
    const started = performance.now();
    const added = await commitAutoCode(projectId, { hits: commitState.hits!, scope: 'hit', codeId: leaf.id, coder: 'bench' });
    return { ms: performance.now() - started, added };
  },

  /** A colleague's copy of every other coding: new ids, another coder (a merge's additions). */
  async prepareBig() {
    const projectId = await seededProjectId();
    const codings = await codingsOfProject(projectId);
    const colleague = { id: 'bench-colleague', projectId, name: 'Colleague', color: '#117733' };
    const added = codings.filter((_, i) => i % 2 === 1).map((c) => ({ ...c, id: crypto.randomUUID(), coder: colleague.id }));
    commitState.big = { coders: { added: [colleague], updated: [], removed: [] }, codings: { added, updated: [], removed: [] } };
    return { codings: added.length };
  },

  async bigCommit() {
    const projectId = await seededProjectId();
    const started = performance.now();
    await commit(projectId, 'Merge project bench.qdpx', () => commitState.big!);
    return { ms: performance.now() - started };
  },

  async undo() {
    const started = performance.now();
    const label = await undo(await seededProjectId());
    return { ms: performance.now() - started, label };
  },

  async redo() {
    const started = performance.now();
    const label = await redo(await seededProjectId());
    return { ms: performance.now() - started, label };
  },

  async codingCount() {
    return (await codingTallies(await seededProjectId())).reduce((n, t) => n + t.count, 0);
  },
};

Object.assign(bench, { analysis: analysisBench, commits: commitBench });

exposeBench(bench);

export type StorageBench = typeof bench;
