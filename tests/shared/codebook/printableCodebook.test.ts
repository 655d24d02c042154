import { describe, expect, it } from 'vitest';
import { buildCodebookHtml, buildCodebookMarkdown, type PrintableCodebookInput } from '../../../shared/codebook/printableCodebook';
import { code, coding } from './fixtures';

const input = (): PrintableCodebookInput => ({
  title: 'Night work <study>',
  codes: [
    code('a', null, 0, {
      name: 'Access',
      description: 'Getting to *services*.\n\nSecond paragraph',
      inclusion: 'Any mode of travel',
      exclusion: 'Cost (see Cost)',
      memo: 'Check with Ana',
      exampleCodingId: 'ex',
      color: '#123ABC',
    }),
    code('a1', 'a', 0, { name: 'Bus & <tram>' }),
    code('f', null, 1, { name: 'Folder', isCodable: false }),
  ],
  codings: [
    coding('a', 's2', 0, 5, { id: 'ex', exact: 'I take the "night bus"' }),
    coding('a', 's1', 0, 5, { id: 'other', exact: 'first' }),
    coding('a1', 's2', 40, 50, { id: 'late', exact: '- 1. a list?' }),
    coding('a1', 's1', 90, 99, { id: 'early', exact: 'first in order' }),
  ],
  sources: [
    { id: 's1', name: 'Interview 1', order: 0 },
    { id: 's2', name: 'Interview 2', order: 1 },
  ],
});

describe('printable codebook', () => {
  it('writes Markdown with one section per code: path, definition, criteria, memo, one example', () => {
    const md = buildCodebookMarkdown(input());
    expect(md).toBe(
      [
        '# Codebook: Night work \\<study\\>',
        '',
        '## Access',
        '',
        '*2 codings in 2 sources; with subcodes 4 codings in 2 sources*',
        '',
        '**Definition**',
        '',
        'Getting to \\*services\\*.',
        '',
        'Second paragraph',
        '',
        '**Use when**',
        '',
        'Any mode of travel',
        '',
        '**Do not use when**',
        '',
        'Cost \\(see Cost\\)',
        '',
        '**Memo**',
        '',
        'Check with Ana',
        '',
        '**Typical example** (Interview 2)',
        '',
        '> I take the "night bus"',
        '',
        '## Access \\> Bus & \\<tram\\>',
        '',
        '*2 codings in 2 sources*',
        '',
        '**Example** (Interview 1)',
        '',
        '> first in order',
        '',
        '## Folder',
        '',
        '*Folder: groups codes, not applied to text.*',
        '',
        '*0 codings in 0 sources*',
        '',
      ].join('\n'),
    );
  });

  it('can leave out examples nobody chose', () => {
    const md = buildCodebookMarkdown({ ...input(), fallbackToFirstCoding: false });
    expect(md).not.toContain('first in order');
    expect(md).toContain('night bus');
  });

  it('writes escaped HTML with the same sections', () => {
    const html = buildCodebookHtml(input());
    expect(html).toContain('<title>Codebook: Night work &lt;study&gt;</title>');
    expect(html).toContain('<h2><span class="swatch" style="background:#123abc" aria-hidden="true"></span>Access</h2>');
    expect(html).toContain('<dd><p>Getting to *services*.</p><p>Second paragraph</p></dd>');
    expect(html).toContain('Access &gt; Bus &amp; &lt;tram&gt;');
    expect(html).toContain('<blockquote><p>I take the &quot;night bus&quot;</p></blockquote>');
    expect(html).toContain('Folder: groups codes, not applied to text.');
    expect(html).not.toMatch(/<tram>|<study>/);
  });
});
