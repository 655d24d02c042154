// The machine's coder preference as stored: read leniently (a partial preset fills in), never
// trusted blindly (a damaged value is no preference at all), and coder names checked.
import { describe, expect, it } from 'vitest';
import { checkCoderName, parseCoderPreference } from '../../../renderer/src/features/coders/coderPreference';

describe('parseCoderPreference', () => {
  it('fills in a preset that only names the coder: asked, fallback colour, no projects yet', () => {
    expect(parseCoderPreference('{"name":" Ann "}', '#4363d8')).toEqual({ name: 'Ann', color: '#4363d8', asked: true, coderIds: {} });
  });

  it('keeps a full preference, dropping what is not a coder id', () => {
    const raw = JSON.stringify({ name: 'Ben', color: '#3cb44b', asked: false, coderIds: { p1: 'c1', p2: 7, p3: '' } });
    expect(parseCoderPreference(raw, '#000000')).toEqual({ name: 'Ben', color: '#3cb44b', asked: false, coderIds: { p1: 'c1' } });
  });

  it('reads nothing from damaged or foreign values', () => {
    for (const raw of [null, '', '{', '42', '"Ann"', '{"name":3}', 'null']) expect(parseCoderPreference(raw, '#000000')).toBeNull();
    expect(parseCoderPreference('{"name":"A","color":"red"}', '#123456')?.color).toBe('#123456');
  });
});

describe('checkCoderName', () => {
  it('trims a name and refuses an empty or overlong one with a message', () => {
    expect(checkCoderName('  Ann ')).toEqual({ ok: true, name: 'Ann' });
    expect(checkCoderName('   ')).toMatchObject({ ok: false, message: expect.stringMatching(/name/) });
    expect(checkCoderName('x'.repeat(201)).ok).toBe(false);
  });
});
