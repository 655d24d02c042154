// The sample project a newcomer opens on first run: created once, never again, and every sample
// coding marks exactly the words it claims to.
import { beforeEach, describe, expect, it } from 'vitest';
import { quoteAt } from '../../../shared/text/quote';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { createProject, deleteProject } from '../../../renderer/src/db/operations/projects';
import { seedSampleProjectOnFirstRun } from '../../../renderer/src/db/operations/sample';
import { SAMPLE_CODES, SAMPLE_CODINGS, SAMPLE_PROJECT_NAME, SAMPLE_SOURCES } from '../../../renderer/src/sample/sampleProject';
import { codingsOfProject } from '../../../renderer/src/db/codingsRepository';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
beforeEach(() => {
  db = freshDb();
});

describe('seedSampleProjectOnFirstRun', () => {
  it('creates the sample project with its sources, codebook and codings', async () => {
    const projectId = await seedSampleProjectOnFirstRun('Ada');
    expect(projectId).not.toBeNull();
    expect((await db.projects.get(projectId!))?.name).toBe(SAMPLE_PROJECT_NAME);
    const sources = await db.sources.where('projectId').equals(projectId!).toArray();
    expect(sources.map((s) => s.name).sort()).toEqual(SAMPLE_SOURCES.map((s) => s.name).sort());
    const codes = await db.codes.where('projectId').equals(projectId!).toArray();
    const byId = new Map(codes.map((c) => [c.id, c]));
    expect(codes.map((c) => [c.name, c.parentId === null ? null : byId.get(c.parentId)?.name]).sort()).toEqual(
      SAMPLE_CODES.map((c) => [c.name, c.parent === undefined ? null : SAMPLE_CODES.find((p) => p.key === c.parent)!.name]).sort(),
    );
    expect(await codingsOfProject(projectId!)).toHaveLength(SAMPLE_CODINGS.length);
  });

  it('anchors every sample coding exactly: its offsets cut out its exact text, with the right context', async () => {
    const projectId = await seedSampleProjectOnFirstRun('Ada');
    const codings = await codingsOfProject(projectId!);
    expect(codings.length).toBeGreaterThan(0);
    const codeNames = new Map((await db.codes.toArray()).map((c) => [c.id, c.name]));
    for (const coding of codings) {
      const text = (await db.sourceTexts.get(coding.sourceId))!.text;
      expect(text.slice(coding.start, coding.end)).toBe(coding.exact);
      expect(quoteAt(text, coding.start, coding.end)).toEqual({ exact: coding.exact, prefix: coding.prefix, suffix: coding.suffix });
      expect(coding.coder).toBe('Ada');
      expect(codeNames.has(coding.codeId)).toBe(true);
    }
    const stored = codings.map((c) => [c.exact, codeNames.get(c.codeId)]).sort();
    const expected = SAMPLE_CODINGS.map((s) => [s.quote, SAMPLE_CODES.find((c) => c.key === s.code)!.name]).sort();
    expect(stored).toEqual(expected);
  });

  it('stores the sample texts with LF line endings and no BOM', async () => {
    await seedSampleProjectOnFirstRun('Ada');
    for (const { text } of await db.sourceTexts.toArray()) {
      expect(text).not.toMatch(/\r/);
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
    }
    for (const source of await db.sources.toArray()) {
      expect(source.length).toBe((await db.sourceTexts.get(source.id))!.text.length);
    }
  });

  it('runs only once', async () => {
    expect(await seedSampleProjectOnFirstRun('Ada')).not.toBeNull();
    expect(await seedSampleProjectOnFirstRun('Ada')).toBeNull();
    expect(await db.projects.count()).toBe(1);
  });

  it('does not bring the sample back after the user deletes it', async () => {
    const projectId = await seedSampleProjectOnFirstRun('Ada');
    await deleteProject(projectId!);
    expect(await seedSampleProjectOnFirstRun('Ada')).toBeNull();
    expect(await db.projects.count()).toBe(0);
    expect(await codingsOfProject(projectId!)).toEqual([]);
  });

  it('leaves someone who already has projects without a sample', async () => {
    await createProject('My own study');
    expect(await seedSampleProjectOnFirstRun('Ada')).toBeNull();
    expect((await db.projects.toArray()).map((p) => p.name)).toEqual(['My own study']);
  });
});
