// What a memo is attached to, in words: the project journal, a source, a code (by its path), a
// coding (its code, source and quote) or a case. The memo list, its search and the export all say
// it the same way, and a memo whose target was deleted says so instead of disappearing.
import { cutAtWord } from '../text/wordCut';
import type { Case } from '../model/cases';
import type { Coding, Memo, MemoTargetKind, Source } from '../model/types';
import { codePath, type CodeLike } from '../codebook/tree';
import { inlineText, parseMarkdownHead } from './markdown';

export interface MemoTargetLookup {
  sources: ReadonlyMap<string, Pick<Source, 'id' | 'name'>>;
  codes: ReadonlyMap<string, CodeLike>;
  codings: ReadonlyMap<string, Pick<Coding, 'id' | 'codeId' | 'sourceId' | 'exact'>>;
  cases: ReadonlyMap<string, Pick<Case, 'id' | 'name'>>;
}

export interface MemoTargetDescription {
  kind: MemoTargetKind;
  /** e.g. "Code", "Coding", "Project journal". */
  kindLabel: string;
  /** The target itself: a source name, a code path, "Safety in interview-3.txt". */
  label: string;
  /** A coding's coded text. */
  quote?: string;
  /** The target no longer exists. */
  missing: boolean;
}

/** Memo kinds in the order lists and exports group them, with the words for a group of each. */
export const MEMO_KINDS: ReadonlyArray<{ kind: MemoTargetKind; label: string; plural: string }> = [
  { kind: 'project', label: 'Project journal', plural: 'Project journal' },
  { kind: 'source', label: 'Source', plural: 'Sources' },
  { kind: 'code', label: 'Code', plural: 'Codes' },
  { kind: 'coding', label: 'Coding', plural: 'Codings' },
  { kind: 'case', label: 'Case', plural: 'Cases' },
];

const KIND_LABEL = new Map(MEMO_KINDS.map((k) => [k.kind, k.label]));

export function describeMemoTarget(memo: Pick<Memo, 'targetKind' | 'targetId'>, lookup: MemoTargetLookup): MemoTargetDescription {
  const kindLabel = KIND_LABEL.get(memo.targetKind) ?? memo.targetKind;
  const base = { kind: memo.targetKind, kindLabel };
  switch (memo.targetKind) {
    case 'project':
      return { ...base, label: 'Project journal', missing: false };
    case 'source': {
      const source = lookup.sources.get(memo.targetId);
      return { ...base, label: source?.name ?? 'a deleted source', missing: !source };
    }
    case 'code': {
      const code = lookup.codes.get(memo.targetId);
      return { ...base, label: code ? codePath(lookup.codes, code.id) : 'a deleted code', missing: !code };
    }
    case 'coding': {
      const coding = lookup.codings.get(memo.targetId);
      if (!coding) return { ...base, label: 'a deleted coding', missing: true };
      const code = lookup.codes.has(coding.codeId) ? codePath(lookup.codes, coding.codeId) : 'an unknown code';
      const source = lookup.sources.get(coding.sourceId)?.name ?? 'an unknown source';
      return { ...base, label: `${code} in ${source}`, quote: coding.exact, missing: false };
    }
    case 'case': {
      const found = lookup.cases.get(memo.targetId);
      return { ...base, label: found?.name ?? 'a deleted case', missing: !found };
    }
  }
}

/** Longest title taken from a memo's first line when it has none of its own. */
const DERIVED_TITLE_LENGTH = 80;

/** The memo's title, or its first line when it has none, or "Untitled memo". */
export function memoTitle(memo: Pick<Memo, 'title' | 'body'>): string {
  const title = memo.title.trim();
  if (title !== '') return title;
  const first = parseMarkdownHead(memo.body)[0];
  let text = '';
  if (first && (first.kind === 'heading' || first.kind === 'paragraph')) text = inlineText(first.children);
  else if (first?.kind === 'list') text = inlineText(first.items[0] ?? []);
  else if (first?.kind === 'code') text = first.text;
  text = text.replace(/\s+/g, ' ').trim();
  if (text === '') return 'Untitled memo';
  return cutAtWord(text, DERIVED_TITLE_LENGTH).head;
}
