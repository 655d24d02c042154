// The memos export: grouped as the memo list filters them, each with its target, author and times,
// Markdown bodies as written and HTML bodies rendered safely.
import { describe, expect, it } from 'vitest';
import type { Memo } from '../../../shared/model/types';
import { buildMemosHtml, buildMemosMarkdown, memoMetaLine } from '../../../shared/memos/memosExport';
import { memoTitle, type MemoTargetLookup } from '../../../shared/memos/memoTargets';

const lookup: MemoTargetLookup = {
  sources: new Map([['s1', { id: 's1', name: 'interview-1.txt' }]]),
  codes: new Map([
    ['c0', { id: 'c0', parentId: null, name: 'Feelings', order: 1 }],
    ['c1', { id: 'c1', parentId: 'c0', name: 'Fatigue', order: 1 }],
  ]),
  codings: new Map([['k1', { id: 'k1', codeId: 'c1', sourceId: 's1', exact: 'so tired\nafter nights' }]]),
  cases: new Map(),
};

function memo(id: string, targetKind: Memo['targetKind'], targetId: string, body: string, title = ''): Memo {
  return { id, projectId: 'p', targetKind, targetId, title, body, author: 'Ada', createdAt: '2025-03-01T14:02:00.000Z', updatedAt: '2025-03-02T09:10:00.000Z' };
}

const memos = [
  memo('m3', 'coding', 'k1', 'Shift work *again*.'),
  memo('m1', 'project', 'p', 'First impressions.', 'Week 1'),
  memo('m2', 'code', 'c1', 'Split it?'),
  memo('m4', 'case', 'gone', 'About a case since deleted.'),
];

describe('memos export', () => {
  it('writes Markdown grouped by target, bodies as written, the coded passage quoted', () => {
    const md = buildMemosMarkdown({ projectName: 'Harbour study', memos, lookup });
    expect(md).toBe(
      [
        '# Memos: Harbour study',
        '',
        '## Project journal',
        '',
        '### Week 1',
        '',
        '*Project journal · Ada · created 2025-03-01 14:02 UTC · edited 2025-03-02 09:10 UTC*',
        '',
        'First impressions.',
        '',
        '## Codes',
        '',
        '### Split it?',
        '',
        '*Code: Feelings > Fatigue · Ada · created 2025-03-01 14:02 UTC · edited 2025-03-02 09:10 UTC*',
        '',
        'Split it?',
        '',
        '## Codings',
        '',
        '### Shift work again.',
        '',
        '*Coding: Feelings > Fatigue in interview-1.txt · Ada · created 2025-03-01 14:02 UTC · edited 2025-03-02 09:10 UTC*',
        '',
        '> so tired',
        '> after nights',
        '',
        'Shift work *again*.',
        '',
        '## Cases',
        '',
        '### About a case since deleted.',
        '',
        '*Case: a deleted case · Ada · created 2025-03-01 14:02 UTC · edited 2025-03-02 09:10 UTC*',
        '',
        'About a case since deleted.',
        '',
      ].join('\n'),
    );
  });

  it("names each memo's author by their coder name, not their coder id", () => {
    const ada = '6f1c2b7e-0d3a-4e51-9a8b-2c4d6e8f0a1b';
    const written = [{ ...memo('m1', 'project', 'p', 'Ada wrote this.', 'By Ada'), author: ada }, { ...memo('m2', 'project', 'p', 'Legacy.', 'Old'), author: 'me' }];
    const coderNames = new Map([[ada, 'Ada Lovelace']]);
    const md = buildMemosMarkdown({ projectName: 'Team', memos: written, lookup, coderNames });
    expect(md).toContain('*Project journal · Ada Lovelace · created 2025-03-01 14:02 UTC');
    expect(md).not.toContain(ada);
    // An id without a coder record (the legacy "me") is written as it is.
    expect(md).toContain('*Project journal · me · created');
    const html = buildMemosHtml({ projectName: 'Team', memos: written, lookup, coderNames });
    expect(html).toContain('Project journal · Ada Lovelace · created');
    expect(html).not.toContain(ada);
  });

  it('writes a standalone HTML page with rendered, escaped bodies', () => {
    const html = buildMemosHtml({ projectName: 'A <b> study', memos: [memo('x', 'project', 'p', '**Bold** <i>raw</i>')], lookup });
    expect(html).toContain('<title>Memos: A &lt;b&gt; study</title>');
    expect(html).toContain('<p><strong>Bold</strong> &lt;i&gt;raw&lt;/i&gt;</p>');
  });

  it('says when a memo was never edited, and titles untitled memos by their first line', () => {
    expect(memoMetaLine({ author: '', createdAt: '2025-03-01T14:02:00.000Z', updatedAt: '2025-03-01T14:02:00.000Z' })).toBe(
      'unknown author · created 2025-03-01 14:02 UTC',
    );
    expect(memoTitle({ title: '', body: '## A *heading*\n\nText' })).toBe('A heading');
    expect(memoTitle({ title: '  ', body: '' })).toBe('Untitled memo');
    expect(memoTitle({ title: '', body: 'x'.repeat(100) })).toHaveLength(80);
  });
});
