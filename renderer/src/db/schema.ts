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

/**
 * v3: codings are stored in two layouts behind codingsRepository. Bulk writes and folded history
 * live in one packed block per source (`codingBlocks`: reading a source's 50,000 codings costs one
 * record instead of 50,000 rows); interactive edits land as rows in `codings` (a few ms each) and
 * are folded into the block later. Existing rows stay valid as recent edits: no data moves.
 */
export const schemaV3 = {
  ...schemaV2,
  codingBlocks: '&sourceId, projectId',
};

/** v4: cases with typed attributes and links to sources or segments; code sets. */
export const schemaV4 = {
  ...schemaV3,
  cases: '&id, projectId',
  attributeDefinitions: '&id, projectId',
  caseAttributeValues: '&id, projectId, caseId, attributeId',
  caseLinks: '&id, projectId, caseId, sourceId',
  codeSets: '&id, projectId',
};

/**
 * v5: per-source blocks became one block per (source, code): retrieving a code's segments reads
 * only its blocks, and folding rewrites only the codes that changed. `codingStats` keeps the
 * number of block codings per code for each source, so codebook counts never read codings.
 * The upgrade moves every v3 block into the new layout.
 */
export const schemaV5 = {
  ...schemaV4,
  codeBlocks: '&[sourceId+codeId], projectId, sourceId, codeId',
  codingStats: '&sourceId, projectId',
};

/** v6: the v3 per-source blocks table, emptied by the v5 upgrade, is dropped. */
export const schemaV6 = {
  ...schemaV5,
  codingBlocks: null,
};

/**
 * v7: a source's folded codings are one record of columns (`sourceCodings`, typed arrays for the
 * positions) plus one of their quote selectors (`codingQuotes`, read only for whole codings):
 * retrieval, co-occurrence and exports read a few hundred records instead of one per (source,
 * code), and never clone the quotes. The upgrade moves every v5 block; `codeBlocks` is left empty.
 */
export const schemaV7 = {
  ...schemaV6,
  sourceCodings: '&sourceId, projectId',
  codingQuotes: '&sourceId',
};

/**
 * v8: case attribute values and case links are stored in a few large rows instead of one small
 * row each. A survey of 10,000 respondents with four attributes wrote 40,000 value rows and
 * 10,000 link rows, each with two or three indexes: ten seconds of IndexedDB writes.
 * `attributeValues` holds one row per attribute (every case's value for it, by case id: what
 * the source filter and the attribute table read) and `caseLinkBlocks` one row per source (every
 * case link into it: what deleting a source drops). The upgrade moves every old row.
 */
export const schemaV8 = {
  ...schemaV7,
  // Emptied by the v7 upgrade (Dexie drops tables after the upgrades have run).
  codeBlocks: null,
  caseAttributeValues: null,
  caseLinks: null,
  attributeValues: '&attributeId, projectId',
  caseLinkBlocks: '&sourceId, projectId',
};

export const DATABASE_NAME = 'marginalia';

/**
 * v9: every change goes through one door (db/operations/commit.ts), which appends a step to
 * `history` in the same transaction: one row per step, keyed by project and sequence number.
 * `[projectId+undone+seq+label]` finds the last step to undo and the first to redo, with their
 * names, from index keys alone: a step's value holds its change sets (megabytes for a big merge),
 * which the "Undo: …" button must not read on every change (`undone` is 0 or 1: IndexedDB cannot
 * index booleans). `coders` holds the
 * people who code in a project. The upgrade drops the old "split:" records from `settings`:
 * they listed only the ids a split created, not the records as they were, so they cannot become
 * faithful history steps (an undo built from them would also delete later work, the very bug
 * they had); those splits are simply no longer undoable.
 */
export const schemaV9 = {
  ...schemaV8,
  history: '&[projectId+seq], projectId, [projectId+undone+seq+label]',
  coders: '&id, projectId',
};

/**
 * v10: saved analysis items (`savedQueries`): coding queries and analysis filters the user named,
 * one row each, read per project. A new table only: no rows change, so no upgrade function.
 */
export const schemaV10 = {
  ...schemaV9,
  savedQueries: '&id, projectId',
};

/**
 * v11: the file each source was imported from (`sourceOriginals`, one row per source, keyed by
 * it), so it can be exported again and carried in a .qdpx. Kept apart from the source and its
 * text so listing sources or reading a text never loads megabytes of .docx or .pdf. A new
 * table only: sources stored before have no original (nothing to fill), so no upgrade function.
 */
export const schemaV11 = {
  ...schemaV10,
  sourceOriginals: '&sourceId, projectId',
};

/**
 * v12: a source's quote selectors are kept in quote parts (`quoteParts`, one row per source and
 * part number) that are written once and never rewritten, and its columns say which part and
 * place hold each coding's quotes. Adding codings to a source writes one new part with theirs
 * alone: a merge adding 50,000 codings to 500 sources that held 100,000 read and rewrote every
 * quote of the 150,000 in v7's one `codingQuotes` row per source. A part keeps each field's
 * strings end to end in one string. The upgrade makes each v7 quotes row its source's part 0
 * and gives the columns their places; `codingQuotes` is dropped once it has run.
 */
export const schemaV12 = {
  ...schemaV11,
  codingQuotes: null,
  quoteParts: '&[sourceId+part], projectId',
};

/**
 * v13: each source's write stamp also in a record of its own (`codingStamps`: source, project,
 * stamp), written with its `codingStats` in the same transaction. The analysis worker checks its
 * cached coding columns against the stamps before every request: read from `codingStats`, that
 * was 500 records of per-code counts (15–60 ms) for 500 short strings (a few ms). The upgrade
 * copies every stats row's stamp, giving one to the rows written before stamps existed.
 */
export const schemaV13 = {
  ...schemaV12,
  codingStamps: '&sourceId, projectId',
};
