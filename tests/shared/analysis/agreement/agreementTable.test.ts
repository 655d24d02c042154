// The agreement table over a project: hand-computed figures at paragraph, segment, case and
// character level, the missing-data rule, three coders, bad requests, the CSV; and the pattern
// counts against a naive unit-by-unit (character-by-character) count on random projects.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeAgreement, type AgreementTable } from '../../../../shared/analysis/agreement/agreementTable';
import { buildAgreementCsv } from '../../../../shared/analysis/agreement/agreementCsv';
import { buildUnits } from '../../../../shared/analysis/agreement/agreementUnits';
import { CODED, MISSING, NOT_CODED, codedPatterns } from '../../../../shared/analysis/agreement/codedPatterns';
import { projectSnapshotArb } from '../../model/projectArb';
import { ProjectBuilder } from './projectBuilder';

/** Property runs on a busy machine: far above their usual second or two, never the default 5 s. */
const PROPERTY_TIMEOUT = 60_000;

function table(result: ReturnType<typeof computeAgreement>): AgreementTable {
  if (!result.ok) throw new Error(result.reason);
  return result.table;
}

/** Four paragraphs (one blank line between the second and third); Ann and Ben code "Trust". */
function interview() {
  const b = new ProjectBuilder();
  b.coder('Ann');
  b.coder('Ben');
  const s = b.source('Interview 1', 'Alpha one. Beta two.\nGamma three.\n\nDelta four.\nEpsilon five.');
  const trust = b.code('Trust');
  const doubt = b.code('Doubt', trust.id);
  // Ann: paragraphs 1 and 2 (one coding spanning the line break); Ben: paragraphs 2 and 3.
  b.coding('ann', trust.id, s, 'two.\nGam');
  b.coding('ben', trust.id, s, 'Gamma');
  b.coding('ben', trust.id, s, 'Delta four.');
  // Doubt: both on paragraph 4.
  b.coding('ann', doubt.id, s, 'Epsilon');
  b.coding('ben', doubt.id, s, 'five');
  return { b, s, trust, doubt };
}

describe('agreement at paragraph level, two coders', () => {
  it('gives the figures computed by hand, per code and overall', () => {
    const { b, trust, doubt } = interview();
    const t = table(computeAgreement(b.snapshot, { coders: ['Ann', 'Ben'], unit: 'paragraph', codeIds: [trust.id, doubt.id] }));
    expect(t.unitCount).toBe(4);
    const [trustRow, doubtRow] = t.rows;
    // Trust: both p2; only Ann p1; only Ben p3; neither p4.
    expect(trustRow!.counts).toMatchObject({ units: 4, pairable: 4, complete: 4, all: 1, none: 1, some: 2, perCoder: [2, 2] });
    expect(trustRow!.percentAgreement).toBe(0.5);
    expect(trustRow!.cohenKappa).toBeCloseTo(0, 12); // p_o = p_e = 0.5
    // Coincidences: o11 = 2, o00 = 2, o10 = o01 = 2; α = 1 − 7·4 / (4·4·2) = 0.125.
    expect(trustRow!.alpha).toBeCloseTo(0.125, 12);
    expect(trustRow!.fleissKappa).toBeUndefined();
    expect(trustRow!.path).toBe('Trust');
    // Doubt: both on p4, neither elsewhere: perfect agreement.
    expect(doubtRow!.counts).toMatchObject({ all: 1, none: 3, some: 0 });
    expect(doubtRow!.cohenKappa).toBe(1);
    expect(doubtRow!.alpha).toBe(1);
    expect(doubtRow!.path).toBe('Trust > Doubt');
    // Overall pools 8 (paragraph, code) pairs: both 2, only Ann 1, only Ben 1, neither 4.
    expect(t.overall.counts).toMatchObject({ units: 8, all: 2, none: 4, perCoder: [3, 3] });
    expect(t.overall.percentAgreement).toBe(0.75);
    // p_e = (3/8)² + (5/8)² = 34/64; κ = (0.75 − 34/64) / (1 − 34/64) = 14/30.
    expect(t.overall.cohenKappa).toBeCloseTo(14 / 30, 12);
    expect(t.overall.alphaInterval!.low).toBeLessThanOrEqual(t.overall.alpha!);
  });

  it('writes one CSV row per code with its name and path, then the overall row', () => {
    const { b, trust, doubt } = interview();
    const csv = buildAgreementCsv(table(computeAgreement(b.snapshot, { coders: ['ann', 'ben'], unit: 'paragraph', codeIds: [trust.id, doubt.id], bootstrap: false })));
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe("code,path,units,pairable units,complete units,both,only Ann,only Ben,neither,percent agreement,Cohen's kappa,Krippendorff's alpha,alpha CI low,alpha CI high");
    expect(lines[1]).toBe('Trust,Trust,4,4,4,1,1,1,1,0.5000,0.0000,0.1250,not defined,not defined');
    expect(lines[2]).toBe('Doubt,Trust > Doubt,4,4,4,1,0,0,3,1.0000,1.0000,1.0000,not defined,not defined');
    expect(lines[3]).toMatch(/^Overall,,8,8,8,2,1,1,4,0\.7500,0\.4667,/);
    expect(lines).toHaveLength(4);
  });

  it('refuses an unknown coder, a single coder and an unknown code with a readable reason', () => {
    const { b } = interview();
    expect(computeAgreement(b.snapshot, { coders: ['Ann', 'Cleo'], unit: 'paragraph' })).toEqual({ ok: false, reason: 'Unknown coder "Cleo". Coders in this project: Ann, Ben.' });
    expect(computeAgreement(b.snapshot, { coders: ['Ann'], unit: 'paragraph' })).toEqual({ ok: false, reason: 'Agreement needs at least two coders.' });
    expect(computeAgreement(b.snapshot, { coders: ['Ann', 'Ben'], unit: 'paragraph', codeIds: ['nope'] })).toMatchObject({ ok: false, reason: expect.stringContaining('"nope"') });
  });
});

