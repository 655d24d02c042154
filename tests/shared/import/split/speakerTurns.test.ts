import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findSpeakerLabels, splitSpeakerTurns } from '../../../../shared/import/split/speakerTurns';
import { normaliseImportedText } from '../../../../shared/text/normalise';
import { expectWellFormed } from './invariants';

// An invented transcript in the corpus's shape: CRLF, Japanese, an emoji outside the BMP,
// a header with a "Participants:" line, a turn that runs over two lines.
const TRANSCRIPT = normaliseImportedText(
  [
    'Interview 3 — bakery owner, Harbour Street (invented)',
    'Participants: I = interviewer, R = respondent',
    '',
    '[00:00:05] I: Thank you for making time. 日本語でも大丈夫です。',
    '[00:00:11] R: Twenty-two years. My mother opened it.',
    'We know our customers by name. 😔',
    '[00:01:02] I: Did the council ask you?',
    '[00:01:07] R: No.',
  ].join('\r\n'),
);

const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

describe('splitSpeakerTurns', () => {
  it('splits [hh:mm:ss] I:/R: turns with their timestamps, and keeps the header as the preface', () => {
    const s = splitSpeakerTurns(TRANSCRIPT);
    expect(s.segments.map((g) => [g.order, g.label, g.timestamp, slice(TRANSCRIPT, g)])).toEqual([
      [1, 'I', '00:00:05', 'Thank you for making time. 日本語でも大丈夫です。'],
      [2, 'R', '00:00:11', 'Twenty-two years. My mother opened it.\nWe know our customers by name. 😔'],
      [3, 'I', '00:01:02', 'Did the council ask you?'],
      [4, 'R', '00:01:07', 'No.'],
    ]);
    expect(slice(TRANSCRIPT, s.preface!)).toBe('Interview 3 — bakery owner, Harbour Street (invented)\nParticipants: I = interviewer, R = respondent');
    expect(slice(TRANSCRIPT, s.segments[0]!.marker!)).toBe('[00:00:05] I: ');
    expectWellFormed(TRANSCRIPT, s);
  });

  it('reads names, roles and timestamps after the label or the colon', () => {
    const text = 'Ms Tanaka (00:01:02): Hello.\nInterviewer: Hi.\nMs Tanaka: [00:02:00] Again.\n00:03:10 Interviewer: Bye.';
    const s = splitSpeakerTurns(text, { minTurns: 1 });
    expect(s.segments.map((g) => [g.label, g.timestamp ?? null, slice(text, g)])).toEqual([
      ['Ms Tanaka', '00:01:02', 'Hello.'],
      ['Interviewer', null, 'Hi.'],
      ['Ms Tanaka', '00:02:00', 'Again.'],
      ['Interviewer', '00:03:10', 'Bye.'],
    ]);
  });

  it('ignores one-off "Label:" lines unless the user names them as speakers', () => {
    const text = 'Note: recorded by phone\nA: Hello\nB: Hi\nA: Bye\nB: Bye';
    expect(splitSpeakerTurns(text).segments.map((g) => g.label)).toEqual(['A', 'B', 'A', 'B']);
    expect(findSpeakerLabels(text)).toEqual([
      { label: 'Note', count: 1 },
      { label: 'A', count: 2 },
      { label: 'B', count: 2 },
    ]);
    expect(splitSpeakerTurns(text, { speakers: ['Note', 'A'] }).segments.map((g) => g.label)).toEqual(['Note', 'A', 'A']);
  });

  it('does not take links or clock times for speakers', () => {
    const text = 'https://example.org: not a turn\n10:30 we met\nA: one\nA: two';
    expect(splitSpeakerTurns(text).segments.map((g) => g.label)).toEqual(['A', 'A']);
  });

  it('says so when there are no turns', () => {
    expect(splitSpeakerTurns('Just prose, no speakers here.')).toMatchObject({ segments: [], warnings: [expect.stringContaining('No speaker turns')] });
  });

  it('always yields ordered, non-overlapping segments inside the text (property)', () => {
    const line = fc.oneof(
      fc.constantFrom('I: hello', 'R: yes', '[00:00:01] I: ok', 'R: 😀 two', '', 'free text', 'Note: x'),
      fc.string({ unit: 'grapheme', maxLength: 15 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const text = lines.join('\n');
        expectWellFormed(text, splitSpeakerTurns(text));
      }),
    );
  });
});
