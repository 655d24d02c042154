// The project's memos as one document to read or archive: Markdown (the memos' own text, as
// written) or a standalone HTML page. Grouped as the memo list filters them (journal, sources,
// codes, codings, cases); each memo carries its title, author, times and what it is attached to.
import type { Memo } from '../model/types';
import { escapeHtml } from '../text/escapeHtml';
import { markdownToHtml } from './markdown';
import { describeMemoTarget, memoTitle, MEMO_KINDS, type MemoTargetDescription, type MemoTargetLookup } from './memoTargets';
import { htmlDocument } from '../text/htmlDocument';

export interface MemosExportInput {
  projectName: string;
  memos: readonly Memo[];
  lookup: MemoTargetLookup;
  /**
   * Coder id → name: a memo's `author` is the coder's id (a UUID nobody reads), so the export
   * names the person. An id without a record here (the legacy "me", a name from an old file)
   * is written as it is.
   */
  coderNames?: ReadonlyMap<string, string>;
}

interface Entry {
  memo: Memo;
  title: string;
  target: MemoTargetDescription;
}

interface Group {
  heading: string;
  entries: Entry[];
}

/** Memos grouped by target kind; within a group by target, then oldest first (a journal reads in time). */
export function groupMemosForExport(input: MemosExportInput): Group[] {
  return MEMO_KINDS.map(({ kind, plural }) => ({
    heading: plural,
    entries: input.memos
      .filter((memo) => memo.targetKind === kind)
      .map((memo) => ({ memo, title: memoTitle(memo), target: describeMemoTarget(memo, input.lookup) }))
      .sort(
        (a, b) =>
          a.target.label.localeCompare(b.target.label) ||
          a.memo.createdAt.localeCompare(b.memo.createdAt) ||
          a.memo.id.localeCompare(b.memo.id),
      ),
  })).filter((group) => group.entries.length > 0);
}

/** "Ada · created 2025-03-01 14:02 · edited 2025-03-02 09:10" (UTC, so the file reads the same everywhere). */
export function memoMetaLine(memo: Pick<Memo, 'author' | 'createdAt' | 'updatedAt'>, coderNames?: ReadonlyMap<string, string>): string {
  const author = coderNames?.get(memo.author)?.trim() || memo.author.trim();
  const parts = [author || 'unknown author', `created ${stamp(memo.createdAt)}`];
  if (memo.updatedAt !== memo.createdAt) parts.push(`edited ${stamp(memo.updatedAt)}`);
  return parts.join(' · ');
}

function stamp(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

function targetLine(target: MemoTargetDescription): string {
  return target.kind === 'project' ? 'Project journal' : `${target.kindLabel}: ${target.label}`;
}

export function buildMemosMarkdown(input: MemosExportInput): string {
  const out: string[] = [`# Memos: ${oneLine(input.projectName)}`, ''];
  const groups = groupMemosForExport(input);
  if (groups.length === 0) out.push('*No memos yet.*', '');
  for (const group of groups) {
    out.push(`## ${group.heading}`, '');
    for (const { memo, title, target } of group.entries) {
      out.push(`### ${oneLine(title)}`, '');
      out.push(`*${oneLine(targetLine(target))} · ${oneLine(memoMetaLine(memo, input.coderNames))}*`, '');
      if (target.quote !== undefined) {
        out.push(...target.quote.split(/\r?\n/).map((line) => (line === '' ? '>' : `> ${line}`)), '');
      }
      // The body is the user's own Markdown: written as is, so the export reads like the memo.
      if (memo.body.trim() !== '') out.push(memo.body.replace(/\r\n?/g, '\n').trim(), '');
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

export function buildMemosHtml(input: MemosExportInput): string {
  const title = `Memos: ${input.projectName}`;
  const style = [
    'body { font: 11pt/1.5 Georgia, serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; }',
    'article { margin: 0 0 1.8em; break-inside: avoid; }',
    'h3 { margin-bottom: 0.1em; }',
    '.meta { color: #555; font-size: 0.9em; margin-top: 0; }',
    'blockquote { margin: 0.5em 0; padding-left: 0.8em; border-left: 3px solid #999; color: #333; }',
    'pre { background: #f4f4f4; padding: 0.5em; overflow-x: auto; }',
  ];
  const out: string[] = [];
  const groups = groupMemosForExport(input);
  if (groups.length === 0) out.push('<p><em>No memos yet.</em></p>');
  for (const group of groups) {
    out.push(`<h2>${escapeHtml(group.heading)}</h2>`);
    for (const { memo, title: memoName, target } of group.entries) {
      out.push('<article>', `<h3>${escapeHtml(memoName)}</h3>`);
      out.push(`<p class="meta">${escapeHtml(`${targetLine(target)} · ${memoMetaLine(memo, input.coderNames)}`)}</p>`);
      if (target.quote !== undefined) {
        out.push(`<blockquote>${escapeHtml(target.quote).replace(/\r?\n/g, '<br>')}</blockquote>`);
      }
      out.push(markdownToHtml(memo.body), '</article>');
    }
  }
  return htmlDocument({ title, style, body: out });
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
