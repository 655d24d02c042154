// The analysis views' computations over a stored project, run inline as the worker runs them:
// crosstabs of each kind (folded and recent codings alike, under a filter), the codings behind a
// cell, code and word frequencies, auto-coding as one undoable step, and the streaming search.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Code, Coding, Source } from '../../../shared/model/types';
import { codeFrequencyTable, crosstab, crosstabCell, wordFrequencyTable } from '../../../renderer/src/analysis/tableOperations';
import { commitAutoCode, previewAutoCode } from '../../../renderer/src/analysis/autoCodeOperations';
import { runProjectSearch, type SearchMessage } from '../../../renderer/src/analysis/projectSearch';
import { commit } from '../../../renderer/src/db/operations/commit';
import { stepChanges, undo } from '../../../renderer/src/db/operations/history';
import { codingsOfProject } from '../../../renderer/src/db/codingsRepository';
import { addCodings, addFoldedCodings } from '../support/storeCodings';
import { useFreshDatabase } from '../support/freshDatabase';

const freshDb = useFreshDatabase();

// Two speakers' turns in one interview (segment links), and a whole letter by Bo.
const TEXTS: Record<string, string> = {
  interview: 'Ana: The night bus is late. I wait an hour.\nBo: I never take the bus at night.',
  letter: 'Dear council, the night bus matters to nurses.',
};

function source(id: string, order: number): Source {
  return { id, projectId: 'p1', name: `${id}.txt`, length: TEXTS[id]!.length, encoding: 'UTF-8', byteSize: 0, importedAt: '', order };
}

function code(id: string, parentId: string | null = null): Code {
  return { id, projectId: 'p1', parentId, name: id, description: '', color: '#336699', order: 1, createdAt: '' };
}

function coding(id: string, sourceId: string, codeId: string, exact: string, coder = 'Ada', from = 0): Coding {
  const start = TEXTS[sourceId]!.indexOf(exact, from);
  if (start < 0) throw new Error(`"${exact}" is not in ${sourceId}`);
  return { id, projectId: 'p1', sourceId, codeId, start, end: start + exact.length, exact, prefix: '', suffix: '', coder, createdAt: '2024-01-01T00:00:00Z' };
}

const BO_TURN = TEXTS.interview!.indexOf('Bo:');

beforeEach(async () => {
  const db = freshDb();
  await db.projects.add({ id: 'p1', name: 'Bus study', createdAt: '', updatedAt: '' });
  await db.sources.bulkAdd([source('interview', 1), source('letter', 2)]);
  await db.sourceTexts.bulkAdd(Object.entries(TEXTS).map(([sourceId, text]) => ({ sourceId, projectId: 'p1', text })));
  await db.codes.bulkAdd([code('transport'), code('night', 'transport'), code('waiting')]);
  await commit('p1', 'cases', () => ({
    cases: { added: [{ id: 'ana', projectId: 'p1', name: 'Ana', order: 1, createdAt: '' }, { id: 'bo', projectId: 'p1', name: 'Bo', order: 2, createdAt: '' }], updated: [], removed: [] },
    attributes: { added: [{ id: 'role', projectId: 'p1', name: 'role', type: 'text' }], updated: [], removed: [] },
    caseValues: { added: [{ projectId: 'p1', caseId: 'ana', attributeId: 'role', value: 'rider' }, { projectId: 'p1', caseId: 'bo', attributeId: 'role', value: 'nurse' }], updated: [], removed: [] },
    caseLinks: {
      added: [
        { id: 'l1', projectId: 'p1', caseId: 'ana', sourceId: 'interview', start: 0, end: BO_TURN - 1 },
        { id: 'l2', projectId: 'p1', caseId: 'bo', sourceId: 'interview', start: BO_TURN, end: TEXTS.interview!.length },
        { id: 'l3', projectId: 'p1', caseId: 'bo', sourceId: 'letter' },
      ],
      updated: [],
      removed: [],
    },
  }));
  await addFoldedCodings([coding('n1', 'interview', 'night', 'night bus'), coding('w1', 'interview', 'waiting', 'I wait an hour'), coding('n2', 'letter', 'night', 'night bus', 'Bea')]);
  // A recent coding (a row, not yet folded) counts like the folded ones.
  await addCodings([coding('n3', 'interview', 'night', 'bus at night')]);
});

const request = (columns: Parameters<typeof crosstab>[1]['columns'], count: 'codings' | 'cases' = 'codings', includeSubcodes = false, filter = {}) => ({
  codeIds: ['transport', 'night', 'waiting'],
  includeSubcodes,
  columns,
  count,
  filter,
});

