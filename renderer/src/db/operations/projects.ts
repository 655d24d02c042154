// Named operations on projects. Each is one Dexie transaction.
import type { Project } from '../../../../shared/model/types';
import { getDb } from '../db';
import { codingTables, countCodingsOfProject, deleteCodingsOfProject } from '../codingsRepository';
import { caseDataTables, deleteCaseDataOfProject } from '../caseRepository';
import { cleanName } from './names';
import { newId, nowIso } from './now';

export async function createProject(rawName: string): Promise<Project> {
  const now = nowIso();
  const project: Project = { id: newId(), name: cleanName(rawName, 'project'), createdAt: now, updatedAt: now };
  await getDb().projects.add(project);
  return project;
}

export async function renameProject(projectId: string, rawName: string): Promise<void> {
  const name = cleanName(rawName, 'project');
  const updated = await getDb().projects.update(projectId, { name, updatedAt: nowIso() });
  if (updated === 0) throw new Error('That project no longer exists.');
}

export interface ProjectContents {
  sources: number;
  codes: number;
  codings: number;
  memos: number;
}

/** What deleting a project would lose, for the confirmation. */
export async function describeProject(projectId: string): Promise<ProjectContents> {
  const db = getDb();
  return db.transaction('r', [db.sources, db.codes, ...codingTables(), db.memos], async () => ({
    sources: await db.sources.where('projectId').equals(projectId).count(),
    codes: await db.codes.where('projectId').equals(projectId).count(),
    codings: await countCodingsOfProject(projectId),
    memos: await db.memos.where('projectId').equals(projectId).count(),
  }));
}

export async function deleteProject(projectId: string): Promise<void> {
  const db = getDb();
  const tables = [
    db.projects, db.sources, db.sourceTexts, db.codes, ...codingTables(), db.memos,
    db.cases, db.attributeDefinitions, ...caseDataTables(), db.codeSets,
  ];
  await db.transaction('rw', tables, async () => {
    await deleteCodingsOfProject(projectId);
    await deleteCaseDataOfProject(projectId);
    for (const table of [db.attributeDefinitions, db.cases, db.codeSets]) {
      await table.where('projectId').equals(projectId).delete();
    }
    await db.memos.where('projectId').equals(projectId).delete();
    await db.codes.where('projectId').equals(projectId).delete();
    await db.sourceTexts.where('projectId').equals(projectId).delete();
    await db.sources.where('projectId').equals(projectId).delete();
    await db.projects.delete(projectId);
  });
}

export async function touchProject(projectId: string): Promise<void> {
  await getDb().projects.update(projectId, { updatedAt: nowIso() });
}
