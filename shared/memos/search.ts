// Finding memos again: every word typed must appear in the memo's title, text, author or what it
// is attached to, ignoring case and accents; a filter narrows to one kind of target.
import type { Memo, MemoTargetKind } from '../model/types';
import type { MemoTargetDescription } from './memoTargets';
import { foldForSearch } from '../text/searchFold';

export interface MemoFilter {
  query: string;
  kind: MemoTargetKind | 'all';
}

/** The memos that pass the filter, most recently edited first. */
export function filterMemos<M extends Memo>(
  memos: readonly M[],
  filter: MemoFilter,
  describe: (memo: M) => MemoTargetDescription,
): M[] {
  const words = foldForSearch(filter.query).split(/\s+/).filter((w) => w !== '');
  return memos
    .filter((memo) => {
      if (filter.kind !== 'all' && memo.targetKind !== filter.kind) return false;
      if (words.length === 0) return true;
      const target = describe(memo);
      const haystack = foldForSearch([memo.title, memo.body, memo.author, target.kindLabel, target.label, target.quote ?? ''].join('\n'));
      return words.every((word) => haystack.includes(word));
    })
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
}