describe('crosstab in the worker', () => {
  it('counts codes × cases, × attribute values and × sources, codings or cases, with subcodes rolled up', async () => {
    const byCase = await crosstab('p1', request({ kind: 'cases' }));
    expect(byCase.columns.map((c) => c.label)).toEqual(['Ana', 'Bo']);
    expect(byCase.counts).toEqual([
      [0, 0],
      [1, 2],
      [1, 0],
    ]);
    const rolled = await crosstab('p1', request({ kind: 'cases' }, 'cases', true));
    expect(rolled.counts).toEqual([
      [1, 1],
      [1, 1],
      [1, 0],
    ]);
    const byRole = await crosstab('p1', request({ kind: 'attribute', attributeId: 'role' }));
    expect(byRole.columns.map((c) => c.label)).toEqual(['nurse', 'rider']);
    expect(byRole.counts[1]).toEqual([2, 1]);
    const bySource = await crosstab('p1', request({ kind: 'sources' }));
    expect(bySource.columns.map((c) => c.label)).toEqual(['interview.txt', 'letter.txt']);
    expect(bySource.counts[1]).toEqual([2, 1]);
  });

  it('applies the filter to codings (coder) and to the case columns (attribute)', async () => {
    const byBea = await crosstab('p1', request({ kind: 'sources' }, 'codings', false, { coders: ['Bea'] }));
    expect(byBea.counts[1]).toEqual([0, 1]);
    const nurses = await crosstab('p1', request({ kind: 'cases' }, 'codings', false, { attributes: [{ attributeId: 'role', op: 'equals', value: 'nurse' }] }));
    expect(nurses.columns.map((c) => c.label)).toEqual(['Bo']);
    expect(nurses.counts[1]).toEqual([2]);
  });

  it('lists the codings behind a cell in reading order', async () => {
    const refs = await crosstabCell('p1', request({ kind: 'cases' }), 1, 'bo');
    expect(refs.map((r) => r.codingId)).toEqual(['n3', 'n2']);
    expect(await crosstabCell('p1', request({ kind: 'cases' }), 1, 'nobody')).toEqual([]);
  });
});

describe('frequencies in the worker', () => {
  it('counts codings, cases and sources per code, own and with subcodes', async () => {
    const table = await codeFrequencyTable('p1', {});
    expect(table.map((r) => [r.codeId, r.codings, r.cases, r.sources, r.withSubcodes.codings])).toEqual([
      ['transport', 0, 0, 0, 3],
      ['night', 3, 2, 2, 3],
      ['waiting', 1, 1, 1, 1],
    ]);
  });

  it('counts the words of a code’s segments without stop words, and of chosen sources', async () => {
    const words = await wordFrequencyTable('p1', { scope: { kind: 'codes', codeIds: ['night'] }, stopWords: ['en'], limit: 10, filter: {} });
    expect(words.words).toEqual([
      { word: 'bus', count: 3 },
      { word: 'night', count: 3 },
    ]);
    const letter = await wordFrequencyTable('p1', { scope: { kind: 'sources', sourceIds: ['letter'] }, stopWords: ['en'], limit: 2, filter: {} });
    expect(letter.total).toBe(6);
    expect(letter.words.map((w) => w.word)).toEqual(['bus', 'council']);
  });

  it('counts only the words of the cases the filter admits: their turns, and sources linked whole', async () => {
    const words = async (caseId: string) => {
      const result = await wordFrequencyTable('p1', { scope: { kind: 'sources', sourceIds: ['interview', 'letter'] }, stopWords: ['en'], limit: 50, filter: { caseIds: [caseId] } });
      return new Map(result.words.map((w) => [w.word, w.count]));
    };
    const ana = await words('ana');
    expect([ana.get('bus'), ana.get('late'), ana.get('never'), ana.get('council')]).toEqual([1, 1, undefined, undefined]);
    // Bo: his turn of the interview and the whole letter.
    const bo = await words('bo');
    expect([bo.get('bus'), bo.get('late'), bo.get('never'), bo.get('council')]).toEqual([2, undefined, 1, 1]);
    // A source filter keeps whole sources; a coder has no say over plain text.
    const letterOnly = await wordFrequencyTable('p1', { scope: { kind: 'sources', sourceIds: ['interview', 'letter'] }, stopWords: ['en'], limit: 50, filter: { sourceIds: ['letter'], coders: ['Nobody'] } });
    expect(letterOnly.total).toBe(6);
  });
});

