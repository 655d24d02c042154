// The agreement command without the process: option strings in, CSV or one readable line out.
import { describe, expect, it } from 'vitest';
import { runAgreementCommand } from '../../../../shared/analysis/agreement/agreementCommand';
import { ProjectBuilder } from './projectBuilder';

function project() {
  const b = new ProjectBuilder();
  b.coder('Ann');
  b.coder('Ben');
  const s = b.source('Interview', 'One.\nTwo.\nThree.');
  const trust = b.code('Trust');
  b.code('Anger', trust.id);
  b.coding('ann', trust.id, s, 'One');
  b.coding('ben', trust.id, s, 'One');
  b.coding('ben', trust.id, s, 'Two');
  return b.snapshot;
}

describe('agreement command', () => {
  it('prints one row per code with its path, then the overall row', () => {
    const result = runAgreementCommand(project(), { coders: 'Ann, Ben', unit: 'paragraph' });
    if (!result.ok) throw new Error(result.reason);
    const rows = result.csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((r) => r.split(',').slice(0, 9).join(','));
    expect(rows).toEqual([
      'code,path,units,pairable units,complete units,both,only Ann,only Ben,neither',
      'Trust,Trust,3,3,3,1,0,1,1',
      'Anger,Trust > Anger,3,3,3,0,0,0,3',
      'Overall,,6,6,6,1,0,1,4',
    ]);
  });

  it('restricts to the codes named, by path', () => {
    const result = runAgreementCommand(project(), { coders: 'ann,ben', codes: 'trust > anger', unit: 'case' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.csv.split('\r\n').filter((l) => l !== '')).toHaveLength(3);
  });

  it('answers bad options with one readable line', () => {
    expect(runAgreementCommand(project(), { coders: 'Ann,Zoe' })).toEqual({ ok: false, reason: 'Unknown coder "Zoe". Coders in this project: Ann, Ben.' });
    expect(runAgreementCommand(project(), {})).toEqual({ ok: false, reason: 'Name the coders to compare: --coders A,B' });
    expect(runAgreementCommand(project(), { coders: 'Ann,Ben', unit: 'word' })).toEqual({ ok: false, reason: 'Unknown unit "word": use one of character, sentence, paragraph, segment, case.' });
    expect(runAgreementCommand(project(), { coders: 'Ann,Ben', codes: 'Joy' })).toEqual({ ok: false, reason: 'Unknown code "Joy".' });
  });
});
