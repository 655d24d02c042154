// `marginalia agreement` through the command line's main function, on a .qdpx written by the app's
// writer: the table as CSV with each code's name and path and an overall row, figures checked
// against a hand computation; coders by name or id; codes and units chosen; an unknown coder is
// one readable line and a non-zero exit.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import type { Output } from '../../../cli/output';
import { writeQdpx } from '../../../shared/refi/qdpxWrite';
import { ProjectBuilder } from '../analysis/agreement/projectBuilder';

const ANN = '6f1d7c1e-0a43-4c56-9a51-3a0f6f1b2c01';
const BEN = '6f1d7c1e-0a43-4c56-9a51-3a0f6f1b2c02';

/** Four paragraphs; Trust and its subcode Anger, coded by Ann and Ben. */
function project() {
  const b = new ProjectBuilder();
  b.coder('Ann', ANN);
  b.coder('Ben', BEN);
  const s = b.source('Interview', 'We trust the council.\nThey kept their word.\nI am furious about the bus.\nAngry, yes.');
  const trust = b.code('Trust');
  const anger = b.code('Anger', trust.id);
  b.coding(ANN, trust.id, s, 'We trust the council.');
  b.coding(BEN, trust.id, s, 'trust the');
  b.coding(ANN, trust.id, s, 'They kept');
  b.coding(BEN, anger.id, s, 'furious');
  b.coding(ANN, anger.id, s, 'Angry');
  b.coding(BEN, anger.id, s, 'Angry, yes.');
  return b.snapshot;
}

/**
 * Two paragraphs of two sentences; cases Ana (paragraph 1 and the last sentence) and Bo (the third
 * sentence), so segments and cases differ from sentences and paragraphs. One code, Trust.
 */
function unitsProject() {
  const b = new ProjectBuilder();
  b.coder('Ann', ANN);
  b.coder('Ben', BEN);
  const s = b.source('Interview', 'We trust the council. They listen.\nThe bus is late. I am angry.');
  const trust = b.code('Trust');
  b.coding(ANN, trust.id, s, 'trust');
  b.coding(ANN, trust.id, s, 'angry');
  b.coding(BEN, trust.id, s, 'They listen');
  b.coding(BEN, trust.id, s, 'angry');
  b.caseWith('Ana', [{ sourceId: s, at: 'We trust the council. They listen.' }, { sourceId: s, at: 'I am angry.' }]);
  b.caseWith('Bo', [{ sourceId: s, at: 'The bus is late.' }]);
  return b.snapshot;
}

let dir: string;
let file: string;
let unitsFile: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'marginalia-agreement-'));
  file = path.join(dir, 'team.qdpx');
  writeFileSync(file, writeQdpx(project()));
  unitsFile = path.join(dir, 'units.qdpx');
  writeFileSync(unitsFile, writeQdpx(unitsProject()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]): { status: number; stdout: string; stderr: string[] } {
  let stdout = '';
  const stderr: string[] = [];
  const out: Output = { stdout: (line) => (stdout += `${line}\n`), warn: (line) => stderr.push(line), error: (line) => stderr.push(line) };
  const status = main(['agreement', ...args], out, 'test');
  return { status, stdout, stderr };
}

function rows(csv: string): Array<Record<string, string>> {
  return Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
}