describe('auto-coding in the worker', () => {
  const hits = () => {
    const text = TEXTS.interview!;
    return [...text.matchAll(/bus/g)].map((m) => ({ sourceId: 'interview', start: m.index, end: m.index + 3 }));
  };

  it('previews, then commits the codings as one step that one undo takes back', async () => {
    const preview = await previewAutoCode('p1', { hits: hits(), scope: 'sentence', codeId: 'waiting', coder: 'Ada' });
    expect(preview).toMatchObject({ added: 2, skipped: 0, unplaced: 0 });
    expect(preview.sample.map((s) => s.exact)).toEqual(['Ana: The night bus is late.', 'Bo: I never take the bus at night.']);
    const before = (await codingsOfProject('p1')).length;
    expect(await commitAutoCode('p1', { hits: hits(), scope: 'sentence', codeId: 'waiting', coder: 'Ada' })).toBe(2);
    expect((await codingsOfProject('p1')).length).toBe(before + 2);
    const steps = await freshDb().history.where('projectId').equals('p1').toArray();
    expect(steps.at(-1)!.label).toBe('Auto-code 2 passages with waiting');
    expect(await undo('p1')).not.toBeNull();
    expect((await codingsOfProject('p1')).length).toBe(before);
  });

  it('attributes the step to the page’s coder and adds their coder record (the worker knows no coder itself)', async () => {
    const stepCoder = { id: 'coder-aiko', name: 'Aiko', color: '#117733' };
    expect(await commitAutoCode('p1', { hits: hits(), scope: 'hit', codeId: 'waiting', coder: stepCoder.id, stepCoder })).toBe(2);
    const step = (await freshDb().history.where('projectId').equals('p1').toArray()).at(-1)!;
    expect(step.coder).toBe('coder-aiko');
    expect(stepChanges(step).coders?.added).toEqual([{ id: 'coder-aiko', projectId: 'p1', name: 'Aiko', color: '#117733' }]);
    expect(stepChanges(step).codings?.added.map((c) => c.coder)).toEqual(['coder-aiko', 'coder-aiko']);
  });

  it('skips what is already coded and says why; a turn scope codes the speaker’s turn', async () => {
    const again = await previewAutoCode('p1', { hits: hits().slice(0, 1), scope: 'hit', codeId: 'night', coder: 'Ada' });
    expect(again).toMatchObject({ added: 0, skipped: 1, reasons: [{ reason: 'Already coded with this code.', count: 1 }] });
    const turns = await previewAutoCode('p1', { hits: hits(), scope: 'turn', codeId: 'waiting', coder: 'Ada' });
    expect(turns.sample.map((s) => s.exact)).toEqual(['Ana: The night bus is late. I wait an hour.', 'Bo: I never take the bus at night.']);
    const paragraphs = await previewAutoCode('p1', { hits: hits(), scope: 'paragraph', codeId: 'waiting', coder: 'Ada' });
    expect(paragraphs.added).toBe(2);
    await expect(commitAutoCode('p1', { hits: hits(), scope: 'hit', codeId: 'gone', coder: 'Ada' })).rejects.toThrow('That code no longer exists');
  });
});

describe('project search over the database', () => {
  const run = async (query: string, filter = {}, mode: 'plain' | 'regex' = 'plain'): Promise<SearchMessage[]> => {
    const messages: SearchMessage[] = [];
    await runProjectSearch({ projectId: 'p1', options: { query, mode, wholeWord: true, caseSensitive: false }, timeMs: 5000, filter }, (m) => messages.push(m));
    return messages;
  };

  it('posts each source’s hits in reading order, then the summary', async () => {
    const messages = await run('night');
    expect(messages.filter((m) => m.kind === 'hits').map((m) => (m.kind === 'hits' ? m.hits.map((h) => `${h.sourceId}:${h.match}`) : []))).toEqual([
      ['interview:night', 'interview:night'],
      ['letter:night'],
    ]);
    expect(messages.at(-1)).toEqual({ kind: 'done', summary: { hits: 3, sourcesSearched: 2, stoppedBy: null } });
  });

  it('keeps to the filter’s sources and cases, and refuses a bad pattern with its reason', async () => {
    const nurses = await run('night', { attributes: [{ attributeId: 'role', op: 'equals', value: 'nurse' }] });
    expect(nurses.at(-1)).toMatchObject({ summary: { hits: 2 } });
    const letterOnly = await run('night', { sourceIds: ['letter'] });
    expect(letterOnly.at(-1)).toMatchObject({ summary: { hits: 1, sourcesSearched: 1 } });
    const bad = await run('(unclosed', {}, 'regex');
    expect(bad).toEqual([{ kind: 'refused', message: expect.stringContaining('This is not a valid regular expression') }]);
  });
});
