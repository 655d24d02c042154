// Memo Markdown: what researchers type renders as expected, and nothing typed ever becomes markup
// of its own (a memo is someone's notes, possibly pasted from anywhere).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineText, markdownToHtml, parseInline, parseMarkdown, safeHref } from '../../../shared/memos/markdown';

describe('parseMarkdown', () => {
  it('reads headings, paragraphs with line breaks, lists, quotes, code and rules', () => {
    const blocks = parseMarkdown('# Week 1\r\nFirst line\nsecond line\n\n- one\n- two\n\n3. three\n4. four\n\n> quoted\n\n```\ncode *as is*\n```\n\n---');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'quote', 'code', 'rule']);
    expect(blocks[1]).toEqual({
      kind: 'paragraph',
      children: [{ kind: 'text', text: 'First line' }, { kind: 'break' }, { kind: 'text', text: 'second line' }],
    });
    expect(blocks[3]).toMatchObject({ kind: 'list', ordered: true, start: 3 });
    expect(blocks[5]).toEqual({ kind: 'code', text: 'code *as is*' });
  });

  it('reads emphasis, strong, code spans, escapes and links', () => {
    expect(parseInline('**bold** and *it* and `x*y` and \\*not\\*')).toEqual([
      { kind: 'strong', children: [{ kind: 'text', text: 'bold' }] },
      { kind: 'text', text: ' and ' },
      { kind: 'em', children: [{ kind: 'text', text: 'it' }] },
      { kind: 'text', text: ' and ' },
      { kind: 'code', text: 'x*y' },
      { kind: 'text', text: ' and *not*' },
    ]);
    expect(parseInline('see [the report](https://example.org/r?a=1)')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', href: 'https://example.org/r?a=1', children: [{ kind: 'text', text: 'the report' }] },
    ]);
    expect(inlineText(parseInline('snake_case_name and 2 * 3 * 4'))).toBe('snake_case_name and 2 * 3 * 4');
  });

  it('keeps only web and e-mail links', () => {
    expect(safeHref('https://example.org')).toBe(true);
    expect(safeHref('mailto:ada@example.org')).toBe(true);
    expect(safeHref('javascript:alert(1)')).toBe(false);
    expect(safeHref('file:///etc/passwd')).toBe(false);
    expect(markdownToHtml('[click](javascript:alert(1))')).toBe('<p>click</p>');
  });
});

describe('markdownToHtml', () => {
  it('escapes everything typed', () => {
    expect(markdownToHtml('<script>alert("x")</script> & **<b>**')).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <strong>&lt;b&gt;</strong></p>',
    );
  });

  it('never lets typed text open a tag of its own (property)', () => {
    const allowed = /^<\/?(p|br|strong|em|code|pre|ul|ol|li|blockquote|hr|h[1-6]|a)(\s+(href|start)="[^"<>]*")?>$/;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '"', "'", '&', '*', '_', '`', '[', ']', '(', ')', 'a', ' ', '\n', '#', '-', 'j', ':', '/') }), (text) => {
        const html = markdownToHtml(text);
        for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(allowed);
      }),
    );
  });
});

describe('hostile memo text', { timeout: 20_000 }, () => {
  // Each of these took the hand-written reader quadratic time (120,000 unmatched `*`: over 30 s);
  // markdown-it reads them in linear time, well inside the test's default time limit.
  it('reads 150,000 unmatched asterisks as the characters typed', () => {
    const text = `start ${'*a '.repeat(150_000)}end`;
    expect(inlineText(parseInline(text))).toBe(text);
  });

  it('reads deep nesting of quotes, lists, brackets and emphasis without losing the words', () => {
    const quotes = parseMarkdown(`${'>'.repeat(50_000)} deep`);
    expect(JSON.stringify(quotes)).toContain('deep');
    expect(inlineText(parseInline(`${'['.repeat(100_000)}x${']('.repeat(100_000)}`))).toContain('x');
    expect(inlineText(parseInline(`${'**'.repeat(100_000)}y`))).toContain('y');
    expect(parseMarkdown(`${'- '.repeat(10_000)}item`).length).toBeGreaterThan(0);
  });

  it('keeps unsafe and relative link targets out, keeping their words', () => {
    expect(markdownToHtml('[a](data:text/html,x) [b](/etc/passwd) [c](HTTPS://ok.example)')).toBe('<p>a b <a href="HTTPS://ok.example">c</a></p>');
  });
});
