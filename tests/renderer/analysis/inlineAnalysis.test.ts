// The inline analysis client reads codings from both storage layouts, keeps to one project, lists
// segments in reading order, cuts their texts, and counts overlaps.
import { beforeEach, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../support/freshDatabase';
import { createInlineAnalysis } from '../../../renderer/src/analysis/inlineAnalysis';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { importDocument } from '../../../renderer/src/db/operations/imports';
import { addFoldedCodings } from '../support/storeCodings';
import { seedAnalysisProject, type AnalysisProject } from './analysisProject';

useFreshDatabase();
let p: AnalysisProject;
beforeEach(async () => {
  p = await seedAnalysisProject();
});

describe('createInlineAnalysis', () => {
  it('retrieves the segments of some codes in reading order, with their texts', async () => {
    const analysis = createInlineAnalysis();
    const refs = await analysis.retrieveSegments(p.projectId, [p.access.id, p.night.id]);
    expect(refs.map((r) => [r.sourceId, r.codeId])).toEqual([
      [p.notesId, p.access.id],
      [p.diaryId, p.access.id],
      [p.diaryId, p.night.id],
    ]);
    expect(await analysis.segmentTexts(refs)).toEqual(['the route will close', 'The bus was late again', 'Walked home in the dark.']);
    expect(await analysis.segmentTexts([])).toEqual([]);
    expect(await analysis.retrieveSegments(p.projectId, [])).toEqual([]);
  });

  it('keeps to the project asked about', async () => {
    const other = (await createProject('Other')).id;
    const sourceId = await importDocument(other, { name: 'x.txt', text: 'Access elsewhere.', encoding: 'UTF-8', byteSize: 17, format: 'text' });
    // A code id of this project used in another one (a damaged import) must not leak across.
    await addFoldedCodings([
      { id: 'stray', projectId: other, sourceId, codeId: p.access.id, start: 0, end: 6, exact: 'Access', prefix: '', suffix: '', coder: 'x', createdAt: '' },
    ]);
    const refs = await createInlineAnalysis().retrieveSegments(p.projectId, [p.access.id]);
    expect(refs).toHaveLength(2);
    expect(await createInlineAnalysis().retrieveSegments(other, [p.access.id])).toHaveLength(1);
  });

  it('counts overlapping codings across both layouts', async () => {
    const matrix = await createInlineAnalysis().cooccurrence(p.projectId, [p.access.id, p.night.id, p.safety.id]);
    expect(matrix.codeIds).toEqual([p.access.id, p.night.id, p.safety.id]);
    expect(matrix.counts).toEqual([
      [0, 0, 1], // "the route will close" / "route will close. Nobody"
      [0, 0, 1], // "Walked home in the dark." / "home in the dark"
      [1, 1, 0],
    ]);
    expect(await createInlineAnalysis().cooccurrence(p.projectId, [])).toEqual({ codeIds: [], counts: [] });
  });
});
