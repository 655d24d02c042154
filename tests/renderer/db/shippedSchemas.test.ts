// The schema versions that shipped, pinned as the exact strings users' databases were created
// with. A shipped version is never edited (a change belongs in a new version with an upgrade):
// editing one fails here. A new version adds its own entry.
import { describe, expect, it } from 'vitest';
import { schemaV1, schemaV2, schemaV3, schemaV4, schemaV5, schemaV6, schemaV7, schemaV8, schemaV9, schemaV10, schemaV11, schemaV12, schemaV13 } from '../../../renderer/src/db/schema';

const V1 = {
  projects: '&id, name',
  sources: '&id, projectId',
  sourceTexts: '&sourceId, projectId',
  codes: '&id, projectId, parentId',
  codings: '&id, sourceId, codeId, [sourceId+codeId]',
  memos: '&id, projectId, targetId',
  settings: '&key',
};
const V2 = { ...V1, codings: '&id, projectId, sourceId, codeId, [sourceId+codeId]' };
const V3 = { ...V2, codingBlocks: '&sourceId, projectId' };
const V4 = {
  ...V3,
  cases: '&id, projectId',
  attributeDefinitions: '&id, projectId',
  caseAttributeValues: '&id, projectId, caseId, attributeId',
  caseLinks: '&id, projectId, caseId, sourceId',
  codeSets: '&id, projectId',
};
const V5 = { ...V4, codeBlocks: '&[sourceId+codeId], projectId, sourceId, codeId', codingStats: '&sourceId, projectId' };
const V6 = { ...V5, codingBlocks: null };
const V7 = { ...V6, sourceCodings: '&sourceId, projectId', codingQuotes: '&sourceId' };
const V8 = {
  ...V7,
  codeBlocks: null,
  caseAttributeValues: null,
  caseLinks: null,
  attributeValues: '&attributeId, projectId',
  caseLinkBlocks: '&sourceId, projectId',
};
const V9 = { ...V8, history: '&[projectId+seq], projectId, [projectId+undone+seq+label]', coders: '&id, projectId' };
const V10 = { ...V9, savedQueries: '&id, projectId' };
const V11 = { ...V10, sourceOriginals: '&sourceId, projectId' };
const V12 = { ...V11, codingQuotes: null, quoteParts: '&[sourceId+part], projectId' };
const V13 = { ...V12, codingStamps: '&sourceId, projectId' };

describe('the shipped schema versions', () => {
  it.each([
    ['v1', schemaV1, V1],
    ['v2', schemaV2, V2],
    ['v3', schemaV3, V3],
    ['v4', schemaV4, V4],
    ['v5', schemaV5, V5],
    ['v6', schemaV6, V6],
    ['v7', schemaV7, V7],
    ['v8', schemaV8, V8],
    ['v9', schemaV9, V9],
    ['v10', schemaV10, V10],
    ['v11', schemaV11, V11],
    ['v12', schemaV12, V12],
    ['v13', schemaV13, V13],
  ])('%s is exactly as shipped', (_, actual, shipped) => {
    expect(actual).toStrictEqual(shipped);
  });
});
