// Code frequencies with subcodes rolled up, and word frequencies in English and Japanese.
import { describe, expect, it } from 'vitest';
import { codeFrequencies } from '../../../shared/analysis/codeFrequencies';
import { foldWord, wordFrequencies } from '../../../shared/analysis/wordFrequencies';
import { CASES, CODES, coded } from './caseFixture';

describe('codeFrequencies', () => {
  it('counts codings, cases and sources per code, and rolls subcodes up counting each case once', () => {
    const codings = [
      coded('thread', 'distrust', 'distrust'),
      coded('thread', 'china', 'China'),
      coded('note', 'china', 'distrust again'),
      coded('interview', 'trust', 'trust nobody'),
      coded('interview', 'trust', 'Not even'),
      coded('thread', 'trust', '\n'), // in no case
    ];
    const table = codeFrequencies({ codes: CODES, codings, cases: CASES });
    expect(table.map((r) => [r.codeId, r.depth, r.codings, r.cases, r.sources])).toEqual([
      ['distrust', 0, 1, 1, 1],
      ['china', 1, 2, 1, 2],
      ['trust', 0, 3, 1, 2],
      ['place', 0, 0, 0, 0],
    ]);
    // Distrust with China: three codings, one case (Aiko in two sources), two sources.
    expect(table[0]!.withSubcodes).toEqual({ codings: 3, cases: 1, sources: 2 });
    expect(table[3]!.withSubcodes).toEqual({ codings: 0, cases: 0, sources: 0 });
  });

  it('counts no cases without case data', () => {
    const table = codeFrequencies({ codes: CODES, codings: [coded('thread', 'trust', 'trust them')] });
    expect(table.find((r) => r.codeId === 'trust')).toMatchObject({ codings: 1, cases: 0, sources: 1 });
  });
});

describe('wordFrequencies', () => {
  it('counts English words case-folded, without stop words or numbers, most frequent first', () => {
    const result = wordFrequencies(['The bus was late. The BUS is always late!', 'I don’t trust the bus company, 3 times late.']);
    expect(result.words).toEqual([
      { word: 'bus', count: 3 },
      { word: 'late', count: 3 },
      { word: 'always', count: 1 },
      { word: 'company', count: 1 },
      { word: 'times', count: 1 },
      { word: 'trust', count: 1 },
    ]);
    expect(result.total).toBe(10);
  });

  it('splits Japanese into words and leaves out particles and auxiliaries', () => {
    const result = wordFrequencies(['私は東京に住んでいます。東京の政府は信用できない。'], { stopWords: ['ja'] });
    const words = result.words.map((w) => w.word);
    expect(words[0]).toBe('東京');
    expect(result.words[0]!.count).toBe(2);
    for (const particle of ['は', 'に', 'の', 'ます', '私']) expect(words).not.toContain(particle);
    expect(words).toContain('政府');
  });

  it('folds full-width letters and curly apostrophes, and takes the user’s own stop words', () => {
    expect(foldWord('ＡＢＣ')).toBe('abc');
    expect(foldWord('Don’t')).toBe("don't");
    const result = wordFrequencies(['Marginalia marginalia ＭＡＲＧＩＮＡＬＩＡ tool'], { extraStopWords: ['Tool'] });
    expect(result.words).toEqual([{ word: 'marginalia', count: 3 }]);
  });

  it('keeps numbers on request, honours a minimum length and a limit, and is empty for no text', () => {
    expect(wordFrequencies(['2024 2024 go'], { includeNumbers: true, stopWords: [] }).words[0]).toEqual({ word: '2024', count: 2 });
    expect(wordFrequencies(['go went gone'], { minLength: 4, stopWords: [] }).words.map((w) => w.word)).toEqual(['gone', 'went']);
    expect(wordFrequencies(['a b c d'], { stopWords: [], limit: 2 }).words).toHaveLength(2);
    expect(wordFrequencies([])).toEqual({ words: [], total: 0 });
  });

  it('treats emoji and right-to-left text as the segmenter does: Arabic words count, emoji do not', () => {
    const result = wordFrequencies(['مرحبا مرحبا 😀 שלום'], { stopWords: [] });
    expect(result.words).toEqual([
      { word: 'مرحبا', count: 2 },
      { word: 'שלום', count: 1 },
    ]);
  });
});

describe('textChunks', () => {
  it('cuts at line breaks and long lines at white space, covering every word once', async () => {
    const { textChunks, MAX_CHUNK } = await import('../../../shared/analysis/textChunks');
    const long = Array.from({ length: 900 }, (_, i) => `word${i}`).join(' ');
    const text = `first line\n\n${long}\n😀${'語'.repeat(MAX_CHUNK * 2)}\nlast`;
    const chunks = [...textChunks(text)];
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(MAX_CHUNK);
      expect(text.slice(c.offset, c.offset + c.text.length)).toBe(c.text);
      expect(c.text).not.toContain('\n');
    }
    // Every non-newline character is in exactly one piece.
    expect(chunks.map((c) => c.text).join('')).toBe(text.replace(/\n/g, ''));
    // The long spaced line is cut only at spaces: no word is split.
    const words = chunks.flatMap((c) => c.text.split(' ')).filter((w) => w.startsWith('word'));
    expect(words).toHaveLength(900);
    expect(wordFrequencies([text], { stopWords: [], includeNumbers: true }).words.find((w) => w.word === 'word899')).toEqual({ word: 'word899', count: 1 });
  });
});

describe('frequency CSVs', () => {
  it('writes the code table with roll-ups and the word table with percentages', async () => {
    const { buildCodeFrequenciesCsv, buildWordFrequenciesCsv } = await import('../../../shared/analysis/frequenciesCsv');
    const table = codeFrequencies({ codes: CODES, codings: [coded('thread', 'china', 'China')], cases: CASES });
    expect(buildCodeFrequenciesCsv(table, (id) => id).split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFcode,codings,cases,sources,codings_with_subcodes,cases_with_subcodes,sources_with_subcodes',
      'distrust,0,0,0,1,1,1',
      'china,1,1,1,1,1,1',
    ]);
    expect(buildWordFrequenciesCsv(wordFrequencies(['bus bus late'], { stopWords: [] }))).toBe('\uFEFFword,count,percent\r\nbus,2,66.7\r\nlate,1,33.3\r\n');
  });
});
