// Applying codes to text: what is stored (UTF-16 offsets plus the quote that re-anchors it), what
// is refused, and in-vivo coding that names a code by the selected words.
import { beforeEach, describe, expect, it } from 'vitest';
import type { MarginaliaDb } from '../../../renderer/src/db/db';
import { useFreshDatabase } from '../support/freshDatabase';
import { createProject } from '../../../renderer/src/db/operations/projects';
import { importText } from '../support/importText';
import { createCode } from '../../../renderer/src/db/operations/codes';
import { IN_VIVO_MAX, applyCode, codeInVivo, removeCoding } from '../../../renderer/src/db/operations/codings';
import type { Coding } from '../../../shared/model/types';
import { codingsOfProject, foldRecentCodings, getCoding } from '../../../renderer/src/db/codingsRepository';
import { deleteSource } from '../../../renderer/src/db/operations/sources';

const freshDb = useFreshDatabase();
let db: MarginaliaDb;
beforeEach(() => {
  db = freshDb();
});

/** Every stored coding of every project, read the way the app reads them (whatever the layout). */
async function storedCodings(): Promise<Coding[]> {
  const projects = await db.projects.toArray();
  return (await Promise.all(projects.map((p) => codingsOfProject(p.id)))).flat();
}

const TEXT =
  'Q: How were the nights? 😔👩‍👩‍👧\n' +
  'A: Honestly it was exhausting, the night shifts at the harbour, week after week, with no one to talk to.   \n' +
  'カフェは閉まった。';

async function setup() {
  const project = await createProject('Study');
  const sourceId = await importText(project.id, 'interview.txt', TEXT);
  const code = await createCode({ projectId: project.id, name: 'Tiredness' });
  return { projectId: project.id, sourceId, code };
}

function spanOf(sourceId: string, words: string) {
  const start = TEXT.indexOf(words);
  if (start < 0) throw new Error(`"${words}" not in text`);
  return { sourceId, start, end: start + words.length };
}

describe('applyCode', () => {
  it('stores the span as UTF-16 offsets with its exact text and 32 units of context each side', async () => {
    const { projectId, sourceId, code } = await setup();
    const span = spanOf(sourceId, 'exhausting');
    const coding = await applyCode(span, code.id, 'Ada');
    expect(coding).toMatchObject({
      projectId,
      sourceId,
      codeId: code.id,
      start: span.start,
      end: span.end,
      exact: 'exhausting',
      prefix: TEXT.slice(span.start - 32, span.start),
      suffix: TEXT.slice(span.end, span.end + 32),
      coder: 'Ada',
    });
    // The emoji before the span count two units each: the offset is what JavaScript indexes.
    expect(TEXT.slice(coding.start, coding.end)).toBe('exhausting');
    expect(await getCoding(coding.id)).toEqual(coding);
  });

  it('codes emoji and Japanese text whole', async () => {
    const { sourceId, code } = await setup();
    const emoji = await applyCode(spanOf(sourceId, '😔👩‍👩‍👧'), code.id, 'Ada');
    const japanese = await applyCode(spanOf(sourceId, 'カフェは閉まった'), code.id, 'Ada');
    expect(emoji.exact).toBe('😔👩‍👩‍👧');
    expect(japanese).toMatchObject({ exact: 'カフェは閉まった', suffix: '。' });
  });

  it('keeps one coding when the same code is applied to the same span twice', async () => {
    const { sourceId, code, projectId } = await setup();
    const span = spanOf(sourceId, 'night shifts');
    const first = await applyCode(span, code.id, 'Ada');
    const again = await applyCode(span, code.id, 'Ada');
    expect(again.id).toBe(first.id);
    expect(await storedCodings()).toHaveLength(1);
    // A different code on the same words is a second coding.
    const other = await createCode({ projectId, name: 'Work' });
    await applyCode(span, other.id, 'Ada');
    expect(await storedCodings()).toHaveLength(2);
  });

  it('keeps one coding, and can remove it, after recent codings were packed into the source’s block', async () => {
    const { sourceId, code } = await setup();
    const span = spanOf(sourceId, 'night shifts');
    const first = await applyCode(span, code.id, 'Ada');
    await foldRecentCodings(sourceId);
    expect((await applyCode(span, code.id, 'Ada')).id).toBe(first.id);
    expect(await storedCodings()).toEqual([first]);
    await removeCoding(first.id);
    expect(await storedCodings()).toEqual([]);
  });

  it('keeps one coding however often the source’s packed codings are rewritten between two applies', async () => {
    const { sourceId, code } = await setup();
    const nights = await applyCode(spanOf(sourceId, 'night shifts'), code.id, 'Ada');
    await foldRecentCodings(sourceId);
    expect((await applyCode(spanOf(sourceId, 'night shifts'), code.id, 'Ada')).id).toBe(nights.id);
    const harbour = await applyCode(spanOf(sourceId, 'harbour'), code.id, 'Ada');
    await foldRecentCodings(sourceId);
    expect((await applyCode(spanOf(sourceId, 'harbour'), code.id, 'Ada')).id).toBe(harbour.id);
    expect((await applyCode(spanOf(sourceId, 'night shifts'), code.id, 'Ada')).id).toBe(nights.id);
    expect((await storedCodings()).map((c) => c.id).sort()).toEqual([nights.id, harbour.id].sort());
  });

  it('refuses a source deleted after it was coded', async () => {
    const { sourceId, code, projectId } = await setup();
    await applyCode(spanOf(sourceId, 'night shifts'), code.id, 'Ada', projectId);
    await deleteSource(sourceId);
    await expect(applyCode(spanOf(sourceId, 'harbour'), code.id, 'Ada', projectId)).rejects.toThrow('That source no longer exists.');
    expect(await storedCodings()).toEqual([]);
  });

  it('refuses a source of another project than the one it is told', async () => {
    const { sourceId, code } = await setup();
    const other = await createProject('Other');
    await expect(applyCode(spanOf(sourceId, 'harbour'), code.id, 'Ada', other.id)).rejects.toThrow('That source no longer exists.');
    expect(await storedCodings()).toEqual([]);
  });

  it('refuses a selection of only whitespace', async () => {
    const { sourceId, code } = await setup();
    const start = TEXT.indexOf('   \n');
    await expect(applyCode({ sourceId, start, end: start + 4 }, code.id, 'Ada')).rejects.toThrow(
      'A selection of only whitespace cannot be coded.',
    );
    expect(await storedCodings()).toEqual([]);
  });

  it('refuses a selection that cuts an emoji in half', async () => {
    const { sourceId, code } = await setup();
    const start = TEXT.indexOf('😔') + 1;
    await expect(applyCode({ sourceId, start, end: start + 5 }, code.id, 'Ada')).rejects.toThrow('The selection splits a character.');
  });

  it('refuses a code of another project, and a source or code that is gone', async () => {
    const { sourceId, code } = await setup();
    const other = await createProject('Other');
    const foreign = await createCode({ projectId: other.id, name: 'Foreign' });
    const span = spanOf(sourceId, 'harbour');
    await expect(applyCode(span, foreign.id, 'Ada')).rejects.toThrow('That code no longer exists.');
    await expect(applyCode(span, 'deleted-code', 'Ada')).rejects.toThrow('That code no longer exists.');
    await expect(applyCode({ ...span, sourceId: 'deleted-source' }, code.id, 'Ada')).rejects.toThrow('That source no longer exists.');
    expect(await storedCodings()).toEqual([]);
  });
});

