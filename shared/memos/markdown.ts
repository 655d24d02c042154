// The Markdown that memos are written in, read into a small tree that the memo preview draws as
// React elements and the memo export writes as HTML. markdown-it does the reading (CommonMark, in
// linear time: a hand-written reader took over 30 s on 120,000 characters of unmatched `*`), with
// raw HTML off, so whatever is typed is shown as text and a pasted <script> is only ever
// characters. The tree keeps what people type in research notes (headings, paragraphs, lists,
// quotes, code, emphasis, links); anything else markdown-it finds is flattened into it.
import MarkdownIt from 'markdown-it';

/** One token of markdown-it's stream (its type is not exported by name). */
type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

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

/** markdown-it stops reading blocks nested this deep (its default); the rest would be lost. */
const MAX_NESTING = 100;

const reader = new MarkdownIt('default', {
  html: false,
  maxNesting: MAX_NESTING,
  // A line break inside a paragraph is kept as a break: memos are notes, and their writers
  // expect a new line where they pressed Enter.
  breaks: true,
  linkify: false,
  typographer: false,
});
// Tables, strikethrough and images have no place in the tree, and <https://…> autolinks were never
// links in memos (only [words](target) is): their text stays as typed.
reader.disable(['table', 'strikethrough', 'image', 'autolink']);
// Every link target is judged by safeHref below, which keeps the words of a refused link;
// markdown-it's own check would leave the whole "[words](javascript:…)" as text instead.
reader.validateLink = () => true;

/** Reads Markdown into blocks. Line endings may be LF, CRLF or CR. */
export function parseMarkdown(source: string): MarkdownBlock[] {
  const tokens = reader.parse(source, {});
  // Past markdown-it's nesting limit (a hundred quotes or lists inside each other) it drops what
  // is deeper; a memo's words must never vanish, so such a memo is shown as its plain text.
  if (tokens.some((token) => token.level >= MAX_NESTING - 1)) return plainText(source);
  return readBlocks(tokens, 0, null).blocks;
}

/**
 * The first blocks of a memo, for a title or a one-line excerpt in a list: only the start is
 * read, so listing a hundred memos never reads a hundred whole memos.
 */
export function parseMarkdownHead(source: string, maxChars = 2000): MarkdownBlock[] {
  if (source.length <= maxChars) return parseMarkdown(source);
  // Cut at a blank line when there is one, so the last block read is whole.
  const cut = source.lastIndexOf('\n\n', maxChars);
  return parseMarkdown(source.slice(0, cut > 0 ? cut : maxChars));
}

function plainText(source: string): MarkdownBlock[] {
  const children: MarkdownInline[] = [];
  source.split(/\r\n?|\n/).forEach((line, i) => {
    if (i > 0) children.push({ kind: 'break' });
    if (line !== '') children.push({ kind: 'text', text: line });
  });
  return [{ kind: 'paragraph', children }];
}

/** Reads inline Markdown (emphasis, code, links, line breaks) into inlines. */
export function parseInline(source: string): MarkdownInline[] {
  return readInlines(reader.parseInline(source, {})[0]?.children ?? []);
}

function readBlocks(tokens: readonly Token[], from: number, closeType: string | null): { blocks: MarkdownBlock[]; next: number } {
  const blocks: MarkdownBlock[] = [];
  let at = from;
  while (at < tokens.length) {
    const token = tokens[at]!;
    if (token.type === closeType) return { blocks, next: at + 1 };
    switch (token.type) {
      case 'heading_open':
        blocks.push({ kind: 'heading', level: Number(token.tag.slice(1)) as 1 | 2 | 3 | 4 | 5 | 6, children: readInlines(tokens[at + 1]?.children ?? []) });
        at += 3;
        break;
      case 'paragraph_open':
        blocks.push({ kind: 'paragraph', children: readInlines(tokens[at + 1]?.children ?? []) });
        at += 3;
        break;
      case 'blockquote_open': {
        const inner = readBlocks(tokens, at + 1, 'blockquote_close');
        blocks.push({ kind: 'quote', children: inner.blocks });
        at = inner.next;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        const closing = ordered ? 'ordered_list_close' : 'bullet_list_close';
        const items: MarkdownInline[][] = [];
        at++;
        while (at < tokens.length && tokens[at]!.type === 'list_item_open') {
          const item = readBlocks(tokens, at + 1, 'list_item_close');
          items.push(flattenBlocks(item.blocks));
          at = item.next;
        }
        if (tokens[at]?.type === closing) at++;
        blocks.push({ kind: 'list', ordered, start: ordered ? Number(token.attrGet('start') ?? '1') : 1, items });
        break;
      }
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'code', text: token.content.replace(/\n$/, '') });
        at++;
        break;
      case 'hr':
        blocks.push({ kind: 'rule' });
        at++;
        break;
      default:
        at++;
    }
  }
  return { blocks, next: at };
}

/** A list item's blocks on the item's lines: paragraphs and nested items each on a new line. */
function flattenBlocks(blocks: readonly MarkdownBlock[]): MarkdownInline[] {
  const out: MarkdownInline[] = [];
  const line = (inlines: readonly MarkdownInline[]) => {
    if (out.length > 0) out.push({ kind: 'break' });
    for (const inline of inlines) out.push(inline);
  };
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        line(block.children);
        break;
      case 'list':
        block.items.forEach((item, i) => line([{ kind: 'text', text: block.ordered ? `${block.start + i}. ` : '• ' }, ...item]));
        break;
      case 'quote':
        line(flattenBlocks(block.children));
        break;
      case 'code':
        line([{ kind: 'code', text: block.text }]);
        break;
      case 'rule':
        break;
    }
  }
  return out;
}

function readInlines(tokens: readonly Token[]): MarkdownInline[] {
  const root: MarkdownInline[] = [];
  // Where inlines go: the innermost open strong, em or link (a refused link adds to its parent).
  const stack: MarkdownInline[][] = [root];
  const addText = (text: string) => {
    const into = stack[stack.length - 1]!;
    const last = into[into.length - 1];
    if (last?.kind === 'text') last.text += text;
    else if (text !== '') into.push({ kind: 'text', text });
  };
  const open = (node: Extract<MarkdownInline, { children: MarkdownInline[] }>) => {
    stack[stack.length - 1]!.push(node);
    stack.push(node.children);
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'softbreak':
      case 'hardbreak':
        stack[stack.length - 1]!.push({ kind: 'break' });
        break;
      case 'code_inline':
        stack[stack.length - 1]!.push({ kind: 'code', text: token.content });
        break;
      case 'strong_open':
        open({ kind: 'strong', children: [] });
        break;
      case 'em_open':
        open({ kind: 'em', children: [] });
        break;
      case 'link_open': {
        const href = String(token.attrGet('href') ?? '');
        if (safeHref(href)) open({ kind: 'link', href, children: [] });
        else stack.push(stack[stack.length - 1]!); // an unsafe or relative target keeps only its words
        break;
      }
      case 'strong_close':
      case 'em_close':
      case 'link_close':
        if (stack.length > 1) stack.pop();
        break;
      default:
        // text, text_special (escapes, entities), and anything else as the characters typed.
        addText(token.content);
    }
  }
  return root;
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
