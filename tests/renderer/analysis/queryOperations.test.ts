// Queries and the matrix through the analysis operations on a stored project: the same passages
// as the pure logic, only among the codings the filter keeps; "Code the result" is one history
// step that one undo takes back; a saved query travels in the stored project.
import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../support/freshDatabase';
import { storeOpenedProject } from '../../../renderer/src/db/operations/projectFiles';
import { runCodingQuery, unitMatrixCsv } from '../../../renderer/src/analysis/queryOperations';
import { codeQueryResult } from '../../../renderer/src/db/operations/codeQueryResult';
import { undo } from '../../../renderer/src/db/operations/history';
import { codingsOfProject } from '../../../renderer/src/db/codingsRepository';
import { unitMatrixCsvOf } from '../../../shared/analysis/unitMatrixExport';
import { CODE_IDS, FORUM_TEXT, queryProjectSnapshot } from '../../fixtures/queries/queryProject';

const freshDb = useFreshDatabase();

async function stored(): Promise<string> {
  freshDb();
  return (await storeOpenedProject(queryProjectSnapshot())).projectId;
}

const texts = (hits: Array<{ start: number; end: number }>): string[] => hits.map((h) => FORUM_TEXT.slice(h.start, h.end));

describe('coding queries over the stored project', () => {
  it('finds the passages, with the codes behind each', async () => {
    const projectId = await stored();
    const hits = await runCodingQuery(projectId, { kind: 'same', a: { codeId: CODE_IDS.trust }, b: { codeId: CODE_IDS.transport }, unit: 'case' });
    expect(texts(hits)).toEqual(['I trust the council', 'the council. The buses are late', 'trust them', 'The port is busy']);
    expect(hits.map((h) => h.codeIds)).toEqual([[CODE_IDS.trust], [CODE_IDS.transport], [CODE_IDS.trust], [CODE_IDS.transport]]);
    const near = await runCodingQuery(projectId, { kind: 'near', a: { codeId: CODE_IDS.trust }, b: { codeId: CODE_IDS.transport }, distance: 1, unit: 'paragraphs' });
    expect(near).toHaveLength(4);
  });

  it('looks only at the codings the filter keeps', async () => {
    const projectId = await stored();
    const or = { kind: 'or', a: { codeId: CODE_IDS.trust }, b: { codeId: CODE_IDS.transport } } as const;
    expect(await runCodingQuery(projectId, or)).toHaveLength(5);
    // Bo's codings only (Bo is the second case).
    const bo = queryProjectSnapshot().cases[1]!.id;
    expect(texts(await runCodingQuery(projectId, or, { caseIds: [bo] }))).toEqual(['trust them', 'The port is busy']);
    // An attribute condition: Kanto is Ann.
    const region = queryProjectSnapshot().attributes[0]!.id;
    expect(texts(await runCodingQuery(projectId, or, { attributes: [{ attributeId: region, op: 'equals', value: 'Kanto' }] }))).toEqual(['I trust the council', 'the council. The buses are late']);
  });

  it('says so when a code of the query no longer exists', async () => {
    const projectId = await stored();
    await expect(runCodingQuery(projectId, { kind: 'and', a: { codeId: 'gone' }, b: { codeId: CODE_IDS.trust } })).rejects.toThrow('A code of this query no longer exists.');
  });

  it('writes the same matrix as the command line, and a filtered one', async () => {
    const projectId = await stored();
    expect((await unitMatrixCsv(projectId, { unit: 'segment', counts: true })).csv).toBe(unitMatrixCsvOf(queryProjectSnapshot(), { unit: 'segment', counts: true }));
    const ann = queryProjectSnapshot().cases[0]!.id;
    expect((await unitMatrixCsv(projectId, { unit: 'case', filter: { caseIds: [ann] } })).csv).toBe(
      '\uFEFFcase,case_type,Trust,Transport,Prices,Distrust,Distrust_China,region\r\nAnn,commenter,1,1,1,0,0,Kanto\r\n',
    );
  });
});

describe('Code the result', () => {
  it('codes every passage with an existing code in one step, skipping what it already codes, and one undo takes it back', async () => {
    const projectId = await stored();
    const before = await codingsOfProject(projectId);
    const hits = await runCodingQuery(projectId, { kind: 'or', a: { codeId: CODE_IDS.trust }, b: { codeId: CODE_IDS.transport } });
    const result = await codeQueryResult(projectId, hits, { codeId: CODE_IDS.trust }, 'Ada');
    expect([result.added, result.skipped]).toEqual([3, 2]);
    const after = await codingsOfProject(projectId);
    expect(after).toHaveLength(before.length + 3);
    expect(await undo(projectId)).toBe('Code 3 passages of a query with Trust');
    expect(await codingsOfProject(projectId)).toHaveLength(before.length);
  });

  it('creates the new code and its codings as one step', async () => {
    const projectId = await stored();
    const hits = await runCodingQuery(projectId, { kind: 'and', a: { codeId: CODE_IDS.trust }, b: { codeId: CODE_IDS.transport } });
    const result = await codeQueryResult(projectId, hits, { newCodeName: 'Council' }, 'Ada');
    expect(result.added).toBe(1);
    const made = (await codingsOfProject(projectId)).filter((c) => c.codeId === result.code.id);
    expect(made.map((c) => c.exact)).toEqual(['the council']);
    await undo(projectId);
    expect((await codingsOfProject(projectId)).some((c) => c.codeId === result.code.id)).toBe(false);
  });

  it('refuses to code nothing, and changes nothing', async () => {
    const projectId = await stored();
    await expect(codeQueryResult(projectId, [], { codeId: CODE_IDS.trust }, 'Ada')).rejects.toThrow('The query found nothing to code.');
    const hits = await runCodingQuery(projectId, { kind: 'and', a: { codeId: CODE_IDS.trust }, b: { codeId: CODE_IDS.transport } });
    await codeQueryResult(projectId, hits, { codeId: CODE_IDS.prices }, 'Ada');
    await expect(codeQueryResult(projectId, hits, { codeId: CODE_IDS.prices }, 'Ada')).rejects.toThrow('Every passage is already coded with “Prices”; nothing was coded.');
  });
});