describe('codeInVivo', () => {
  it('creates a code named by the selected words and applies it', async () => {
    const { sourceId, projectId } = await setup();
    const span = spanOf(sourceId, 'the night shifts');
    const { code, coding } = await codeInVivo(span, 'Ada');
    expect(code).toMatchObject({ projectId, parentId: null, name: 'the night shifts' });
    expect(coding).toMatchObject({ codeId: code.id, start: span.start, end: span.end, exact: 'the night shifts' });
    expect(await db.codes.get(code.id)).toEqual(code);
    expect(await getCoding(coding.id)).toEqual(coding);
  });

  it('joins words across line breaks with single spaces', async () => {
    const { sourceId } = await setup();
    const span = spanOf(sourceId, '👩‍👩‍👧\nA: Honestly');
    const { code } = await codeInVivo(span, 'Ada');
    expect(code.name).toBe('👩‍👩‍👧 A: Honestly');
  });

  it('shortens a long selection at a word boundary with an ellipsis, keeping the whole selection coded', async () => {
    const { sourceId } = await setup();
    const words = 'it was exhausting, the night shifts at the harbour, week after week, with no one to talk to.';
    const span = spanOf(sourceId, words);
    const { code, coding } = await codeInVivo(span, 'Ada');
    // The 60th character falls inside "after": the name stops before that word.
    expect(code.name).toBe('it was exhausting, the night shifts at the harbour, week…');
    expect(code.name.length).toBeLessThanOrEqual(IN_VIVO_MAX + 1);
    expect(coding.exact).toBe(words);
  });

  it('never cuts an emoji in half when shortening a selection without spaces', async () => {
    const project = await createProject('Emoji');
    const text = `x${'😔'.repeat(40)}`;
    const sourceId = await importText(project.id, 'e.txt', text);
    const { code } = await codeInVivo({ sourceId, start: 0, end: text.length }, 'Ada');
    expect(code.name.endsWith('…')).toBe(true);
    const shortened = code.name.slice(0, -1);
    expect(text.startsWith(shortened)).toBe(true);
    // Every character is whole: no lone surrogate that would show as "�" or break an export.
    // (UTF-8 encoding turns a lone surrogate into U+FFFD, so a round trip shows one.)
    expect(new TextDecoder().decode(new TextEncoder().encode(shortened))).toBe(shortened);
    expect(shortened.length).toBeGreaterThan(IN_VIVO_MAX - 2);
  });

  it('refuses a whitespace-only selection without creating a code', async () => {
    const { sourceId } = await setup();
    const start = TEXT.indexOf('   \n');
    await expect(codeInVivo({ sourceId, start, end: start + 4 }, 'Ada')).rejects.toThrow(/whitespace/);
    expect(await db.codes.count()).toBe(1);
    expect(await storedCodings()).toEqual([]);
  });
});

describe('removeCoding', () => {
  it('removes the coding and the memos on it, leaving the rest', async () => {
    const { projectId, sourceId, code } = await setup();
    const gone = await applyCode(spanOf(sourceId, 'exhausting'), code.id, 'Ada');
    const kept = await applyCode(spanOf(sourceId, 'harbour'), code.id, 'Ada');
    const memo = (id: string, targetId: string) => ({
      id,
      projectId,
      targetKind: 'coding' as const,
      targetId,
      title: '',
      body: 'b',
      author: 'Ada',
      createdAt: '',
      updatedAt: '',
    });
    await db.memos.bulkAdd([memo('m-gone', gone.id), memo('m-kept', kept.id)]);

    await removeCoding(gone.id);

    expect((await storedCodings()).map((c) => c.id)).toEqual([kept.id]);
    expect((await db.memos.toArray()).map((m) => m.id)).toEqual(['m-kept']);
    expect(await db.codes.get(code.id)).toBeDefined();
    await removeCoding(gone.id); // removing twice is harmless
    expect(await storedCodings()).toHaveLength(1);
  });
});
