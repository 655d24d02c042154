// Named operations on projects. Creating and renaming are commits (./commit.ts); deleting a
// project is the one write that does not go through the door: it removes the project with its
// history, so there is no step left to undo (the confirmation says so), and it must reach tables
// no change set names (history, coding columns and stats).
import type { Project } from '../../../../shared/model/types';
import { ChangeSetBuilder } from '../../../../shared/model/changeSetBuilder';
import { getDb } from '../db';
import { layoutCopyKey, projectSettingKeys } from './settings';
import { commit } from './commit';
import { codingTables, countCodingsOfProject, deleteCodingsOfProject } from '../codingsRepository';
import { caseDataTables, deleteCaseDataOfProject } from '../caseRepository';
import { cleanName } from './names';
import { newId, nowIso } from './now';

export async function createProject(rawName: string): Promise<Project> {
  const now = nowIso();
  const project: Project = { id: newId(), name: cleanName(rawName, 'project'), createdAt: now, updatedAt: now };
  // Not a history step: there is no project to go back to.
  await commit(project.id, 'Create a project', () => new ChangeSetBuilder().add('projects', project).build(), { history: false });
  return project;
}

export async function renameProject(projectId: string, rawName: string): Promise<void> {
  const name = cleanName(rawName, 'project');
  await commit(projectId, 'Rename the project', async () => {
    const project = await getDb().projects.get(projectId);
    if (!project) throw new Error('That project no longer exists.');
    return { changes: new ChangeSetBuilder().update('projects', project, { ...project, name }).build(), result: undefined, label: `Rename the project to ${name}` };
  });
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
    db.projects, db.sources, db.sourceTexts, db.sourceOriginals, db.codes, ...codingTables(), db.memos,
    db.cases, db.attributeDefinitions, ...caseDataTables(), db.codeSets, db.history, db.coders, db.savedQueries, db.settings,
  ];
  await db.transaction('rw', tables, async () => {
    await deleteCodingsOfProject(projectId);
    await deleteCaseDataOfProject(projectId);
    for (const table of [db.attributeDefinitions, db.cases, db.codeSets, db.coders, db.history, db.savedQueries]) {
      await table.where('projectId').equals(projectId).delete();
    }
    await db.memos.where('projectId').equals(projectId).delete();
    await db.codes.where('projectId').equals(projectId).delete();
    await db.sourceTexts.where('projectId').equals(projectId).delete();
    await db.sourceOriginals.where('projectId').equals(projectId).delete();
    await db.sources.where('projectId').equals(projectId).delete();
    await db.projects.delete(projectId);
    // Its remembered layout and view go with it: nothing of a deleted project stays behind.
    await db.settings.bulkDelete(projectSettingKeys(projectId));
  });
  try {
    globalThis.localStorage?.removeItem(layoutCopyKey(projectId));
  } catch {
    // No storage, nothing kept there.
  }
}


