// The memo column of the coded segments export: each coding's memos as one cell. Shared by the
// app's export (in the analysis worker) and the command line, so both write the same file.
import type { Memo } from '../model/types';

/** Each coding's memos as one cell: title and text, memos apart by a blank line, oldest first. */
export function codingMemoTexts(memos: readonly Memo[]): Map<string, string> {
  const out = new Map<string, string>();
  const onCodings = memos.filter((m) => m.targetKind === 'coding').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const memo of onCodings) {
    const text = [memo.title.trim(), memo.body.trim()].filter((t) => t !== '').join('\n');
    const previous = out.get(memo.targetId);
    out.set(memo.targetId, previous ? `${previous}\n\n${text}` : text);
  }
  return out;
}
