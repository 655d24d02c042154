// Turns HTML into the readable plain text of a source: paragraphs separated by a blank line,
// list items on their own lines, table rows as "cell | cell" lines, and nothing a reader would
// not see (scripts, styles, navigation, images). Used for .html files and for .docx, whose
// structure mammoth hands us as HTML.
import { compile, type DomNode, type FormatCallback, type SelectorDefinition } from 'html-to-text';
import { boundHtmlDepth } from './htmlDepth';

/** Elements whose content is not part of what the page says. */
const SKIPPED = [
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas',
  'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'input', 'textarea',
  'img', 'picture', 'video', 'audio', 'map', 'hr',
  '[hidden]', '[aria-hidden=true]',
  // mammoth's "↑" links from a footnote back to where it was cited.
  'a[href^="#footnote-ref"]', 'a[href^="#endnote-ref"]',
];

/** Inside a table cell, these end a line of text: joined with a space instead. */
const CELL_BREAKS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'tr', 'td', 'th']);

/** A table cell's text on one line. Only `tag` nodes are entered: script and style nodes have their own types. */
function cellText(node: DomNode): string {
  let out = '';
  for (const child of node.children ?? []) {
    if (child.type === 'text') out += child.data ?? '';
    else if (child.type === 'tag' && child.name !== 'img') {
      const inner = cellText(child);
      out += CELL_BREAKS.has(child.name ?? '') ? ` ${inner} ` : inner;
    }
  }
  return out;
}

/**
 * A row on one line, cells separated by " | ". html-to-text's own table formatter pads and
 * wraps columns to a fixed width, which breaks sentences across lines; a coded quote should
 * read as written.
 */
const tableRow: FormatCallback = (elem, _walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 1 });
  let first = true;
  for (const cell of elem.children ?? []) {
    if (cell.type !== 'tag' || (cell.name !== 'td' && cell.name !== 'th')) continue;
    if (!first) builder.addLiteral(' | ');
    first = false;
    builder.addInline(cellText(cell).replace(/\s+/g, ' ').trim());
  }
  builder.closeBlock({ trailingLineBreaks: 1 });
};

/**
 * Numbered lists as "1. item". html-to-text's own formatter puts a space before top-level
 * numbers (" 1. item"), which would differ from the .odt importer and read as indentation.
 */
const orderedList: FormatCallback = (elem, walk, builder) => {
  const items = (elem.children ?? []).filter((child) => child.type === 'tag' && child.name === 'li');
  if (items.length === 0) return;
  const nested = elem.parent?.name === 'li';
  let n = Number(elem.attribs?.['start'] ?? '1') || 1;
  const prefixes = items.map(() => `${n++}. `);
  builder.openList({
    interRowLineBreaks: 1,
    leadingLineBreaks: nested ? 1 : 2,
    maxPrefixLength: prefixes.reduce((longest, p) => Math.max(longest, p.length), 0),
    prefixAlign: 'left',
  });
  items.forEach((item, i) => {
    builder.openListItem({ prefix: prefixes[i] });
    walk([item], builder);
    builder.closeListItem();
  });
  builder.closeList({ trailingLineBreaks: nested ? 1 : 2 });
};

const selectors: SelectorDefinition[] = [
  // Headings as written: the default upper-cases them and adds extra blank lines.
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
    selector,
    options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 2 },
  })),
  // Link text only: URLs in brackets after every link would interrupt the prose being coded.
  { selector: 'a', options: { ignoreHref: true } },
  { selector: 'ul', options: { itemPrefix: '• ', leadingLineBreaks: 2, trailingLineBreaks: 2 } },
  { selector: 'ol', format: 'orderedList' },
  // No "> " prefix: it would become part of the quoted text.
  { selector: 'blockquote', format: 'block', options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
  { selector: 'table', format: 'block', options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
  { selector: 'tr', format: 'tableRow' },
  ...SKIPPED.map((selector) => ({ selector, format: 'skip' })),
];

const convert = compile({
  wordwrap: false,
  selectors,
  formatters: { tableRow, orderedList },
  // The default truncates input beyond 16 M characters; the file size limit already bounds it.
  limits: { maxInputLength: Number.MAX_SAFE_INTEGER },
});

/** Readable text of an HTML document or fragment, trimmed, with LF line endings. */
export function htmlToReadableText(html: string): string {
  // Nesting is bounded first: the parser's time grows with its square.
  return convert(boundHtmlDepth(html)).replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').trim();
}
