import { describe, expect, it } from 'vitest';
import { RTF_DAMAGED_REASON, RTF_TRUNCATED_REASON, parseRtf, rtfGroupsClosed } from '../../../renderer/src/features/import/parsers/rtf';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('parseRtf (rtf.js under jsdom)', () => {
  it('decodes \\ansicpg escapes, \\u with fallback, dashes, and keeps paragraphs and line breaks', async () => {
    const rtf = String.raw`{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}}\pard Hello \'93world\'94 \u8364? caf\'e9\endash done\emdash end.\par Second paragraph\line after a break\par\pard\par Third \u26085?\u26412?\par}`;
    expect(await parseRtf(ascii(rtf))).toEqual({ ok: true, text: 'Hello “world” € café–done—end.\n\nSecond paragraph\nafter a break\n\nThird 日本' });
  });

  it('leaves pictures out', async () => {
    const rtf = String.raw`{\rtf1\ansi Before {\pict\pngblip\picw1\pich1 89504e470d0a1a0a}after.\par}`;
    expect(await parseRtf(ascii(rtf))).toMatchObject({ ok: true, text: 'Before after.' });
  });

  it('refuses non-RTF bytes, empty files and documents without text', async () => {
    expect(await parseRtf(ascii('plain text'))).toMatchObject({ ok: false, reason: expect.stringContaining('not an RTF document') });
    expect(await parseRtf(new Uint8Array())).toEqual({ ok: false, reason: 'This file is empty (0 bytes).' });
    expect(await parseRtf(ascii(String.raw`{\rtf1\ansi\par}`))).toEqual({ ok: false, reason: 'This RTF document has no text.' });
    expect(RTF_DAMAGED_REASON).toMatch(/could not be read/);
  });

  it('says a cut-off document is incomplete rather than empty', async () => {
    expect(await parseRtf(ascii(String.raw`{\rtf1\ansi some text that was cut off`))).toEqual({ ok: false, reason: RTF_TRUNCATED_REASON });
    expect(rtfGroupsClosed(ascii(String.raw`{\rtf1 a \{ literal \} and \\}`))).toBe(true);
    expect(rtfGroupsClosed(ascii(String.raw`{\rtf1 {\b bold}`))).toBe(false);
  });
});
