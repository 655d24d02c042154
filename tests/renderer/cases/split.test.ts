// Splitting a source into cases: the checked suggestion becomes cases and segment links (and,
// if asked, a code per speaker with a coding per segment) as one step, and undoing that step
// removes exactly what that split made, nothing the project had before and nothing made since.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { importDocument } from '../../../renderer/src/db/operations/imports';
import { createCase } from '../../../renderer/src/db/operations/cases';
import { createCode } from '../../../renderer/src/db/operations/codes';
import { applyCode } from '../../../renderer/src/db/operations/codings';
import { commitSplit } from '../../../renderer/src/db/operations/split';
import { undo, undoRedoState } from '../../../renderer/src/db/operations/history';
import { codingsOfProject, codingsOfSource } from '../../../renderer/src/db/codingsRepository';
import { splitCommentThread } from '../../../shared/import/split/commentThread';
import { splitSpeakerTurns } from '../../../shared/import/split/speakerTurns';
import { mergeWithPrevious } from '../../../shared/import/split/corrections';
import { storedLinks } from '../support/caseRows';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
let projectId: string;
beforeEach(async () => {
  db = freshDb();
  projectId = (await createProject('Threads')).id;
});

const THREAD = readFileSync(resolve(__dirname, '../../fixtures/import/synthetic-article-with-comments.txt'), 'utf8');
const TRANSCRIPT = '[00:00:01] I: Hello.\n[00:00:03] R: Hi there.\n[00:00:09] I: How was it?\n[00:00:12] R: Tiring 😔 but fine.\n';

async function stored(text: string, name = 'thread.txt'): Promise<string> {
  return importDocument(projectId, { name, text, encoding: 'UTF-8', byteSize: text.length, format: 'text' });
}

