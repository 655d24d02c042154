// Per-installation settings kept in the database (so they survive restarts with the project).
import { getDb } from '../db';

export async function getSetting<T>(key: string): Promise<T | undefined> {
  const row = await getDb().settings.get(key);
  return row?.value as T | undefined;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await getDb().settings.put({ key, value });
}

export const CODER_NAME_KEY = 'coderName';
export const LAST_PROJECT_KEY = 'lastProjectId';
export const FIRST_RUN_DONE_KEY = 'firstRunDone';

/** A project's pane layout (app/layout/layoutStore.ts): a preference, not project history. */
export const layoutSettingKey = (projectId: string): string => `layout:${projectId}`;
/**
 * The localStorage key of a project's layout copy, written synchronously on every change so a
 * reload right after one keeps it (app/layout/layoutStore.ts); removed with the project.
 */
export const layoutCopyKey = (projectId: string): string => `marginalia.layout.${projectId}`;
/** What a project was showing: open source, tab, scroll position (app/viewMemory.ts). */
export const viewSettingKey = (projectId: string): string => `view:${projectId}`;
/** Every per-project preference, removed with the project. */
export const projectSettingKeys = (projectId: string): string[] => [layoutSettingKey(projectId), viewSettingKey(projectId)];
