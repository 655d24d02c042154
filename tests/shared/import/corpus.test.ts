// The real-shaped samples in ../shared/corpus, read from beside the repository (never copied
// into it). Each must import the way its README says a good import does.
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus } from './corpus';
import { parseTextFile } from '../../../shared/import/formats/text';
import { parseCsv } from '../../../shared/import/formats/csv';
import { splitCommentThread } from '../../../shared/import/split/commentThread';
import { splitSpeakerTurns } from '../../../shared/import/split/speakerTurns';
import { suggestionToCases } from '../../../shared/import/split/suggestionToCases';
import { BLANK_ANSWER_MARKER, planSurveyImport, suggestSurveyMapping } from '../../../shared/import/survey';

function text(name: string): string {
  const parsed = parseTextFile(readCorpus(name));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.text;
}

const slice = (t: string, r: { start: number; end: number }) => t.slice(r.start, r.end);

describeCorpus('corpus: field-notes-windows-1252.txt', () => {
  it('is detected as Windows-1252 and decodes with curly quotes, dashes and the accent intact', () => {
    const parsed = parseTextFile(readCorpus('field-notes-windows-1252.txt'));
    expect(parsed).toMatchObject({ ok: true, encoding: 'Windows-1252', encodingLabel: 'windows-1252' });
    if (!parsed.ok) return;
    expect(parsed.encodingGuess).toMatchObject({ label: 'windows-1252', basis: 'detector' });
    expect(parsed.text).toContain('Field notes — Diet members');
    expect(parsed.text).toContain('The “friendship” framing');
    expect(parsed.text).toContain('the café in the hotel lobby');
    expect(parsed.text).toContain('‘the test’');
    expect(parsed.text).toContain('“We are in trouble too.”');
    expect(parsed.text).not.toMatch(/[\u0080-\u009f\uFFFD]/);
    expect(parsed.warnings).toBeUndefined();
  });
});

describeCorpus('corpus: interview-osaka-supplier-crlf.txt', () => {
  const transcript = text('interview-osaka-supplier-crlf.txt');

  it('normalises CRLF once and keeps the emoji and the Japanese', () => {
    expect(transcript).not.toContain('\r');
    expect(transcript).toContain('That is on hold now. 😔');
    expect(transcript).toContain('So... 信頼 — trust — is the problem.');
  });

  it('splits into 17 I/R turns with timestamps, the header as preface', () => {
    const s = splitSpeakerTurns(transcript);
    expect(s.segments).toHaveLength(17);
    expect(s.segments.map((g) => g.label).join('')).toBe('IRIRIRIRIRIRIRIRI');
    expect(s.segments[0]).toMatchObject({ order: 1, timestamp: '00:00:04' });
    expect(s.segments[16]).toMatchObject({ order: 17, timestamp: '00:03:52' });
    expect(slice(transcript, s.segments[16]!)).toBe('Thank you.');
    expect(slice(transcript, s.segments[5]!).endsWith('😔')).toBe(true);
    expect(slice(transcript, s.preface!).split('\n')).toHaveLength(2);
    expect(suggestionToCases(s).map((c) => [c.name, c.segments.length])).toEqual([
      ['I', 9],
      ['R', 8],
    ]);
  });
});

describeCorpus('corpus: survey-open-ended.csv', () => {
  it('parses 12 respondents despite the BOM, CRLF and a quoted answer with a newline and quotes', () => {
    const parsed = parseCsv(readCorpus('survey-open-ended.csv'));
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.encoding).toBe('UTF-8 with BOM');
    expect(parsed.table.columns).toEqual(['respondent_id', 'age_group', 'region', 'occupation', 'q7_alliance_view']);
    expect(parsed.table.rows).toHaveLength(12);
    const answer = (id: string) => parsed.table.rows.find((r) => r[0] === id)![4];
    expect(answer('r003')).toBe('If they force open the rice market, small farms like mine will not survive. "Fair trade" for whom?');
    expect(answer('r005')).toBe('Japan should diversify: ASEAN, EU, India.\nDepending on one market — any market — is the real risk.');
    expect(answer('r006')).toBe("don't know");
  });

  it('becomes one case per respondent with age_group, region and occupation, keeping "don\'t know"', () => {
    const parsed = parseCsv(readCorpus('survey-open-ended.csv'));
    if (!parsed.ok) throw new Error(parsed.reason);
    const mapping = suggestSurveyMapping(parsed.table);
    expect(mapping.idColumn).toBe('respondent_id');
    expect(mapping.textColumns).toEqual(['q7_alliance_view']);
    expect(mapping.attributeColumns.map((a) => [a.column, a.type])).toEqual([
      ['age_group', 'category'],
      ['region', 'category'],
      ['occupation', 'category'],
    ]);
    let n = 0;
    const result = planSurveyImport(parsed.table, mapping, { projectId: 'p', newId: () => `id${++n}`, now: '2026-01-01T00:00:00Z' });
    if (!result.ok) throw new Error(result.reason);
    const { cases, attributes, values, sources, links } = result.plan;
    expect(cases.map((c) => c.name)).toEqual(Array.from({ length: 12 }, (_, i) => `r${String(i + 1).padStart(3, '0')}`));
    expect(attributes.map((a) => a.name)).toEqual(['age_group', 'region', 'occupation']);
    expect(attributes[0]!.categories).toEqual(['18-29', '30-49', '50-64', '65+']);
    const valueOf = (caseName: string, attribute: string) => {
      const c = cases.find((x) => x.name === caseName)!;
      const a = attributes.find((x) => x.name === attribute)!;
      return values.find((v) => v.caseId === c.id && v.attributeId === a.id)!.value;
    };
    expect([valueOf('r010', 'age_group'), valueOf('r010', 'region'), valueOf('r010', 'occupation')]).toEqual(['18-29', 'Okinawa', 'student']);
    expect(sources).toHaveLength(1);
    expect(links).toHaveLength(12);
    const r006 = cases.find((c) => c.name === 'r006')!;
    const link = links.find((l) => l.caseId === r006.id)!;
    expect(sources[0]!.text.slice(link.start, link.end)).toBe("don't know");
    expect(sources[0]!.text).not.toContain(BLANK_ANSWER_MARKER);
    expect(sources[0]!.text).toContain('Talking is cheaper than tariffs.');
  });
});

