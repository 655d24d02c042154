// Naming coders and codes the way a person types them on the command line.
import { describe, expect, it } from 'vitest';
import { resolveCoders } from '../../../../shared/analysis/agreement/resolveCoders';
import { resolveCodes } from '../../../../shared/analysis/agreement/resolveCodes';
import { ProjectBuilder } from './projectBuilder';

describe('resolving coders and codes by name', () => {
  it('finds coders by id or name, case-insensitive, and coders known only from codings', () => {
    const b = new ProjectBuilder();
    b.coder('Ann', 'a-1');
    b.coder('Ben', 'b-2');
    const s = b.source('S', 'text');
    const c = b.code('C');
    b.coding('me', c.id, s, 'text');
    expect(resolveCoders(b.snapshot, ['ANN', 'b-2', 'me'])).toEqual({ ok: true, coders: [{ id: 'a-1', name: 'Ann' }, { id: 'b-2', name: 'Ben' }, { id: 'me', name: 'me' }] });
    expect(resolveCoders(b.snapshot, ['Ann', 'Ann'])).toEqual({ ok: false, reason: 'Coder "Ann" is named twice.' });
    b.coder('Ann', 'a-3');
    expect(resolveCoders(b.snapshot, ['ann', 'ben'])).toEqual({ ok: false, reason: 'More than one coder is called "ann": name them by id.' });
  });

  it('finds codes by id, path or unique name, and says which paths an ambiguous name has', () => {
    const b = new ProjectBuilder();
    const emotions = b.code('Emotions');
    const anger = b.code('Anger', emotions.id);
    const other = b.code('Other');
    const anger2 = b.code('Anger', other.id);
    expect(resolveCodes(b.snapshot.codes, ['emotions > anger', other.id])).toEqual({ ok: true, codeIds: [anger.id, other.id] });
    expect(resolveCodes(b.snapshot.codes, ['Anger'])).toEqual({ ok: false, reason: 'More than one code is called "Anger": name it by its path (Emotions > Anger; Other > Anger).' });
    expect(resolveCodes(b.snapshot.codes, ['Joy'])).toEqual({ ok: false, reason: 'Unknown code "Joy".' });
    expect(resolveCodes(b.snapshot.codes, ['Other > Anger'])).toEqual({ ok: true, codeIds: [anger2.id] });
  });
});
