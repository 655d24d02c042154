// Search the whole project: modes, offsets in hard text, context, streaming, and how a
// regular expression is kept from hanging the app.
import { describe, expect, it } from 'vitest';
import { compileSearch, isWordBoundary, probeRegExp, searchAll, searchProject, type SearchOptions } from '../../../shared/analysis/search';

const sources = [
  { id: 's1', text: 'Trust is earned. I distrust China 😀 and trust nobody.\nTRUST me.' },
  { id: 's2', text: 'مرحبا trust שלום 👩‍👩‍👧 trust' },
  { id: 's3', text: '東京都に住んでいます。東京は大きい。' },
];
const plain = (query: string, extra: Partial<SearchOptions> = {}): SearchOptions => ({ query, mode: 'plain', wholeWord: false, caseSensitive: false, ...extra });

function hits(options: SearchOptions, list = sources) {
  const compiled = compileSearch(options);
  if (!compiled.ok) throw new Error(compiled.message);
  return searchAll(list, compiled).hits;
}
const texts = (options: SearchOptions): string[] => hits(options).map((h) => h.match);

describe('search', () => {
  it('finds plain text in any letter case, with offsets that cut the source exactly (emoji, RTL)', () => {
    const found = hits(plain('trust'));
    expect(found.map((h) => `${h.sourceId}:${h.match}`)).toEqual(['s1:Trust', 's1:trust', 's1:trust', 's1:TRUST', 's2:trust', 's2:trust']);
    for (const h of found) expect(sources.find((s) => s.id === h.sourceId)!.text.slice(h.start, h.end)).toBe(h.match);
  });

  it('is case-sensitive on request', () => {
    expect(texts(plain('trust', { caseSensitive: true }))).toEqual(['trust', 'trust', 'trust', 'trust']);
  });

  it('finds whole words only on request, in English and Japanese', () => {
    // "distrust" holds "trust" but is another word.
    const s1 = sources[0]!.text;
    expect(hits(plain('trust', { wholeWord: true })).filter((h) => h.sourceId === 's1').map((h) => h.start)).toEqual([0, s1.indexOf('trust nobody'), s1.indexOf('TRUST')]);
    // ICU's dictionary splits 東京都 as 東京|都: 東京 is a word there, and in 東京は.
    expect(hits(plain('東京', { wholeWord: true })).map((h) => h.start)).toEqual([0, 11]);
    expect(hits(plain('京', { wholeWord: true }))).toEqual([]);
  });

  it('reads a regular expression, with whole words and letter case', () => {
    expect(texts({ query: 'dis?trust\\w*', mode: 'regex', wholeWord: false, caseSensitive: true })).toEqual(['distrust']);
    expect(texts({ query: '(?:dis)?trust', mode: 'regex', wholeWord: true, caseSensitive: false })).toEqual(['Trust', 'distrust', 'trust', 'TRUST', 'trust', 'trust']);
    expect(texts({ query: '\\p{Emoji_Presentation}', mode: 'regex', wholeWord: false, caseSensitive: false })).toContain('😀');
  });

  it('gives context within the paragraph, without half characters', () => {
    const me = hits(plain('me')).find((h) => h.sourceId === 's1')!;
    expect([me.before, me.match, me.after]).toEqual(['TRUST ', 'me', '.']);
    const nobody = hits(plain('nobody'))[0]!;
    expect(nobody.before).toBe('s earned. I distrust China 😀 and trust ');
    expect(nobody.after).toBe('.');
    // 40 units before the hit would start inside the emoji: the context starts after it.
    const [cut] = hits(plain('needle'), [{ id: 'e', text: `😀${'x'.repeat(39)}needle` }]);
    expect(cut!.before).toBe('x'.repeat(39));
  });

  it('refuses what cannot be searched, with a message, and changes nothing', () => {
    expect(compileSearch(plain(''))).toEqual({ ok: false, message: 'Type something to search for.' });
    const broken = compileSearch({ query: 'a(b', mode: 'regex', wholeWord: false, caseSensitive: false });
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toMatch(/^This is not a valid regular expression/);
    expect(compileSearch({ query: 'x*', mode: 'regex', wholeWord: false, caseSensitive: false }).ok).toBe(false);
    // Plain mode takes regex characters literally.
    expect(texts(plain('😀 and'))).toEqual(['😀 and']);
    expect(hits(plain('.*'))).toEqual([]);
  });

  it('refuses a catastrophic pattern after a quick probe, and passes ordinary ones', () => {
    const catastrophic = compileSearch({ query: '(a+)+$', mode: 'regex', wholeWord: false, caseSensitive: false });
    expect(catastrophic.ok).toBe(false);
    expect(!catastrophic.ok && catastrophic.message).toMatch(/could take minutes/);
    expect(probeRegExp(/(\w+\s)+done/u)).toBeNull();
    expect(probeRegExp(/trust|faith/giu)).toBeNull();
  });

  it('the probe refuses a pattern whose time keeps multiplying (clock under test control)', () => {
    // A fake clock that makes every run look 10× slower than the one before.
    let t = 0;
    let step = 0.2;
    const clock = (): number => {
      t += step;
      step *= 3.2;
      return t;
    };
    expect(probeRegExp(/x/u, clock)).toMatch(/could take minutes/);
  });

  it('streams one source at a time and stops at the time budget, keeping the hits so far', () => {
    const compiled = compileSearch(plain('trust'));
    if (!compiled.ok) throw new Error(compiled.message);
    const run = searchProject(sources, compiled, { timeMs: 100, now: (() => { let t = 0; return () => (t += 60); })() });
    const first = run.next();
    expect(first.done).toBe(false);
    expect(!first.done && first.value.sourceId).toBe('s1');
    const second = run.next();
    expect(second.done && second.value).toEqual({ hits: 4, sourcesSearched: 1, stoppedBy: 'time' });
  });

  it('stops at the hit limit', () => {
    const compiled = compileSearch(plain('trust'));
    if (!compiled.ok) throw new Error(compiled.message);
    const { hits: found, summary } = searchAll(sources, compiled, { maxHits: 3 });
    expect(found).toHaveLength(3);
    expect(summary).toEqual({ hits: 3, sourcesSearched: 1, stoppedBy: 'limit' });
  });

  it('finds nothing in an empty project', () => {
    const compiled = compileSearch(plain('trust'));
    if (!compiled.ok) throw new Error(compiled.message);
    expect(searchAll([], compiled)).toEqual({ hits: [], summary: { hits: 0, sourcesSearched: 0, stoppedBy: null } });
  });

  it('knows word boundaries at the edges, beside spaces, emoji and inside words', () => {
    const text = 'a😀b trust';
    expect(isWordBoundary(text, 0)).toBe(true);
    expect(isWordBoundary(text, 1)).toBe(true);
    expect(isWordBoundary(text, 3)).toBe(true);
    expect(isWordBoundary('trusted', 5)).toBe(false);
    expect(isWordBoundary(text, text.length)).toBe(true);
  });
});

describe('passageContext', () => {
  it('gives a coded segment its surrounding text within its paragraphs', async () => {
    const { passageContext } = await import('../../../shared/analysis/passageContext');
    const text = 'Before.\nSo he said 😀 that the bus\nwas late again, as usual.\nAfter.';
    const start = text.indexOf('the bus');
    const end = text.indexOf('was late') + 'was late'.length;
    expect(passageContext(text, start, end, 12)).toEqual({ before: 'aid 😀 that ', after: ' again, as u' });
    // Seven units back is the second half of the emoji: the context starts after it.
    expect(passageContext(text, start, end, 7)).toEqual({ before: ' that ', after: ' again,' });
    expect(passageContext(text, 0, 6)).toEqual({ before: '', after: '.' });
  });
});
