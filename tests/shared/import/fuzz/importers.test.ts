// Fuzzes every importer the worker runs, through the function the worker calls
// (runParseRequest), and the codebook reader: whatever the bytes, a text within the limits or a
// reason in words; never a throw, never a hang (the test's time limit). The seed is printed;
// FUZZ_SEED=<n> reproduces a run. Sizes keep the whole file well inside CI's budget.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, it } from 'vitest';
import { runParseRequest, type ParseRequest } from '../../../../shared/import/parseRequest';
import { readCodebookFileResult } from '../../../../shared/codebook/readCodebookFile';
import { planCodebookCsvImport } from '../../../../shared/codebook/importCsv';
import { planRefiCodebookImport } from '../../../../shared/refi/qdcCandidates';
import { buildDocx, buildOdt, buildXlsx, listItem, paragraph, table } from '../builders';
import { qdeXml } from '../hostileBuilders';
import { expectReason, expectTextOrReason, fuzzSeed, mutate, mutateZip, runFuzz } from './fuzz';

const seed = fuzzSeed();
const fixture = (path: string) => new Uint8Array(readFileSync(resolve(__dirname, '../../../fixtures', path)));
const CASES = Number(process.env['FUZZ_CASES'] ?? 2000);

async function checkParse(format: ParseRequest['format'], bytes: Uint8Array, where: string): Promise<void> {
  const response = await runParseRequest({ format, bytes });
  expectTextOrReason(response.result.ok ? { ok: true, text: response.kind === 'survey' ? '' : response.result.text } : response.result, where);
}

describe('fuzzing the source importers', { timeout: 60_000 }, () => {
  const plain = [fixture('import/market-notes-windows-1252.txt'), fixture('import/ferry-interview.md')];
  it('text and Markdown', () =>
    runFuzz('text', seed, CASES, (next) => mutate(plain[Math.floor(next() * plain.length)]!, next), (bytes, where) => checkParse('text', bytes, where)));

  const page = fixture('import/council-minutes.html');
  it('HTML', () => runFuzz('html', seed, CASES, (next) => mutate(page, next), (bytes, where) => checkParse('html', bytes, where)));

  const docx = buildDocx(`${paragraph('Heading', 'Heading1')}${paragraph('A paragraph with “quotes”.')}${listItem('one', 1)}${listItem('two', 2)}${table([['a', 'b']])}`);
  it('.docx', () => runFuzz('docx', seed, Math.floor(CASES / 6), (next) => mutateZip(docx, next), (bytes, where) => checkParse('docx', bytes, where)));

  const odt = buildOdt('<text:h>Title</text:h><text:p>Some <text:span>text</text:span><text:s text:c="3"/>here<text:tab/>and<text:line-break/>there.</text:p><text:list><text:list-item><text:p>item</text:p></text:list-item></text:list>');
  it('.odt', () => runFuzz('odt', seed, CASES, (next) => mutateZip(odt, next), (bytes, where) => checkParse('odt', bytes, where)));
});

describe('fuzzing the survey importers', { timeout: 60_000 }, () => {
  const csv = fixture('import/ferry-survey.csv');
  it('CSV', () => runFuzz('csv', seed, CASES, (next) => mutate(csv, next), (bytes, where) => checkParse('csv', bytes, where)));

  const xlsx = buildXlsx([['id', 'answer', 'age'], ['r1', 'Yes, often', 34], ['r2', 'No', null]]);
  it('.xlsx', () => runFuzz('xlsx', seed, Math.floor(CASES / 2), (next) => mutateZip(xlsx, next), (bytes, where) => checkParse('xlsx', bytes, where)));
});

describe('fuzzing the codebook reader', { timeout: 60_000 }, () => {
  const samples: Array<[string, Uint8Array, boolean]> = [
    ['codes.qdc', fixture('codebooks/tolerant.qdc'), false],
    ['codes.csv', fixture('codebooks/maxqda-codes.csv'), false],
    ['project.qde', strToU8(qdeXml('Économie')), false],
    ['study.qdpx', zipSync({ 'project.qde': strToU8(qdeXml()), 'Sources/a.txt': strToU8('text') }), true],
  ];
  it('.qdc, .qde, .qdpx and CSV codebooks', () =>
    runFuzz(
      'codebook',
      seed,
      CASES,
      (next) => {
        const [name, bytes, zipped] = samples[Math.floor(next() * samples.length)]!;
        const mutated = zipped ? mutateZip(bytes, next) : mutate(bytes, next);
        return { kind: `${name}: ${mutated.kind}`, bytes: mutated.bytes, name };
      },
      (bytes, where, made) => {
        const read = readCodebookFileResult(made.name, bytes);
        if (!read.ok) {
          expectReason(read.reason, where);
          return;
        }
        // What was read must also plan: the preview is built from the plan.
        const plan = read.file.kind === 'csv' ? planCodebookCsvImport(read.file.text, []) : planRefiCodebookImport(read.file.codebook, []);
        for (const message of plan.messages) expectReason(message.text, where);
      },
    ));
});
