// The data layer in Chromium's real IndexedDB (the runner opens this page in a persistent profile,
// never an in-memory one): seeding the app's database, the bulk write and indexed reads of
// codings, and the project-wide reads (open, retrieval, co-occurrence, CSV export) on the big
// project, each through the product's own repository, hooks and export where they exist.
import Dexie from 'dexie';
import { createElement, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import type { Code } from '../../shared/model/types';
import { descendantIds, flattenTree } from '../../shared/codebook/tree';
import { getDb, openDatabase, replaceDatabase } from '../../renderer/src/db/db';
import { codingsOfCodes, codingsOfProject, codingsOfSource, putCodings } from '../../renderer/src/db/codingsRepository';
import { LAST_PROJECT_KEY, getSetting } from '../../renderer/src/db/operations/settings';
import { useCodes, useCodingCounts, useProjects, useSourceCodings, useSourceText, useSources } from '../../renderer/src/db/queries';
import { exportSegmentsCsv } from '../../renderer/src/features/export/exportCsv';
import { createBrowserHost } from '../../renderer/src/host/browserHost';
import { replaceHost } from '../../renderer/src/host';
import { cooccurrenceMatrix } from '../../shared/analysis/cooccurrence';
import { generateProject } from '../generate/bigProject';
import type { ProjectSize } from '../generate/sizes';
import { exposeBench } from './benchApi';
import { seedDocument, seedProject } from './seed';

const STORAGE_DB = 'bench-storage';

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

  /** The repository's bulk write into a fresh database, then indexed reads by source and by code. */
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
      await putCodings(generated.codings);
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

  /** Opening the seeded project: the app's own live queries (codebook, counts, sources, first source). */
  async projectOpen() {
    const projectId = await seededProjectId();
    const started = performance.now();
    const first = await getDb().sources.where('projectId').equals(projectId).sortBy('order');
    const sourceId = first[0]?.id ?? null;
    await new Promise<void>((resolve) => {
      const host = document.createElement('div');
      document.body.appendChild(host);
      createRoot(host).render(createElement(ProjectProbe, { projectId, sourceId, onReady: resolve }));
    });
    return { ms: performance.now() - started };
  },

  /** Every segment of the most used top-level code and its subcodes, in reading order. */
  async retrieveCode() {
    const projectId = await seededProjectId();
    const codes = await projectCodes(projectId);
    const parent = codes.find((c) => c.parentId === null)!;
    const started = performance.now();
    const ids = [parent.id, ...descendantIds(codes, parent.id)];
    const [codings, sources] = await Promise.all([codingsOfCodes(ids), getDb().sources.where('projectId').equals(projectId).toArray()]);
    const order = new Map(sources.map((s) => [s.id, s.order]));
    codings.sort((a, b) => order.get(a.sourceId)! - order.get(b.sourceId)! || a.start - b.start || a.end - b.end);
    return { ms: performance.now() - started, codes: ids.length, segments: codings.length };
  },

  /** The co-occurrence matrix of the codebook's first 50 codes across the project. */
  async cooccurrence() {
    const projectId = await seededProjectId();
    const codeIds = (await projectCodes(projectId)).slice(0, 50).map((c) => c.id);
    const started = performance.now();
    const codings = await codingsOfProject(projectId);
    const loaded = performance.now();
    const matrix = cooccurrenceMatrix(codeIds, codings);
    const done = performance.now();
    const pairs = matrix.counts.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0) / 2;
    return { ms: done - started, loadMs: loaded - started, computeMs: done - loaded, codes: codeIds.length, pairs };
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

exposeBench(bench);

export type StorageBench = typeof bench;
