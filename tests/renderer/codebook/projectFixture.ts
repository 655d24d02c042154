// A fresh database per test and a project with one source, written straight into the tables so
// the codebook and memo tests do not depend on how sources are imported.
import { afterEach, beforeEach } from 'vitest';
import type { Coding, Source } from '../../../shared/model/types';
import { openDatabase, replaceDatabase, type MarginaliaDb } from '../../../renderer/src/db/db';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { codingsOfProject } from '../../../renderer/src/db/codingsRepository';

export const TEXT = 'I was tired and angry after the night shift at the harbour. The bus never came, so I walked.';

/** Opens a fresh database before each test and deletes it after; returns a getter for it. */
export function useTestDatabase(): () => MarginaliaDb {
  let db: MarginaliaDb;
  beforeEach(() => {
    db = openDatabase('test-' + crypto.randomUUID());
    replaceDatabase(db);
  });
  afterEach(async () => {
    await db.delete();
  });
  return () => db;
}

export async function projectWithSource(db: MarginaliaDb, text = TEXT, name = 'interview.txt') {
  const project = await createProject('Study');
  const source: Source = {
    id: crypto.randomUUID(),
    projectId: project.id,
    name,
    length: text.length,
    encoding: 'UTF-8',
    byteSize: text.length,
    importedAt: new Date().toISOString(),
    order: 1,
  };
  await db.sources.add(source);
  await db.sourceTexts.add({ sourceId: source.id, projectId: project.id, text });
  return { projectId: project.id, sourceId: source.id, text };
}

/** Where a phrase sits in the text, as a span to code. */
export function spanOf(sourceId: string, text: string, phrase: string): { sourceId: string; start: number; end: number } {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return { sourceId, start, end: start + phrase.length };
}

export async function codingsIn(projectId: string): Promise<Coding[]> {
  return codingsOfProject(projectId);
}
