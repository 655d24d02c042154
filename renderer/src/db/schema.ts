// Dexie schema versions. A shipped version is never edited: each new one is built from the last
// and, where rows change shape, has an upgrade function and a test that upgrades real rows.

/** v1: the first layout (codings indexed by source and code only). */
export const schemaV1 = {
  projects: '&id, name',
  sources: '&id, projectId',
  sourceTexts: '&sourceId, projectId',
  codes: '&id, projectId, parentId',
  codings: '&id, sourceId, codeId, [sourceId+codeId]',
  memos: '&id, projectId, targetId',
  settings: '&key',
};

/**
 * v2: codings carry their projectId (project-wide retrieval, counts and deleting a project
 * without walking every source). The upgrade fills it from the coding's source.
 */
export const schemaV2 = {
  ...schemaV1,
  codings: '&id, projectId, sourceId, codeId, [sourceId+codeId]',
};

export const DATABASE_NAME = 'marginalia';