describeCorpus('corpus: article-with-comments.txt', () => {
  const article = text('article-with-comments.txt');

  // Read off the file: 37 comments under "37 Comments" / "Login to comment", each a name line
  // and one or more lines of text. 27 people wrote them; 9 wrote more than once.
  const EXPECTED_COMMENTERS = [
    'deanzaZZR', 'Sh1mon M4sada', 'CanuckNikkei', 'dbsaiya', '151E', 'quercetum', 'BigP', 'DeeZee',
    'stormcrow', 'elephant200', 'elephant200', 'OssanAmerica', 'OKuniyoshi', 'Wasabi', 'BB', 'quercetum',
    'Cephus', 'isabelle', 'Wasabi', 'isabelle', 'Tokyo Guy', 'Dango bong', 'Wasabi', 'balancer',
    'nishikat', 'WoodyLee', 'grc', 'Cephus', 'kohakuebisu', 'Fos', 'TokyoLiving', 'Dango bong',
    'deanzaZZR', 'Peter14', 'Peter14', 'Fos', 'kurisupisu',
  ];

  it('imports as one document with the text exactly as in the file', () => {
    expect(article).toBe(new TextDecoder().decode(readCorpus('article-with-comments.txt')));
  });

  it('splits into the article (through its copyright line) and the 37 comments, exactly', () => {
    const s = splitCommentThread(article);
    expect(s.warnings).toBeUndefined();
    const preface = slice(article, s.preface!);
    expect(preface.startsWith("Just as Japan's top trade negotiator")).toBe(true);
    expect(preface.endsWith('may not be published, broadcast, rewritten or redistributed without permission.')).toBe(true);
    expect(s.segments.map((g) => g.label)).toEqual(EXPECTED_COMMENTERS);
    expect(s.segments.map((g) => g.order)).toEqual(EXPECTED_COMMENTERS.map((_, i) => i + 1));
    // The thread's header lines belong to neither the article nor a comment.
    const headerAt = article.indexOf('37 Comments\nLogin to comment\n');
    expect(s.preface!.end).toBeLessThan(headerAt);
    expect(s.segments[0]!.marker!.start).toBe(headerAt + '37 Comments\nLogin to comment\n'.length);
  });

  it('keeps multi-line comments whole and ends each before the next name line', () => {
    const s = splitCommentThread(article);
    const quercetum = slice(article, s.segments[5]!);
    expect(quercetum.startsWith('Trump’s administration has no plans for reducing tariffs with Japan.')).toBe(true);
    expect(quercetum).toContain('*please do not raise tariffs\n*we invest a lot in the US.\n*we hold US treasuries\nSo, there was and is no plan.');
    expect(quercetum.endsWith('He handed out MAGA hats.')).toBe(true);
    expect(slice(article, s.segments[19]!)).toContain('https://www.worldtradelaw.net/document.php?id=uragreements/spsagreement.pdf&mode=download');
    expect(slice(article, s.segments[24]!)).toBe('I don\'t think so!');
    expect(slice(article, s.segments[36]!)).toBe('Time for theJapanese to invest in countries in which they make large profits-only fair!');
  });

  it('becomes one case per commenter, a commenter who writes twice holding both comments', () => {
    const cases = suggestionToCases(splitCommentThread(article));
    expect(cases).toHaveLength(27);
    const counts = Object.fromEntries(cases.map((c) => [c.name, c.segments.length]));
    expect(counts).toMatchObject({ Wasabi: 3, deanzaZZR: 2, quercetum: 2, elephant200: 2, Cephus: 2, isabelle: 2, 'Dango bong': 2, Fos: 2, Peter14: 2, BB: 1, kurisupisu: 1 });
    expect(cases.reduce((n, c) => n + c.segments.length, 0)).toBe(37);
  });
});