describe('commitSplit', () => {
  it('turns a comment thread into the article plus one case per commenter, in one step that can be undone', async () => {
    const sourceId = await stored(THREAD);
    const suggestion = splitCommentThread(THREAD);
    const summary = await commitSplit(sourceId, suggestion, { kind: 'comment-thread', coder: 'me', prefaceCaseName: 'Article' });
    const cases = (await db.cases.toArray()).sort((a, b) => a.order - b.order);
    expect(cases.map((c) => c.name)).toEqual(['Article', 'plotholder_42', 'Marta K.', 'beanrow', 'Grandad Tom 🌱', 'Ruth', 'J. Abara', 'quietneighbour']);
    expect(summary).toMatchObject({ caseCount: 8, segmentCount: 9 });
    const links = await storedLinks(db);
    expect(links).toHaveLength(10);
    const marta = cases.find((c) => c.name === 'Marta K.')!;
    const hers = links.filter((l) => l.caseId === marta.id).sort((a, b) => a.order! - b.order!);
    expect(hers.map((l) => [l.order, THREAD.slice(l.start, l.end).split('\n')[0]])).toEqual([
      [2, 'The company is a monopoly. Who else would lease us land by the river?'],
      [8, 'No, thanks.'],
    ]);
    const article = links.find((l) => l.caseId === cases[0]!.id)!;
    expect(THREAD.slice(article.start, article.end).endsWith('Free to reuse.')).toBe(true);
    expect(await codingsOfProject(projectId)).toHaveLength(0);

    expect((await undoRedoState(projectId)).undo).toBe('Split thread.txt into 8 cases');
    expect(await undo(projectId)).toBe('Split thread.txt into 8 cases');
    expect(await db.cases.count()).toBe(0);
    expect(await storedLinks(db)).toEqual([]);
    expect(await db.sourceTexts.get(sourceId)).toMatchObject({ text: THREAD });
    expect(await undoRedoState(projectId)).toEqual({ undo: 'Import thread.txt', redo: 'Split thread.txt into 8 cases' });
  });

  it('uses the corrected suggestion, and links to a case the project already has instead of duplicating it', async () => {
    const sourceId = await stored(THREAD);
    const ruth = await createCase(projectId, 'Ruth');
    // "J. Abara" was really Ruth writing on: join it to the segment before.
    const corrected = mergeWithPrevious(splitCommentThread(THREAD), 6);
    await commitSplit(sourceId, corrected, { kind: 'comment-thread', coder: 'me' });
    const names = ((await db.cases.toArray()).sort((a, b) => a.order - b.order)).map((c) => c.name);
    expect(names.filter((n) => n === 'Ruth')).toHaveLength(1);
    expect(names).not.toContain('J. Abara');
    expect(names).not.toContain('Article');
    const ruthLinks = (await storedLinks(db)).filter((l) => l.caseId === ruth.id);
    expect(ruthLinks).toHaveLength(1);
    expect(THREAD.slice(ruthLinks[0]!.start, ruthLinks[0]!.end)).toContain('Could the society buy the land outright?');

    // Undo leaves the case that existed before, without the links the split gave it.
    await undo(projectId);
    expect((await db.cases.toArray()).map((c) => c.name)).toEqual(['Ruth']);
    expect(await storedLinks(db)).toEqual([]);
  });

  it('codes each turn with a code per speaker, keeping timestamps and order on the links; undo removes those codes and codings only', async () => {
    const sourceId = await stored(TRANSCRIPT, 'interview.txt');
    const mine = await createCode({ projectId, name: 'Fatigue' });
    await applyCode({ sourceId, start: TRANSCRIPT.indexOf('Tiring'), end: TRANSCRIPT.indexOf('Tiring') + 6 }, mine.id, 'me');
    const suggestion = splitSpeakerTurns(TRANSCRIPT);
    await commitSplit(sourceId, suggestion, { kind: 'speaker-turns', coder: 'ana', autoCode: true });

    const codes = await db.codes.toArray();
    const parent = codes.find((c) => c.name === 'Speakers')!;
    expect(codes.filter((c) => c.parentId === parent.id).map((c) => c.name).sort()).toEqual(['I', 'R']);
    const codings = (await codingsOfSource(sourceId)).sort((a, b) => a.start - b.start);
    const byCode = (name: string) => codings.filter((c) => c.codeId === codes.find((x) => x.name === name)!.id).map((c) => c.exact);
    expect(byCode('I')).toEqual(['Hello.', 'How was it?']);
    expect(byCode('R')).toEqual(['Hi there.', 'Tiring 😔 but fine.']);
    expect(codings.find((c) => c.exact === 'Hi there.')).toMatchObject({ coder: 'ana', prefix: expect.stringContaining('Hello.') });
    const links = await storedLinks(db);
    expect(links.map((l) => [l.order, l.timestamp]).sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual([
      [1, '00:00:01'],
      [2, '00:00:03'],
      [3, '00:00:09'],
      [4, '00:00:12'],
    ]);

    // A second split of another transcript reuses the speaker codes rather than making new ones.
    const second = await stored('I: Again?\nR: Again.\nI: Thanks.\nR: Bye.\n', 'second.txt');
    const summary = await commitSplit(second, splitSpeakerTurns('I: Again?\nR: Again.\nI: Thanks.\nR: Bye.\n'), { kind: 'speaker-turns', coder: 'ana', autoCode: true });
    expect(summary.createdCodes).toBe(0);
    expect(summary.createdCases).toBe(0); // I and R exist already
    expect(await db.codes.count()).toBe(4);

    // Undo the latest first: its codings go, the codes (made by the first split) stay.
    expect(await undo(projectId)).toBe('Split second.txt into 0 cases');
    expect(await codingsOfSource(second)).toEqual([]);
    expect(await db.codes.count()).toBe(4);
    expect(await undo(projectId)).toBe('Import second.txt');
    expect(await undo(projectId)).toBe('Split interview.txt into 2 cases');
    expect((await db.codes.toArray()).map((c) => c.name)).toEqual(['Fatigue']);
    expect((await codingsOfProject(projectId)).map((c) => c.exact)).toEqual(['Tiring']);
    expect(await db.cases.count()).toBe(0);
  });

  it('stores nothing when a segment lies outside the text or a write fails', async () => {
    const sourceId = await stored(TRANSCRIPT, 'interview.txt');
    await expect(commitSplit(sourceId, { segments: [{ start: 5, end: 5000, label: 'X', order: 1 }] }, { kind: 'custom-pattern', coder: 'me' })).rejects.toThrow(/outside the source/);
    await expect(commitSplit(sourceId, { segments: [] }, { kind: 'custom-pattern', coder: 'me' })).rejects.toThrow(/no segments/);
    vi.spyOn(db.history, 'add').mockRejectedValueOnce(new Error('quota'));
    await expect(commitSplit(sourceId, splitSpeakerTurns(TRANSCRIPT), { kind: 'speaker-turns', coder: 'me', autoCode: true })).rejects.toThrow('quota');
    vi.restoreAllMocks();
    expect(await db.cases.count()).toBe(0);
    expect(await storedLinks(db)).toEqual([]);
    expect(await db.codes.count()).toBe(0);
    expect(await codingsOfProject(projectId)).toEqual([]);
  });
});
