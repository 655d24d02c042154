// Fuzzes the two importers that live in the renderer: RTF (rtf.js, as the worker runs it, on the
// stand-in DOM: jsdom's document is taken away here) and PDF (pdf.js). Whatever the bytes, a
// text within the limits or a reason in words. The seed is printed; FUZZ_SEED=<n> reproduces.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parsePdf, type PdfParseDeps } from '../../../../renderer/src/features/import/parsers/pdf';
import { runWorkerRequest } from '../../../../renderer/src/features/import/parsers/runWorkerRequest';
import { expectTextOrReason, fuzzSeed, mutate, runFuzz } from '../../../shared/import/fuzz/fuzz';
import { buildPdf } from '../pdfBuilder';

const seed = fuzzSeed();
const CASES = Number(process.env['FUZZ_CASES'] ?? 2000);

const scope = globalThis as Record<string, unknown>;
const saved = { document: Object.getOwnPropertyDescriptor(globalThis, 'document'), window: Object.getOwnPropertyDescriptor(globalThis, 'window') };

describe('fuzzing RTF as the worker reads it', { timeout: 60_000 }, () => {
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

  const letter = new Uint8Array(readFileSync(resolve(__dirname, '../../../fixtures/import/ferry-letter.rtf')));
  it('.rtf', () =>
    runFuzz('rtf', seed, CASES, (next) => mutate(letter, next), async (bytes, where) => {
      const response = await runWorkerRequest({ format: 'rtf', bytes });
      expectTextOrReason(response.kind === 'document' ? response.result : { ok: false, reason: 'not a document' }, where);
    }));
});

describe('fuzzing PDF', { timeout: 60_000 }, () => {
  const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const deps: PdfParseDeps = {
    pdfjs,
    documentOptions: { standardFontDataUrl: `${resolve(pdfjsDir, 'standard_fonts')}/`, cMapUrl: `${resolve(pdfjsDir, 'cmaps')}/`, cMapPacked: true },
    timeoutMs: 20_000,
  };
  const sample = buildPdf([['Page one says hello.', 'A second line.'], ['Page two.']]);
  it('.pdf', () => runFuzz('pdf', seed, Math.floor(CASES / 4), (next) => mutate(sample, next), async (bytes, where) => expectTextOrReason(await parsePdf(bytes, deps), where)));
});
