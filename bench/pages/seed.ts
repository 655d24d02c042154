// Stores a generated project in the app's own database (the one the web build opens) through
// the one door, `commit`: createProject and createCode as the app calls them, then every source
// (with its text) in one commit and every coding in another. `importDocument` per source would
// re-read all sources for the next order each time, so the bulk steps build their change sets
// here; they are not undoable steps (`history: false`), like a project as it was opened. It also
// marks the first run as done and the project as last opened, so the app opens straight into it.
import type { Code, Coding, Source, SourceText } from '../../shared/model/types';
import type { Coder } from '../../shared/model/coder';
import type { EntityChanges } from '../../shared/model/changeSet';
import { createProject } from '../../renderer/src/db/operations/projects';
import { createCode } from '../../renderer/src/db/operations/codes';
import { commit } from '../../renderer/src/db/operations/commit';
import { CODER_NAME_KEY, FIRST_RUN_DONE_KEY, LAST_PROJECT_KEY, setSetting } from '../../renderer/src/db/operations/settings';
import { getDb } from '../../renderer/src/db/db';
import { BENCH_CODER, generateDocument } from '../generate/bigDocument';
import { generateProject } from '../generate/bigProject';
import type { DocumentSize, ProjectSize } from '../generate/sizes';
import { teamCodings } from '../generate/teamCodings';

export interface SeedResult {
  projectId: string;
  sources: number;
  textBytes: number;
  codings: number;
  /** Time of the single commit that stored every coding, ms (informative: one sample). */
  codingsMs: number;
  /** Time of the single commit that stored every source and its text, ms (informative). */
  importMs: number;
}

interface Generated {
  name: string;
  codes: Code[];
  sources: Array<{ id: string; name: string; text: string }>;
  codings: Coding[];
  /** Coder records (the codings name them); none for a project coded by the bench's one coder. */
  coders?: Coder[];
}

/** Rows added, built directly: spreading 100,000 rows into a ChangeSetBuilder call overflows the stack. */
function added<T>(rows: T[]): EntityChanges<T> {
  return { added: rows, updated: [], removed: [] };
}

async function store(generated: Generated): Promise<SeedResult> {
  if ((await getDb().projects.count()) > 0) throw new Error('The bench profile already holds a project.');
  const encoder = new TextEncoder();
  const project = await createProject(generated.name);
  const importedAt = new Date().toISOString();
  const sourceIds = new Map<string, string>();
  const sources: Source[] = [];
  const texts: SourceText[] = [];
  let textBytes = 0;
  generated.sources.forEach((source, order) => {
    const id = crypto.randomUUID();
    const byteSize = encoder.encode(source.text).byteLength;
    textBytes += byteSize;
    sourceIds.set(source.id, id);
    sources.push({ id, projectId: project.id, name: source.name, length: source.text.length, encoding: 'UTF-8', byteSize, importedAt, order, format: 'text' });
    texts.push({ sourceId: id, projectId: project.id, text: source.text });
  });
  let started = performance.now();
  await commit(project.id, 'Import sources', () => ({ sources: added(sources), sourceTexts: added(texts) }), { history: false });
  const importMs = performance.now() - started;
  const codeIds = new Map<string, string>();
  for (const code of generated.codes) {
    const created = await createCode({
      projectId: project.id,
      parentId: code.parentId === null ? null : codeIds.get(code.parentId)!,
      name: code.name,
      description: code.description,
      color: code.color,
    });
    codeIds.set(code.id, created.id);
  }
  const codings = generated.codings.map((coding) => ({
    ...coding,
    projectId: project.id,
    sourceId: sourceIds.get(coding.sourceId)!,
    codeId: codeIds.get(coding.codeId)!,
  }));
  // The store must not have changed the text (offsets would point elsewhere).
  const first = generated.sources[0]!;
  if ((await getDb().sourceTexts.get(sourceIds.get(first.id)!))?.text !== first.text) {
    throw new Error('The stored text differs from the generated one.');
  }
  started = performance.now();
  const coders = (generated.coders ?? []).map((c) => ({ ...c, projectId: project.id }));
  await commit(project.id, 'Code the project', () => ({ codings: added(codings), ...(coders.length > 0 ? { coders: added(coders) } : {}) }), { history: false });
  const codingsMs = performance.now() - started;
  await setSetting(FIRST_RUN_DONE_KEY, true);
  await setSetting(LAST_PROJECT_KEY, project.id);
  await setSetting(CODER_NAME_KEY, BENCH_CODER);
  return { projectId: project.id, sources: sources.length, textBytes, codings: codings.length, codingsMs, importMs };
}

export function seedDocument(size: DocumentSize, seed: number): Promise<SeedResult> {
  const doc = generateDocument(size, seed);
  return store({ name: 'Bench: big document', codes: doc.codes, sources: [{ id: doc.sourceId, name: doc.name, text: doc.text }], codings: doc.codings });
}

export function seedProject(size: ProjectSize, seed: number): Promise<SeedResult> {
  const project = generateProject(size, seed);
  return store({ name: 'Bench: big project', ...project });
}

/** The big project coded by three coders (bench/generate/teamCodings.ts), for the agreement scenario. */
export function seedTeamProject(size: ProjectSize, seed: number): Promise<SeedResult> {
  const project = generateProject(size, seed);
  const team = teamCodings(project.codings, project.projectId, seed + 1);
  return store({ name: 'Bench: big project, three coders', ...project, ...team });
}