describe('other units of analysis', () => {
  it('character level counts non-whitespace code points, not spaces or line breaks', () => {
    const b = new ProjectBuilder();
    b.coder('Ann');
    b.coder('Ben');
    const s = b.source('Notes', 'ab cd\n😀f');
    const c = b.code('C');
    b.coding('ann', c.id, s, [0, 5]); // "ab cd"
    b.coding('ben', c.id, s, [3, 8]); // "cd\n😀"
    const row = table(computeAgreement(b.snapshot, { coders: ['Ann', 'Ben'], unit: 'character', bootstrap: false })).rows[0]!;
    // Characters a b c d 😀 f: both c d; only Ann a b; only Ben 😀; neither f.
    expect(row.counts).toMatchObject({ units: 6, all: 2, none: 1, perCoder: [4, 3] });
    expect(row.percentAgreement).toBe(0.5);
  });

  it('segments and cases: a case is coded when any of its segments is', () => {
    const b = new ProjectBuilder();
    b.coder('Ann');
    b.coder('Ben');
    const s = b.source('Focus group', 'I: Welcome.\nR1: I trust them.\nR2: Not me.\nR1: Well, maybe.');
    const c = b.code('Trust');
    b.caseWith('R1', [{ sourceId: s, at: 'R1: I trust them.' }, { sourceId: s, at: 'R1: Well, maybe.' }]);
    b.caseWith('R2', [{ sourceId: s, at: 'R2: Not me.' }]);
    b.coding('ann', c.id, s, 'I trust them');
    b.coding('ben', c.id, s, 'maybe');
    b.coding('ben', c.id, s, 'Welcome'); // outside every segment
    const segments = table(computeAgreement(b.snapshot, { coders: ['Ann', 'Ben'], unit: 'segment', bootstrap: false }));
    expect(segments.unitCount).toBe(3);
    expect(segments.rows[0]!.counts).toMatchObject({ all: 0, none: 1, perCoder: [1, 1] });
    const cases = table(computeAgreement(b.snapshot, { coders: ['Ann', 'Ben'], unit: 'case', bootstrap: false }));
    expect(cases.unitCount).toBe(2);
    expect(cases.rows[0]!.counts).toMatchObject({ all: 1, none: 1, some: 0 });
    expect(buildUnits('case', b.snapshot).map((u) => u.label)).toEqual(['R1', 'R2']);
    // Restricting to case R2 at paragraph level leaves its one paragraph.
    const r2 = b.snapshot.cases[1]!.id;
    expect(table(computeAgreement(b.snapshot, { coders: ['Ann', 'Ben'], unit: 'paragraph', scope: { caseIds: [r2] }, bootstrap: false })).unitCount).toBe(1);
    expect(table(computeAgreement(b.snapshot, { coders: ['Ann', 'Ben'], unit: 'character', scope: { caseIds: [r2] }, bootstrap: false })).unitCount).toBe('R2:Notme.'.length);
  });

  it('a source a coder never touched is missing data for them, unless told otherwise', () => {
    const b = new ProjectBuilder();
    b.coder('Ann');
    b.coder('Ben');
    const s1 = b.source('One', 'First.\nSecond.');
    const s2 = b.source('Two', 'Third.\nFourth.');
    const c = b.code('C');
    b.coding('ann', c.id, s1, 'First');
    b.coding('ben', c.id, s1, 'First');
    b.coding('ann', c.id, s2, 'Third'); // Ben has not coded source Two yet
    const row = table(computeAgreement(b.snapshot, { coders: ['Ann', 'Ben'], unit: 'paragraph', bootstrap: false })).rows[0]!;
    expect(row.counts).toMatchObject({ units: 4, pairable: 2, complete: 2 });
    expect(row.cohenKappa).toBe(1);
    const strict = table(computeAgreement(b.snapshot, { coders: ['Ann', 'Ben'], unit: 'paragraph', missing: 'none', bootstrap: false })).rows[0]!;
    expect(strict.counts).toMatchObject({ units: 4, pairable: 4, all: 1, none: 2, some: 1 });
  });

  it('a coder who coded nothing, and coders who never coded the same source, give "not defined", not zero', () => {
    const b = new ProjectBuilder();
    b.coder('Ann');
    b.coder('Ben');
    b.coder('Cleo');
    const s1 = b.source('One', 'First.\nSecond.');
    const s2 = b.source('Two', 'Third.\nFourth.');
    const c = b.code('C');
    b.coding('ann', c.id, s1, 'First');
    b.coding('ben', c.id, s2, 'Third');
    for (const coders of [['Ann', 'Cleo'], ['Ann', 'Ben']]) {
      const t = table(computeAgreement(b.snapshot, { coders, unit: 'paragraph' }));
      expect(t.rows[0]!.counts).toMatchObject({ units: 4, pairable: 0 });
      expect(t.rows[0]).toMatchObject({ percentAgreement: null, cohenKappa: null, alpha: null, alphaInterval: { low: null, high: null } });
      expect(buildAgreementCsv(t).split('\r\n')[1]).toBe('C,C,4,0,0,0,0,0,0,not defined,not defined,not defined,not defined,not defined');
    }
  });

  it('writes a negative kappa as a number, not as text guarded against formulas', () => {
    const b = new ProjectBuilder();
    b.coder('Ann');
    b.coder('Ben');
    const src = b.source('One', 'First.\nSecond.');
    const c = b.code('C');
    b.coding('ann', c.id, src, 'First');
    b.coding('ben', c.id, src, 'Second');
    const csv = buildAgreementCsv(table(computeAgreement(b.snapshot, { coders: ['Ann', 'Ben'], unit: 'paragraph', bootstrap: false })));
    // Each coded the paragraph the other did not: κ = (0 − 0.5) / (1 − 0.5) = −1.
    expect(csv.split('\r\n')[1]).toMatch(/^C,C,2,2,2,0,1,1,0,0\.0000,-1\.0000,-/);
  });

  it('three coders get Fleiss kappa and no Cohen kappa', () => {
    const { b, s, trust } = interview();
    b.coder('Cleo');
    b.coding('cleo', trust.id, s, 'Alpha');
    b.coding('cleo', trust.id, s, 'Gamma');
    const t = table(computeAgreement(b.snapshot, { coders: ['Ann', 'Ben', 'Cleo'], unit: 'paragraph', codeIds: [trust.id], bootstrap: false }));
    const row = t.rows[0]!;
    // Coded by: p1 A,C; p2 A,B,C; p3 B; p4 none.
    expect(row.counts).toMatchObject({ all: 1, none: 1, some: 2, perCoder: [2, 2, 2] });
    expect(row.cohenKappa).toBeUndefined();
    // P_i: 1/3, 1, 1/3, 1 → P̄ = 2/3; p_coded = 6/12 → P̄_e = 0.5; κ = (2/3 − 1/2) / (1/2) = 1/3.
    expect(row.fleissKappa).toBeCloseTo(1 / 3, 12);
    expect(row.percentAgreement).toBeCloseTo(2 / 3, 12);
    expect(buildAgreementCsv(t).split('\r\n')[0]).toContain('all coders,no coder,some coders,coded by Ann,coded by Ben,coded by Cleo,percent agreement,Fleiss\' kappa');
  });
});

