// The one-line preview under a memo's title in the memo list: its text flattened, without the part
// the title already shows (a derived title is the text's start, cut at a word), cut at a word too.
import type { Memo } from '../model/types';
import { cutAtWord } from '../text/wordCut';
import { inlineText, parseMarkdownHead } from './markdown';
import { memoTitle } from './memoTargets';

/** The memo's text without its title line, flattened to one line for the list. */
export function memoPreview(memo: Pick<Memo, 'title' | 'body'>): string {
  const blocks = parseMarkdownHead(memo.body);
  const words = blocks
    .map((b) =>
      b.kind === 'heading' || b.kind === 'paragraph'
        ? inlineText(b.children)
        : b.kind === 'list'
          ? b.items.map(inlineText).join(' · ')
          : b.kind === 'code'
            ? b.text
            : '',
    )
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const title = memoTitle(memo).replace(/…$/, '');
  const rest = memo.title.trim() === '' && words.startsWith(title) ? words.slice(title.length).trim() : words;
  return cutAtWord(rest, 160).head;
}
