// Stores a generated project in the app's own database (the one the web build opens) through
// the product's operations: createProject, importSources (the same decode and normalisation as a
// real import), createCode, and the repository's putCodings. It also marks the first run as done
// and the project as last opened, so the app opens straight into it.
import type { Coding } from '../../shared/model/types';
import type { PickedFile } from '../../shared/ipc/contract';
import { createProject } from '../../renderer/src/db/operations/projects';
import { importSources } from '../../renderer/src/db/operations/sources';
import { createCode } from '../../renderer/src/db/operations/codes';
import { CODER_NAME_KEY, FIRST_RUN_DONE_KEY, LAST_PROJECT_KEY, setSetting } from '../../renderer/src/db/operations/settings';
import { putCodings } from '../../renderer/src/db/codingsRepository';
import { getDb } from '../../renderer/src/db/db';
import { BENCH_CODER, generateDocument } from '../generate/bigDocument';
import { generateProject } from '../generate/bigProject';
import type { Code } from '../../shared/model/types';
import type { DocumentSize, ProjectSize } from '../generate/sizes';

export interface SeedResult {
  projectId: string;
  sources: number;
  textBytes: number;
  codings: number;
  /** Time of the single putCodings call that stored every coding, ms (informative: one sample). */
  putCodingsMs: number;
  /** Time of the importSources call, ms (informative). */
  importMs: number;
}

interface Generated {
  name: string;
  codes: Code[];
  sources: Array<{ id: string; name: string; text: string }>;
  codings: Coding[];
}

async function store(generated: Generated): Promise<SeedResult> {
  if ((await getDb().projects.count()) > 0) throw new Error('The bench profile already holds a project.');
  const encoder = new TextEncoder();
  const project = await createProject(generated.name);
  const files: PickedFile[] = generated.sources.map((source) => {
    const bytes = encoder.encode(source.text);
    return { name: source.name, byteSize: bytes.byteLength, bytes };
  });
  const textBytes = files.reduce((sum, file) => sum + file.byteSize, 0);
  let started = performance.now();
  const imported = await importSources(project.id, files);
  const importMs = performance.now() - started;
  const sourceIds = new Map<string, string>();
  imported.forEach((result, i) => {
    if (!result.ok) throw new Error(`${result.name}: ${result.reason}`);
    sourceIds.set(generated.sources[i]!.id, result.sourceId);
  });
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
  // The import must not have changed the text (offsets would point elsewhere).
  const first = generated.sources[0]!;
  if ((await getDb().sourceTexts.get(sourceIds.get(first.id)!))?.text !== first.text) {
    throw new Error('The stored text differs from the generated one.');
  }
  started = performance.now();
  await putCodings(codings);
  const putCodingsMs = performance.now() - started;
  await setSetting(FIRST_RUN_DONE_KEY, true);
  await setSetting(LAST_PROJECT_KEY, project.id);
  await setSetting(CODER_NAME_KEY, BENCH_CODER);
  return { projectId: project.id, sources: files.length, textBytes, codings: codings.length, putCodingsMs, importMs };
}

export function seedDocument(size: DocumentSize, seed: number): Promise<SeedResult> {
  const doc = generateDocument(size, seed);
  return store({ name: 'Bench: big document', codes: doc.codes, sources: [{ id: doc.sourceId, name: doc.name, text: doc.text }], codings: doc.codings });
}

export function seedProject(size: ProjectSize, seed: number): Promise<SeedResult> {
  const project = generateProject(size, seed);
  return store({ name: 'Bench: big project', ...project });
}
