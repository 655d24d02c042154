// The Agreement view's data side over a real (fake-indexeddb) database: the choices and the report
// the analysis worker computes from one snapshot, and "Accept" into the consensus coder as one
// undoable step that the next report shows.
import { beforeEach, describe, expect, it } from 'vitest';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { commit } from '../../../renderer/src/db/operations/commit';
import { undo } from '../../../renderer/src/db/operations/history';
import { readProject } from '../../../renderer/src/db/readProject';
import { acceptVersion } from '../../../renderer/src/db/operations/consensus';
import { agreementChoices, agreementReport, type AgreementReport } from '../../../renderer/src/analysis/agreementOperations';
import { ChangeSetBuilder } from '../../../shared/model/changeSetBuilder';
import { ProjectBuilder } from '../../shared/analysis/agreement/projectBuilder';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
beforeEach(() => {
  db = freshDb();
});

/** Three paragraphs; Ann and Ben agree on the first, differ on the second, Ben alone codes the third. */
async function seeded(): Promise<{ projectId: string; trust: string; doubt: string }> {
  const project = await createProject('Team');
  const b = new ProjectBuilder(project.id);
  b.coder('Ann');
  b.coder('Ben');
  const s = b.source('Interview', 'We trust them.\nMaybe not.\nNo idea.');
  const trust = b.code('Trust').id;
  const doubt = b.code('Doubt').id;
  b.coding('ann', trust, s, 'trust');
  b.coding('ben', trust, s, 'trust them');
  b.coding('ann', trust, s, 'Maybe');
  b.coding('ben', doubt, s, 'Maybe not');
  b.coding('ben', doubt, s, 'No idea');
  const { coders, sources, sourceTexts, codes, codings } = b.snapshot;
  await commit(project.id, 'Seed', () =>
    new ChangeSetBuilder().add('coders', ...coders).add('sources', ...sources).add('sourceTexts', ...sourceTexts).add('codes', ...codes).add('codings', ...codings).build(),
  );
  return { projectId: project.id, trust, doubt };
}

async function report(projectId: string): Promise<AgreementReport> {
  const answer = await agreementReport(projectId, { coderIds: ['Ann', 'Ben'], unit: 'paragraph' });
  if (!answer.ok) throw new Error(answer.reason);
  return answer.report;
}

describe('agreement in the app', () => {
  it('offers the coders with their codings and computes the table with the passages that differ', async () => {
    const { projectId, trust, doubt } = await seeded();
    expect((await agreementChoices(projectId)).coders).toEqual([
      { id: 'ann', name: 'Ann', codings: 2 },
      { id: 'ben', name: 'Ben', codings: 3 },
    ]);
    const r = await report(projectId);
    // Trust: (yes,yes) (yes,no) (no,no): agreement 2/3. Doubt: (no,no) (no,yes) (no,yes): 1/3.
    expect(r.table.rows.map((row) => [row.name, row.percentAgreement])).toEqual([
      ['Trust', 2 / 3],
      ['Doubt', 1 / 3],
    ]);
    expect(r.disagreementCount).toBe(2);
    expect(r.disagreements.map((d) => [d.label, d.versions.map((v) => v.codeIds), d.consensusCodeIds])).toEqual([
      ['Interview, paragraph 2', [[trust], [doubt]], []],
      ['Interview, paragraph 3', [[], [doubt]], []],
    ]);
  });

  it('accepts a coder’s version into the consensus coder as one step, once, and undo takes it back', async () => {
    const { projectId, doubt } = await seeded();
    const passage = (await report(projectId)).disagreements[1]!;
    expect(await acceptVersion(projectId, { spans: passage.spans, coders: [{ id: 'ben', name: 'Ben' }], codeIds: [doubt] })).toBe(1);
    const after = await readProject(projectId);
    const consensus = after.coders.find((c) => c.name === 'Consensus')!;
    expect(after.codings.filter((c) => c.coder === consensus.id).map((c) => c.exact)).toEqual(['No idea']);
    expect((await report(projectId)).disagreements[1]!.consensusCodeIds).toEqual([doubt]);
    const steps = await db.history.where('projectId').equals(projectId).sortBy('seq');
    expect(steps.at(-1)!.label).toBe('Accept Ben’s version into Consensus (1 coding)');
    // The same version again adds nothing and records no step.
    expect(await acceptVersion(projectId, { spans: passage.spans, coders: [{ id: 'ben', name: 'Ben' }], codeIds: [doubt] })).toBe(0);
    expect(await db.history.where('projectId').equals(projectId).count()).toBe(steps.length);
    await undo(projectId);
    const undone = await readProject(projectId);
    expect(undone.coders.map((c) => c.name)).toEqual(['Ann', 'Ben']);
    expect(undone.codings).toHaveLength(5);
  });

  it('accepts both versions of a passage into one consensus', async () => {
    const { projectId, trust, doubt } = await seeded();
    const passage = (await report(projectId)).disagreements[0]!;
    const both = [{ id: 'ann', name: 'Ann' }, { id: 'ben', name: 'Ben' }];
    expect(await acceptVersion(projectId, { spans: passage.spans, coders: both, codeIds: [trust, doubt] })).toBe(2);
    expect((await report(projectId)).disagreements[0]!.consensusCodeIds).toEqual([trust, doubt]);
    const steps = await db.history.where('projectId').equals(projectId).sortBy('seq');
    expect(steps.at(-1)!.label).toBe('Accept Ann’s and Ben’s versions into Consensus (2 codings)');
  });

  it('says what is wrong with a request instead of a table', async () => {
    const { projectId } = await seeded();
    expect(await agreementReport(projectId, { coderIds: ['Ann', 'Zoe'], unit: 'paragraph' })).toEqual({ ok: false, reason: 'Unknown coder "Zoe". Coders in this project: Ann, Ben.' });
  });
});
