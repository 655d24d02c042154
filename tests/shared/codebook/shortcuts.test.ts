import { describe, expect, it } from 'vitest';
import type { Code } from '../../../shared/model/types';
import { codeForDigit, planAssignShortcut, planShortcutForNewCode, shortcutMap } from '../../../shared/codebook/shortcuts';

const code = (id: string, extra: Partial<Code> = {}): Code => ({ id, projectId: 'p', parentId: null, name: id, description: '', color: '#112233', order: 0, createdAt: '', ...extra });
const apply = (codes: Code[], updates: Array<[Code, Code]>): Code[] => codes.map((c) => updates.find(([b]) => b.id === c.id)?.[1] ?? c);

describe('pinned digit shortcuts', () => {
  it('falls back to the first nine codable codes in tree order when nothing is pinned', () => {
    const codes = [code('a'), code('folder', { isCodable: false }), ...'bcdefghij'.split('').map((id) => code(id))];
    const map = shortcutMap(codes);
    expect(map.get('a')).toBe(1);
    expect(map.get('b')).toBe(2);
    expect(map.has('folder')).toBe(false);
    expect(map.has('j')).toBe(false);
    expect(codeForDigit(codes, 9)?.id).toBe('i');
  });

  it('pins the existing digits and gives a new child the lowest free digit, renumbering nothing', () => {
    const codes = [code('a'), code('b'), code('c')];
    const child = code('a1', { parentId: 'a' });
    const { code: created, pins } = planShortcutForNewCode(codes, child);
    expect(created.shortcut).toBe(4);
    const after = [codes[0]!, child, codes[1]!, codes[2]!].map((c) => (c.id === 'a1' ? created : c));
    const map = shortcutMap(apply(after, pins));
    expect([map.get('a'), map.get('b'), map.get('c'), map.get('a1')]).toEqual([1, 2, 3, 4]);
  });

  it('gives no digit to a new code when all nine are taken, nor to a folder', () => {
    const codes = '123456789'.split('').map((d) => code(`c${d}`, { shortcut: Number(d) }));
    expect(planShortcutForNewCode(codes, code('x')).code.shortcut).toBeUndefined();
    expect(planShortcutForNewCode([code('a', { shortcut: 1 })], code('f', { isCodable: false })).code.shortcut).toBeUndefined();
  });

  it('moves a digit from its holder to the chosen code and leaves the others', () => {
    const codes = [code('a', { shortcut: 1 }), code('b', { shortcut: 2 }), code('c', { shortcut: 3 })];
    const updates = planAssignShortcut(codes, 'c', 1);
    const map = shortcutMap(apply(codes, updates));
    expect(map.get('c')).toBe(1);
    expect(map.has('a')).toBe(false);
    expect(map.get('b')).toBe(2);
    expect(updates).toHaveLength(2);
  });

  it('pins the fallback digits before reassigning in an unpinned project', () => {
    const codes = [code('a'), code('b'), code('c')];
    const map = shortcutMap(apply(codes, planAssignShortcut(codes, 'a', null)));
    expect([...map]).toEqual([['b', 2], ['c', 3]]);
  });

  it('refuses a folder or a digit outside 1–9, changing nothing', () => {
    const codes = [code('a'), code('f', { isCodable: false })];
    expect(() => planAssignShortcut(codes, 'f', 1)).toThrow(/folder/);
    expect(() => planAssignShortcut(codes, 'a', 12)).toThrow(/1 to 9/);
  });
});
