import { describe, expect, it } from 'vitest';
import { parseRtf } from '../../../renderer/src/features/import/parsers/rtf';

const enc = (s: string) => new TextEncoder().encode(s);

describe('parseRtf', () => {
  it('probe', async () => {
    const rtf = String.raw`{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}}\pard Hello \'93world\'94 \u8364? caf\'e9\endash done\emdash end.\par Second paragraph\line after break\par\pard\par Third\par}`;
    const r = await parseRtf(enc(rtf));
    console.log(JSON.stringify(r));
    expect(r.ok).toBe(true);
  });
});
