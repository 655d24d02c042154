// RTF as the import worker reads it: no DOM at all (a worker has none: jsdom's document and
// window are taken away for these tests), rtf.js running on the
// worker's small stand-in (miniDom.ts), through the same function the worker calls. The text
// must match what rtf.js gives under a real DOM (rtf.test.ts, under jsdom).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorkerRequest } from '../../../renderer/src/features/import/parsers/runWorkerRequest';
import { MiniElement } from '../../../renderer/src/features/import/parsers/miniDom';

const ascii = (s: string) => new TextEncoder().encode(s);

const scope = globalThis as Record<string, unknown>;
const saved = { document: Object.getOwnPropertyDescriptor(globalThis, 'document'), window: Object.getOwnPropertyDescriptor(globalThis, 'window') };
beforeAll(() => {
  delete scope['document'];
  delete scope['window'];
});
afterAll(() => {
  delete scope['document'];
  delete scope['window'];
  if (saved.document) Object.defineProperty(globalThis, 'document', saved.document);
  if (saved.window) Object.defineProperty(globalThis, 'window', saved.window);
});

describe('RTF in the worker (no DOM)', () => {
  it('has no document to begin with, as in a worker', () => {
    expect(typeof scope['document']).toBe('undefined');
  });

  it('reads escapes, dashes, paragraphs, line breaks and links as under a real DOM', async () => {
    const rtf = String.raw`{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}}\pard Hello \'93world\'94 \u8364? caf\'e9\endash done\emdash end.\par Second paragraph\line after a break\par\pard\par Third \u26085?\u26412?\par See {\field{\*\fldinst HYPERLINK "https://example.org"}{\fldrslt the site}}.\par}`;
    const response = await runWorkerRequest({ format: 'rtf', bytes: ascii(rtf) });
    expect(response).toEqual({
      kind: 'document',
      result: { ok: true, text: 'Hello “world” € café–done—end.\n\nSecond paragraph\nafter a break\n\nThird 日本\n\nSee the site.' },
    });
  });

  it('gives a reason for a picture-only, cut-off or foreign file', async () => {
    expect(await runWorkerRequest({ format: 'rtf', bytes: ascii(String.raw`{\rtf1\ansi\par}`) })).toEqual({ kind: 'document', result: { ok: false, reason: 'This RTF document has no text.' } });
    expect(await runWorkerRequest({ format: 'rtf', bytes: ascii(String.raw`{\rtf1\ansi cut`) })).toMatchObject({ result: { ok: false, reason: expect.stringMatching(/incomplete/) } });
    expect(await runWorkerRequest({ format: 'rtf', bytes: ascii('GIF89a') })).toMatchObject({ result: { ok: false, reason: expect.stringMatching(/not an RTF document/) } });
  });
});

describe('MiniElement', () => {
  it('serialises text escaped, moves appended nodes, and replaces children on textContent', () => {
    const p = new MiniElement('DIV');
    const span = new MiniElement('span');
    span.textContent = '<b>&';
    const other = new MiniElement('div');
    other.append(span);
    p.append(...Array.from(other.childNodes), 'tail');
    expect(other.childNodes).toHaveLength(0);
    expect(p.outerHTML).toBe('<div><span>&lt;b&gt;&amp;</span>tail</div>');
    p.textContent = 'x';
    expect(p.outerHTML).toBe('<div>x</div>');
  });
});
