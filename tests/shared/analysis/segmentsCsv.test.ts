// The coded segments export is read by Python, R and REFI-QDA tools that count code points: cutting
// the source text at a row's start/end must give that row's text.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Code, Coding } from '../../../shared/model/types';
import { buildSegmentsCsv, type SEGMENTS_CSV_COLUMNS } from '../../../shared/analysis/segmentsCsv';

type Row = Record<(typeof SEGMENTS_CSV_COLUMNS)[number], string> & Record<string, string>;

function parseSegments(csv: string): { header: string[]; rows: Row[] } {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const body = csv.slice(1);
  const header = body.slice(0, body.indexOf('\r\n')).split(',');
  const parsed = Papa.parse<Row>(body, { header: true, delimiter: ',', newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { header, rows: parsed.data };
}

function code(id: string, name: string, parentId: string | null = null): Code {
  return { id, projectId: 'p', parentId, name, description: '', color: '#e6194b', order: 1, createdAt: '2024-01-01T00:00:00.000Z' };
}

let nextCodingId = 0;
function coding(sourceId: string, codeId: string, start: number, end: number, text: string): Coding {
  nextCodingId++;
  return {
    id: `coding-${nextCodingId}`,
    projectId: 'p',
    sourceId,
    codeId,
    start,
    end,
    exact: text.slice(start, end),
    prefix: '',
    suffix: '',
    coder: 'Ada',
    createdAt: `2024-05-0${(nextCodingId % 9) + 1}T10:00:00.000Z`,
  };
}

/** Where a string starts in `text`, in UTF-16 units, with its end. */
function spanOf(text: string, words: string): [number, number] {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return [start, start + words.length];
}

const cutByCodePoints = (text: string, start: string, end: string): string =>
  Array.from(text).slice(Number(start), Number(end)).join('');

describe('buildSegmentsCsv', () => {
  const interview = 'Q: How was the move? 😔\nA: Tiring. 👩‍👩‍👧 moved to 東京 — the cafe\u0301 closed. مرحبا!';
  const codes = [code('c-feel', 'Feelings'), code('c-tired', 'Tiredness', 'c-feel'), code('c-place', 'Place')];

  it('writes exactly the documented columns', () => {
    const csv = buildSegmentsCsv({ sources: [], texts: new Map(), codes: [], codings: [] });
    expect(parseSegments(csv).header).toEqual([
      'coding_id',
      'source',
      'code',
      'code_path',
      'start',
      'end',
      'text',
      'coder',
      'created_at',
      'memo',
      'case',
    ]);
  });

  it('writes each coding’s memos in the last column, empty where it has none', () => {
    const text = 'We waited an hour for the bus.';
    const sources = [{ id: 's1', name: 'a.txt', order: 1 }];
    const [start, end] = spanOf(text, 'waited an hour');
    const memoed = coding('s1', 'c-feel', start, end, text);
    const plain = coding('s1', 'c-place', 0, 2, text);
    const csv = buildSegmentsCsv({
      sources,
      texts: new Map([['s1', text]]),
      codes,
      codings: [memoed, plain],
      codingMemos: new Map([[memoed.id, 'Line one\n\nLine two, with "quotes"']]),
    });
    const { rows } = parseSegments(csv);
    expect(rows.find((r) => r.coding_id === memoed.id)?.memo).toBe('Line one\n\nLine two, with "quotes"');
    expect(rows.find((r) => r.coding_id === plain.id)?.memo).toBe('');
  });

  describe('case columns', () => {
    // Three turns of a split comment thread, one per commenter, plus a case linked to the whole source.
    const thread = 'Aiko: I distrust them.\nBen: So do I 😀.\nAiko: Still.';
    const aikoFirst = spanOf(thread, 'Aiko: I distrust them.');
    const benTurn = spanOf(thread, 'Ben: So do I 😀.');
    const aikoLast = spanOf(thread, 'Aiko: Still.');
    const cases = {
      cases: [
        { id: 'k-ben', name: 'Ben', order: 2 },
        { id: 'k-aiko', name: 'Aiko', order: 1 },
        { id: 'k-thread', name: 'Thread', order: 3 },
      ],
      attributes: [
        { id: 'a-region', name: 'region', type: 'category' as const, order: 1 },
        { id: 'a-age', name: 'age', type: 'number' as const, order: 0 },
      ],
      values: [
        { caseId: 'k-aiko', attributeId: 'a-region', value: 'Kanto' },
        { caseId: 'k-ben', attributeId: 'a-region', value: 'Kansai' },
        { caseId: 'k-aiko', attributeId: 'a-age', value: 34 },
        { caseId: 'k-ben', attributeId: 'a-age', value: null },
      ],
      links: [
        { caseId: 'k-aiko', sourceId: 's1', start: aikoFirst[0], end: aikoFirst[1] },
        { caseId: 'k-ben', sourceId: 's1', start: benTurn[0], end: benTurn[1] },
        { caseId: 'k-aiko', sourceId: 's1', start: aikoLast[0], end: aikoLast[1] },
        { caseId: 'k-thread', sourceId: 's2' },
      ],
    };
    const other = 'A whole-source case.';
    const build = (codings: Coding[]): { header: string[]; rows: Row[] } =>
      parseSegments(
        buildSegmentsCsv({
          sources: [
            { id: 's1', name: 'thread.txt', order: 1 },
            { id: 's2', name: 'other.txt', order: 2 },
          ],
          texts: new Map([
            ['s1', thread],
            ['s2', other],
          ]),
          codes,
          codings,
          cases,
        }),
      );

    it('adds case then one attribute column per attribute, in attribute order, after memo', () => {
      expect(build([]).header.slice(9)).toEqual(['memo', 'case', 'attribute:age', 'attribute:region']);
    });

    it('names the case whose segment holds the passage, with its values', () => {
      const [start, end] = spanOf(thread, 'distrust');
      const row = build([coding('s1', 'c-feel', start, end, thread)]).rows[0]!;
      expect([row.case, row['attribute:region'], row['attribute:age']]).toEqual(['Aiko', 'Kanto', '34']);
    });

    it('names every case a passage across two turns touches, values in the same order, a missing one empty', () => {
      const [start] = spanOf(thread, 'them.');
      const [, end] = spanOf(thread, 'So do');
      const row = build([coding('s1', 'c-feel', start, end, thread)]).rows[0]!;
      expect([row.case, row['attribute:region'], row['attribute:age']]).toEqual(['Aiko; Ben', 'Kanto; Kansai', '34; ']);
    });

    it('does not count a passage that only touches a turn (ends where it starts)', () => {
      // "\n" between the turns is in no segment; a coding of exactly Ben's turn is Ben's only.
      const row = build([coding('s1', 'c-feel', benTurn[0], benTurn[1], thread)]).rows[0]!;
      expect(row.case).toBe('Ben');
      const newline = build([coding('s1', 'c-feel', aikoFirst[1], aikoFirst[1] + 1, thread)]).rows[0]!;
      expect(newline.case).toBe('');
      expect(newline['attribute:region']).toBe('');
    });

    it('names a case linked to the whole source for any passage of it', () => {
      const row = build([coding('s2', 'c-place', 0, 5, other)]).rows[0]!;
      expect([row.case, row['attribute:region']]).toEqual(['Thread', '']);
    });
  });

  it('counts start and end in code points, so cutting the source there gives the text column', () => {
    const spans = [
      spanOf(interview, 'Tiring. 👩‍👩‍👧'),
      spanOf(interview, '東京'),
      spanOf(interview, 'cafe\u0301 closed'),
      spanOf(interview, 'مرحبا'),
      spanOf(interview, '😔'),
    ];
    const codings = spans.map(([start, end]) => coding('s1', 'c-tired', start, end, interview));
    const csv = buildSegmentsCsv({
      sources: [{ id: 's1', name: 'interview-1.txt', order: 1 }],
      texts: new Map([['s1', interview]]),
      codes,
      codings,
    });
    const { rows } = parseSegments(csv);
    expect(rows).toHaveLength(spans.length);
    for (const row of rows) {
      expect(cutByCodePoints(interview, row.start, row.end)).toBe(row.text);
    }
    // "Tiring." sits after one astral emoji: its code point start is one less than its UTF-16 start.
    const tiring = rows.find((r) => r.text.startsWith('Tiring'))!;
    expect(Number(tiring.start)).toBe(interview.indexOf('Tiring') - 1);
    // The family emoji is 5 code points but 8 code units.
    expect(Number(tiring.end) - Number(tiring.start)).toBe('Tiring. '.length + 5);
    const tokyo = rows.find((r) => r.text === '東京')!;
    expect(Number(tokyo.start)).toBe(interview.indexOf('東京') - 4);
  });

  it('fills every column of a row', () => {
    const [start, end] = spanOf(interview, 'Tiring.');
    const only = coding('s1', 'c-tired', start, end, interview);
    const { rows } = parseSegments(
      buildSegmentsCsv({
        sources: [{ id: 's1', name: 'interview-1.txt', order: 1 }],
        texts: new Map([['s1', interview]]),
        codes,
        codings: [only],
      }),
    );
    expect(rows).toEqual([
      {
        coding_id: only.id,
        source: 'interview-1.txt',
        code: 'Tiredness',
        code_path: 'Feelings > Tiredness',
        start: String(start - 1),
        end: String(end - 1),
        text: 'Tiring.',
        coder: 'Ada',
        created_at: only.createdAt,
        memo: '',
        case: '',
      },
    ]);
  });

  it('joins the code path from the root with " > "', () => {
    const deep = [code('a', 'Life'), code('b', 'Work', 'a'), code('c', 'Night shifts', 'b')];
    const text = 'I work nights.';
    const { rows } = parseSegments(
      buildSegmentsCsv({
        sources: [{ id: 's', name: 's.txt', order: 1 }],
        texts: new Map([['s', text]]),
        codes: deep,
        codings: [coding('s', 'c', 2, 6, text), coding('s', 'a', 7, 13, text)],
      }),
    );
    expect(rows.map((r) => [r.code, r.code_path])).toEqual([
      ['Night shifts', 'Life > Work > Night shifts'],
      ['Life', 'Life'],
    ]);
  });

  it('orders rows by the source list, then by position in the source', () => {
    const first = 'alpha beta gamma';
    const second = 'delta epsilon';
    const codings = [
      coding('second', 'c-place', 6, 13, second),
      coding('first', 'c-place', 11, 16, first),
      coding('first', 'c-feel', 0, 5, first),
      coding('second', 'c-feel', 0, 5, second),
      coding('first', 'c-place', 0, 10, first),
    ];
    const { rows } = parseSegments(
      buildSegmentsCsv({
        // Listed out of order on purpose: `order` decides, not the array position.
        sources: [
          { id: 'second', name: 'Second.txt', order: 2 },
          { id: 'first', name: 'First.txt', order: 1 },
        ],
        texts: new Map([
          ['first', first],
          ['second', second],
        ]),
        codes,
        codings,
      }),
    );
    expect(rows.map((r) => [r.source, r.text])).toEqual([
      ['First.txt', 'alpha'],
      ['First.txt', 'alpha beta'],
      ['First.txt', 'gamma'],
      ['Second.txt', 'delta'],
      ['Second.txt', 'epsilon'],
    ]);
  });

  it('cuts the right text for any span of any text (property)', () => {
    const PIECES = ['a', 'b ', ' ', '😔', '👩‍👩‍👧', 'e\u0301', '\n', 'مرحبا', 'שלום', '日本語', '𠮷', ','] as const;
    const text = fc
      .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 3 })), { minLength: 1, maxLength: 30 })
      .map((parts) => parts.join(''))
      .filter((t) => t.length > 0);
    const scenario = fc.array(text, { minLength: 1, maxLength: 3 }).chain((texts) => {
      const span = fc.nat({ max: texts.length - 1 }).chain((sourceIndex) => {
        const boundaries = [0];
        for (const char of texts[sourceIndex]!) boundaries.push(boundaries.at(-1)! + char.length);
        return fc
          .tuple(fc.constantFrom(...boundaries), fc.constantFrom(...boundaries))
          .filter(([a, b]) => a !== b)
          .map(([a, b]) => ({ sourceIndex, start: Math.min(a, b), end: Math.max(a, b) }));
      });
      return fc.record({ texts: fc.constant(texts), spans: fc.array(span, { minLength: 1, maxLength: 6 }) });
    });
    fc.assert(
      fc.property(
        scenario,
        ({ texts, spans }) => {
          const sources = texts.map((_, i) => ({ id: `s${i}`, name: `source ${i}.txt`, order: texts.length - i }));
          const byId = new Map(texts.map((t, i) => [`s${i}`, t]));
          const codings = spans.map(({ sourceIndex, start, end }) => coding(`s${sourceIndex}`, 'c-tired', start, end, texts[sourceIndex]!));
          const { rows } = parseSegments(buildSegmentsCsv({ sources, texts: byId, codes, codings }));
          expect(rows).toHaveLength(codings.length);
          for (const row of rows) {
            const sourceText = byId.get(`s${row.source.replace(/\D/g, '')}`)!;
            const cut = cutByCodePoints(sourceText, row.start, row.end);
            // Text that would start a spreadsheet formula carries the writer's apostrophe.
            expect(row.text).toBe(/^[=+\-@\t\r]/.test(cut) ? `'${cut}` : cut);
          }
          // Source order (highest index first here), then start, then end.
          const keys = rows.map((r) => [texts.length - Number(r.source.replace(/\D/g, '')), Number(r.start), Number(r.end)]);
          const sorted = [...keys].sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!);
          expect(keys).toEqual(sorted);
        },
      ),
    );
  });
});

describe('buildSegmentsCsv coder column', () => {
  it("names each coding's coder, keeping the id of a coder without a record", () => {
    const text = 'We were tired and the pay was late.';
    const codes = [code('c', 'Pay')];
    const ann = { ...coding('s', 'c', 0, 11, text), coder: 'u-ann' };
    const legacy = { ...coding('s', 'c', 22, 34, text), coder: 'me' };
    const { rows } = parseSegments(
      buildSegmentsCsv({
        sources: [{ id: 's', name: 's.txt', order: 1 }],
        texts: new Map([['s', text]]),
        codes,
        codings: [ann, legacy],
        coders: [{ id: 'u-ann', name: 'Ann Smith' }],
      }),
    );
    expect(rows.map((r) => r.coder)).toEqual(['Ann Smith', 'me']);
  });
});
