// A project under fresh ids is the same project: mapping the ids back gives every record again,
// and no old id is left anywhere in it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { projectSnapshotArb } from './projectArb';
import { remapIds } from '../../../shared/model/remapIds';
import { diffSnapshots } from '../../../shared/model/snapshot';

describe('remapIds', () => {
  it('gives every record a new id, references follow, and mapping back restores the project', () => {
    fc.assert(
      fc.property(projectSnapshotArb, (project) => {
        let n = 0;
        const fresh = remapIds(project, () => `f0000000-0000-4000-8000-${String(++n).padStart(12, '0')}`);
        const json = JSON.stringify(fresh);
        for (const codeId of project.codes.map((c) => c.id)) expect(json).not.toContain(codeId);
        for (const sourceId of project.sources.map((s) => s.id)) expect(json).not.toContain(sourceId);
        expect(json).not.toContain(project.project.id);
        // A saved query's definition follows the codes and cases it names.
        for (const q of fresh.savedQueries) for (const c of project.cases) expect(JSON.stringify(q.definition)).not.toContain(c.id);
        // Back: the inverse map as another remap.
        const back = new Map<string, string>();
        const ids = [project.project.id, ...[project.coders, project.sources, project.codes, project.codeSets, project.cases, project.attributes, project.caseLinks, project.codings, project.memos, project.savedQueries].flatMap((l) => l.map((r) => r.id))];
        let k = 0;
        for (const id of ids) if (!back.has(id)) back.set(`f0000000-0000-4000-8000-${String(++k).padStart(12, '0')}`, id);
        const order = [...back.values()];
        let m = 0;
        const restored = remapIds(fresh, () => order[m++]!);
        expect(diffSnapshots(project, restored)).toEqual({});
      }),
      { numRuns: 50 },
    );
  });

  it('leaves ids it is told to keep', () => {
    const project = fc.sample(projectSnapshotArb, { numRuns: 1, seed: 1 })[0]!;
    const keep = new Set(project.codes.map((c) => c.id));
    let n = 0;
    const fresh = remapIds(project, () => `f0000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, (id) => !keep.has(id));
    expect(fresh.codes.map((c) => c.id)).toEqual(project.codes.map((c) => c.id));
    expect(fresh.sources.map((s) => s.id)).not.toEqual(project.sources.map((s) => s.id));
  });
});