describe('pattern counts against a naive count', () => {
  it('match unit by unit and character by character on random projects', { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(projectSnapshotArb, fc.constantFrom('paragraph', 'sentence', 'segment', 'case', 'character') as fc.Arbitrary<'paragraph' | 'sentence' | 'segment' | 'case' | 'character'>, (p, unit) => {
        const coderIds = [...new Set(p.codings.map((c) => c.coder)), 'nobody'];
        const codeIds = p.codes.map((c) => c.id);
        const got = codedPatterns(p, { coderIds, codeIds, unit, missing: 'none' });
        const textOf = new Map(p.sourceTexts.map((t) => [t.sourceId, t.text]));
        for (const codeId of codeIds) {
          const naive = new Map<number, number>();
          const patternOf = (coded: (coder: string) => boolean): number => coderIds.reduceRight((acc, id) => acc * 3 + (coded(id) ? CODED : NOT_CODED), 0);
          if (unit === 'character') {
            for (const [sourceId, text] of textOf) {
              for (let i = 0; i < text.length; i++) {
                const ch = String.fromCodePoint(text.codePointAt(i)!);
                if (/\s/.test(ch)) continue;
                const key = patternOf((id) => p.codings.some((c) => c.codeId === codeId && c.coder === id && c.sourceId === sourceId && c.start <= i && c.end > i));
                naive.set(key, (naive.get(key) ?? 0) + 1);
                if (ch.length === 2) i++;
              }
            }
          } else {
            for (const u of buildUnits(unit, p)) {
              const key = patternOf((id) => p.codings.some((c) => c.codeId === codeId && c.coder === id && u.spans.some((s) => s.sourceId === c.sourceId && c.start < s.end && c.end > s.start)));
              naive.set(key, (naive.get(key) ?? 0) + 1);
            }
          }
          const ours = new Map([...got.byCode.get(codeId)!].filter(([, w]) => w > 0));
          expect(ours).toEqual(naive);
          expect([...ours.keys()].every((k) => k % 3 !== MISSING)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
