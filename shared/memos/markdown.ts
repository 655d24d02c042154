// The Markdown that memos are written in, read into a small tree that the memo preview draws as
// React elements and the memo export writes as HTML. It covers what people type in research notes
// (headings, paragraphs, lists, quotes, code, emphasis, links) and never passes raw HTML through:
// whatever is typed is shown as text, so a pasted <script> is only ever characters.

import { escapeHtml } from '../text/escapeHtml';

export type MarkdownInline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: MarkdownInline[] }
  | { kind: 'em'; children: MarkdownInline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: MarkdownInline[] }
  | { kind: 'break' };

export type MarkdownBlock =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: MarkdownInline[] }
  | { kind: 'paragraph'; children: MarkdownInline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: MarkdownInline[][] }
  | { kind: 'quote'; children: MarkdownBlock[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const NUMBERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;

/** Reads Markdown into blocks. Line endings may be LF, CRLF or CR. */
export function parseMarkdown(source: string): MarkdownBlock[] {
  return parseBlocks(source.replace(/\r\n?/g, '\n').split('\n'));
}

function parseBlocks(lines: readonly string[]): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trimStart().startsWith(marker)) body.push(lines[i++]!);
      i++; // the closing fence (or the end)
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({
        kind: 'heading',
        level: heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6,
        children: parseInline(heading[2] ?? ''),
      });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: 'rule' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '') {
        const quoted = QUOTE.exec(lines[i]!);
        inner.push(quoted ? quoted[1]! : lines[i]!);
        i++;
      }
      blocks.push({ kind: 'quote', children: parseBlocks(inner) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = bullet === null;
      const pattern = ordered ? NUMBERED : BULLET;
      const items: string[][] = [];
      while (i < lines.length) {
        const current = lines[i]!;
        const item = pattern.exec(current);
        if (item) {
          items.push([ordered ? item[2]! : item[1]!]);
        } else if (current.trim() !== '' && /^\s/.test(current) && items.length > 0) {
          items.at(-1)!.push(current.trim()); // an indented line continues the item
        } else if (current.trim() === '' && i + 1 < lines.length && pattern.test(lines[i + 1]!)) {
          // A blank line between two items keeps the list going.
        } else {
          break;
        }
        i++;
      }
      blocks.push({
        kind: 'list',
        ordered,
        start: ordered ? Number(numbered![1]) : 1,
        items: items.map((item) => parseInline(item.join('\n'))),
      });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length) {
      const current = lines[i]!;
      if (current.trim() === '' || FENCE.test(current) || HEADING.test(current) || QUOTE.test(current)) break;
      if (paragraph.length > 0 && (RULE.test(current) || BULLET.test(current))) break;
      paragraph.push(current.trim());
      i++;
    }
    blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join('\n')) });
  }
  return blocks;
}

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!>|~<]/;

/**
 * Reads inline Markdown. A line break inside a paragraph is kept as a break: memos are notes,
 * and their writers expect a new line where they pressed Enter.
 */
export function parseInline(source: string): MarkdownInline[] {
  const out: MarkdownInline[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') out.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\' && i + 1 < source.length && ESCAPABLE.test(source[i + 1]!)) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (c === '\n') {
      flush();
      out.push({ kind: 'break' });
      i++;
      continue;
    }
    if (c === '`') {
      const end = source.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ kind: 'code', text: source.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (c === '*' || c === '_') {
      const delimiter = source[i + 1] === c ? c + c : c;
      const from = i + delimiter.length;
      const opens = from < source.length && !/\s/.test(source[from]!) && (c === '*' || !isWordChar(source[i - 1]));
      const end = opens ? findClosing(source, from, delimiter) : -1;
      if (end > from) {
        flush();
        const children = parseInline(source.slice(from, end));
        out.push(delimiter.length === 2 ? { kind: 'strong', children } : { kind: 'em', children });
        i = end + delimiter.length;
        continue;
      }
    }
    if (c === '[') {
      const close = findBracket(source, i);
      if (close > 0 && source[close + 1] === '(') {
        const paren = findParen(source, close + 2);
        if (paren > 0) {
          flush();
          const href = source.slice(close + 2, paren).trim();
          const children = parseInline(source.slice(i + 1, close));
          if (safeHref(href)) out.push({ kind: 'link', href, children });
          else out.push(...children); // an unsafe or relative target keeps only its words
          i = paren + 1;
          continue;
        }
      }
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** Where the closing delimiter is: after a non-space, and for `_` not inside a word. */
function findClosing(source: string, from: number, delimiter: string): number {
  for (let j = from; j < source.length; j++) {
    const c = source[j]!;
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '`') {
      const end = source.indexOf('`', j + 1);
      if (end > j) j = end;
      continue;
    }
    if (!source.startsWith(delimiter, j) || /\s/.test(source[j - 1]!)) continue;
    // A single delimiter must not be half of a double one (`*a **b** c*` closes at the last `*`).
    if (delimiter.length === 1 && source[j + 1] === delimiter) {
      const inner = findClosing(source, j + 2, delimiter + delimiter);
      if (inner > 0) {
        j = inner + 1;
        continue;
      }
    }
    if (delimiter[0] === '_' && isWordChar(source[j + delimiter.length])) continue;
    return j;
  }
  return -1;
}

/** The `)` that closes a link target starting at `from`, counting nested parentheses. */
function findParen(source: string, from: number): number {
  let depth = 0;
  for (let j = from; j < source.length; j++) {
    if (source[j] === '(') depth++;
    else if (source[j] === ')' && depth-- === 0) return j;
    else if (source[j] === '\n') return -1;
  }
  return -1;
}

function findBracket(source: string, open: number): number {
  let depth = 0;
  for (let j = open; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === '[') depth++;
    else if (source[j] === ']' && --depth === 0) return j;
  }
  return -1;
}

/** Links may point to the web or to an e-mail address, nowhere else (no javascript:, no files). */
export function safeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)[^\s"'<>]+$/i.test(href);
}

/** The text of inlines without markup, e.g. for a memo's title taken from its first line. */
export function inlineText(inlines: readonly MarkdownInline[]): string {
  return inlines
    .map((node) =>
      node.kind === 'text' || node.kind === 'code' ? node.text : node.kind === 'break' ? ' ' : inlineText(node.children),
    )
    .join('');
}

/** Markdown to an HTML fragment, every piece of text escaped. */
export function markdownToHtml(source: string): string {
  return parseMarkdown(source).map(blockHtml).join('\n');
}

function blockHtml(block: MarkdownBlock): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${inlinesHtml(block.children)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${inlinesHtml(block.children)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
      return `<${tag}${start}>${block.items.map((item) => `<li>${inlinesHtml(item)}</li>`).join('')}</${tag}>`;
    }
    case 'quote':
      return `<blockquote>${block.children.map(blockHtml).join('\n')}</blockquote>`;
    case 'code':
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case 'rule':
      return '<hr>';
  }
}

function inlinesHtml(inlines: readonly MarkdownInline[]): string {
  return inlines
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return escapeHtml(node.text);
        case 'strong':
          return `<strong>${inlinesHtml(node.children)}</strong>`;
        case 'em':
          return `<em>${inlinesHtml(node.children)}</em>`;
        case 'code':
          return `<code>${escapeHtml(node.text)}</code>`;
        case 'link':
          return `<a href="${escapeHtml(node.href)}">${inlinesHtml(node.children)}</a>`;
        case 'break':
          return '<br>';
      }
    })
    .join('');
}