describe('marginalia agreement', () => {
  it('prints one row per code with its path, then the overall row, with the figures worked out by hand', () => {
    const result = run(file, '--coders', 'Ann,Ben');
    expect(result.stderr).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.stdout.charCodeAt(0)).not.toBe(0xfeff);
    const table = rows(result.stdout);
    expect(table.map((r) => [r.code, r.path])).toEqual([
      ['Trust', 'Trust'],
      ['Anger', 'Trust > Anger'],
      ['Overall', ''],
    ]);
    // Paragraphs: Trust = (yes,yes) (yes,no) (no,no) (no,no); Anger = (no,no) (no,no) (no,yes) (yes,yes).
    // Per code: agreement 3/4; kappa: pe = ½·¼ + ½·¾ = ½ → (¾ − ½)/(1 − ½) = ½;
    // alpha: 8 values, 3 "yes", 5 "no", one disagreeing pair each way → 1 − 7·1/(3·5) = 8/15.
    // Overall (8 pairs): agreement 6/8; Ann and Ben each 3/8 yes → pe = 9/64 + 25/64 → kappa = (¾ − 34/64)/(30/64) = 7/15;
    // alpha: 16 values, 6 yes, 10 no, 2 disagreeing pairs → 1 − 15·2/(6·10) = ½.
    const [trust, anger, overall] = table as [Record<string, string>, Record<string, string>, Record<string, string>];
    for (const row of [trust, anger]) {
      expect(row.units).toBe('4');
      expect(row.both).toBe('1');
      expect(row.neither).toBe('2');
      expect(Number(row['percent agreement'])).toBeCloseTo(3 / 4, 4);
      expect(Number(row["Cohen's kappa"])).toBeCloseTo(1 / 2, 4);
      expect(Number(row["Krippendorff's alpha"])).toBeCloseTo(8 / 15, 4);
    }
    expect([trust['only Ann'], trust['only Ben'], anger['only Ann'], anger['only Ben']]).toEqual(['1', '0', '0', '1']);
    expect(overall.units).toBe('8');
    expect(Number(overall['percent agreement'])).toBeCloseTo(6 / 8, 4);
    expect(Number(overall["Cohen's kappa"])).toBeCloseTo(7 / 15, 4);
    expect(Number(overall["Krippendorff's alpha"])).toBeCloseTo(1 / 2, 4);
  });

  it('takes coders by id, codes by name or path, and another unit', () => {
    const byId = run(file, '--coders', `${BEN},${ANN}`, '--codes', 'trust > anger', '--unit', 'character');
    expect(byId.stderr).toEqual([]);
    const table = rows(byId.stdout);
    expect(table.map((r) => r.code)).toEqual(['Anger', 'Overall']);
    expect(Object.keys(table[0]!)).toContain('only Ben');
    // "furious" (7) by Ben alone, "Angry" (5) by both, ", yes." (5 non-space characters) by Ben alone.
    expect(table[0]!.both).toBe('5');
    expect(table[0]!['only Ben']).toBe('12');
  });

  it('says which coder is unknown in one line and exits non-zero, printing no table', () => {
    const result = run(file, '--coders', 'Ann,Zoe');
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toEqual(['Unknown coder "Zoe". Coders in this project: Ann, Ben.']);
  });

  it('refuses a missing --coders, an unknown unit and an unknown code', () => {
    expect(run(file).status).toBe(2);
    const unit = run(file, '--coders', 'Ann,Ben', '--unit', 'word');
    expect(unit.status).toBe(1);
    expect(unit.stderr).toHaveLength(1);
    expect(unit.stderr[0]).toMatch(/^Unknown unit "word"/);
    const code = run(file, '--coders', 'Ann,Ben', '--codes', 'Hope');
    expect(code.stderr).toEqual(['Unknown code "Hope".']);
  });

  // Ann: "trust" (sentence 1) and "angry" (sentence 4); Ben: "They listen" (sentence 2) and "angry".
  it.each([
    // Sentences: (yes, no) (no, yes) (no, no) (yes, yes): agreement ½; kappa (½ − ½)/(1 − ½) = 0;
    // alpha: 8 values, 4 yes, 4 no, two disagreeing units → 1 − 7·2/(4·4) = 1/8.
    ['sentence', { units: '4', both: '1', 'only Ann': '1', 'only Ben': '1', neither: '1' }, [0.5, 0, 1 / 8]],
    // Paragraphs: both coded each of the two: one category only, so kappa and alpha are not defined.
    ['paragraph', { units: '2', both: '2', 'only Ann': '0', 'only Ben': '0', neither: '0' }, [1, null, null]],
    // Segments (case links): Ana's paragraph 1 (yes, yes), Bo's "The bus is late." (no, no), Ana's "I am angry." (yes, yes).
    ['segment', { units: '3', both: '2', 'only Ann': '0', 'only Ben': '0', neither: '1' }, [1, 1, 1]],
    // Cases: Ana (yes, yes), Bo (no, no).
    ['case', { units: '2', both: '1', 'only Ann': '0', 'only Ben': '0', neither: '1' }, [1, 1, 1]],
    // Characters (51 not whitespace): "trust" 5 by Ann alone, "They listen" 10 by Ben alone, "angry" 5 by both, 31 by neither.
    ['character', { characters: '51', both: '5', 'only Ann': '5', 'only Ben': '10', neither: '31' }, [36 / 51, null, null]],
  ] as const)('works at %s level, with the counts and figures worked out by hand', (unit, counts, [agreement, kappa, alpha]) => {
    const result = run(unitsFile, '--coders', 'Ann,Ben', '--unit', unit);
    expect(result.stderr).toEqual([]);
    expect(result.status).toBe(0);
    const [trust, overall] = rows(result.stdout) as [Record<string, string>, Record<string, string>];
    expect([trust.code, trust.path, overall.code]).toEqual(['Trust', 'Trust', 'Overall']);
    expect(trust).toMatchObject(counts);
    expect(Number(trust['percent agreement'])).toBeCloseTo(agreement, 4);
    if (unit !== 'character') {
      expect(trust["Cohen's kappa"]).toBe(kappa === null ? 'not defined' : kappa.toFixed(4));
      expect(trust["Krippendorff's alpha"]).toBe(alpha === null ? 'not defined' : alpha.toFixed(4));
    }
    // One code: the overall row is that code's.
    expect(overall['percent agreement']).toBe(trust['percent agreement']);
  });
});
