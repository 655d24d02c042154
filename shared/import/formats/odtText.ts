// Walks an OpenDocument text body (content.xml) and writes it as readable plain text, matching
// what the .docx and .html importers produce: blocks separated by a blank line, list items and
// table rows one per line, footnotes collected at the end.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MAX_REPEAT_COUNT, MAX_SOURCE_CHARS } from '../limits';

/** Thrown when the text being built passes MAX_SOURCE_CHARS: counted as it grows, so it never exists. */
export class TextTooLongError extends Error {
  override name = 'TextTooLongError';
}

/** Characters still allowed in this document: every line adds to one count. */
interface TextBudget {
  left: number;
}

/** fast-xml-parser's `preserveOrder` shape: `{ [tag]: children, ':@'?: attributes }` or `{ '#text': text }`. */
type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  // Order matters: a paragraph interleaves text with <text:s/>, <text:tab/> and spans.
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Whitespace-only text between two spans is a real space.
  trimValues: false,
  // Keep "007" as text: nothing here is a number.
  parseTagValue: false,
  parseAttributeValue: false,
  // Numeric character references (&#x263A;) are only decoded with this on.
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 1000,
});

/** Parses ODF XML; throws on XML that is not well-formed (validation on, so damage is noticed). */
export function parseOdfXml(xml: string): XmlNode[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`content is not well-formed XML: ${valid.err.msg}`);
  return parser.parse(xml) as XmlNode[];
}

function tagOf(node: XmlNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return null;
}

function childrenOf(node: XmlNode, tag: string): XmlNode[] {
  const value = node[tag];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function attr(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, string> | undefined;
  return attrs?.[name];
}

/** Depth-first search for the first element with this tag. */
export function findElement(nodes: readonly XmlNode[], tag: string): XmlNode | null {
  for (const node of nodes) {
    const name = tagOf(node);
    if (name === null || name === '#text') continue;
    if (name === tag) return node;
    const found = findElement(childrenOf(node, name), tag);
    if (found) return found;
  }
  return null;
}

/** Which list styles number their items (per level), from <text:list-style> definitions. */
export function readNumberedListStyles(roots: readonly XmlNode[]): Map<string, Set<number>> {
  const styles = new Map<string, Set<number>>();
  const visit = (nodes: readonly XmlNode[]) => {
    for (const node of nodes) {
      const name = tagOf(node);
      if (name === null || name === '#text') continue;
      if (name === 'text:list-style') {
        const numbered = new Set<number>();
        for (const level of childrenOf(node, name)) {
          if (tagOf(level) === 'text:list-level-style-number') numbered.add(Number(attr(level, 'text:level') ?? '1'));
        }
        const styleName = attr(node, 'style:name');
        if (styleName) styles.set(styleName, numbered);
      } else {
        visit(childrenOf(node, name));
      }
    }
  };
  visit(roots);
  return styles;
}

/**
 * One paragraph's inline content. ODF collapses runs of white space in text like HTML does;
 * <text:s c="n"/>, <text:tab/> and <text:line-break/> are the spaces, tabs and breaks that must
 * survive, so they are kept apart from collapsible text until the line is assembled.
 */
class LineBuilder {
  private out = '';
  private pendingSpace = false;

  constructor(private readonly budget: TextBudget) {}

  text(raw: string): void {
    const collapsed = raw.replace(/[ \t\r\n]+/g, ' ');
    for (const part of collapsed.split(/( )/)) {
      if (part === ' ') this.pendingSpace = this.out !== '';
      else if (part !== '') this.literal(part);
    }
  }

  literal(chars: string): void {
    const added = chars.length + (this.pendingSpace ? 1 : 0);
    this.budget.left -= added;
    if (this.budget.left < 0) throw new TextTooLongError();
    if (this.pendingSpace) this.out += ' ';
    this.pendingSpace = false;
    this.out += chars;
  }

  toString(): string {
    return this.out;
  }
}

interface WalkState {
  numberedStyles: Map<string, Set<number>>;
  notes: string[];
  budget: TextBudget;
  /** The largest space count that was cut to MAX_REPEAT_COUNT, if any. */
  largestCutRepeat: number;
}

/** Elements whose content is not document text: change-tracking records (deleted text), comments, form and variable declarations. */
const SKIPPED = new Set([
  'text:tracked-changes', 'office:annotation', 'office:annotation-end', 'office:forms',
  'text:sequence-decls', 'text:variable-decls', 'text:user-field-decls', 'text:dde-connection-decls',
  'draw:frame', 'draw:custom-shape', 'draw:g', 'office:scripts', 'text:bookmark-ref',
]);

function inlineInto(line: LineBuilder, nodes: readonly XmlNode[], state: WalkState): void {
  for (const node of nodes) {
    const name = tagOf(node);
    if (name === null) continue;
    if (name === '#text') {
      line.text(String(node['#text']));
      continue;
    }
    if (SKIPPED.has(name)) continue;
    switch (name) {
      case 'text:s': {
        const count = Math.max(1, Number(attr(node, 'text:c') ?? '1') || 1);
        if (count > MAX_REPEAT_COUNT) state.largestCutRepeat = Math.max(state.largestCutRepeat, count);
        line.literal(' '.repeat(Math.min(count, MAX_REPEAT_COUNT)));
        break;
      }
      case 'text:tab':
        line.literal('\t');
        break;
      case 'text:line-break':
        line.literal('\n');
        break;
      case 'text:note': {
        // Footnotes move to the end, marked where they were cited: "[1]".
        const citation = findElement(childrenOf(node, name), 'text:note-citation');
        const label = citation ? inlineText(childrenOf(citation, 'text:note-citation'), state) : String(state.notes.length + 1);
        const body = findElement(childrenOf(node, name), 'text:note-body');
        const bodyText = body ? blocksText(childrenOf(body, 'text:note-body'), state, 0).join(' ') : '';
        state.notes.push(`[${label}] ${bodyText}`);
        line.literal(`[${label}]`);
        break;
      }
      default:
        // Spans, links, fields, bookmarks: their text is the paragraph's text.
        inlineInto(line, childrenOf(node, name), state);
    }
  }
}

function inlineText(nodes: readonly XmlNode[], state: WalkState): string {
  const line = new LineBuilder(state.budget);
  inlineInto(line, nodes, state);
  return line.toString();
}

function listBlock(node: XmlNode, state: WalkState, level: number, inheritedStyle: string | undefined): string {
  const style = attr(node, 'text:style-name') ?? inheritedStyle;
  const numbered = style !== undefined && (state.numberedStyles.get(style)?.has(level) ?? false);
  const indent = '  '.repeat(level - 1);
  const lines: string[] = [];
  let counter = 0;
  for (const item of childrenOf(node, 'text:list')) {
    const itemTag = tagOf(item);
    if (itemTag !== 'text:list-item' && itemTag !== 'text:list-header') continue;
    if (itemTag === 'text:list-item') counter++;
    const prefix = itemTag === 'text:list-header' ? '' : numbered ? `${counter}. ` : '• ';
    let first = true;
    for (const child of childrenOf(item, itemTag)) {
      const tag = tagOf(child);
      if (tag === 'text:list') {
        lines.push(listBlock(child, state, level + 1, style));
      } else if (tag === 'text:p' || tag === 'text:h') {
        const text = inlineText(childrenOf(child, tag), state);
        lines.push(indent + (first ? prefix : ' '.repeat(prefix.length)) + text);
        first = false;
      }
    }
  }
  return lines.join('\n');
}

function tableBlock(node: XmlNode, state: WalkState): string {
  const rows: string[] = [];
  const visitRows = (nodes: readonly XmlNode[]) => {
    for (const child of nodes) {
      const tag = tagOf(child);
      if (tag === 'table:table-row') {
        const cells = childrenOf(child, tag)
          .filter((cell) => tagOf(cell) === 'table:table-cell')
          .map((cell) => blocksText(childrenOf(cell, 'table:table-cell'), state, 0).join(' ').replace(/\s+/g, ' ').trim());
        // Repeated empty cells pad rows to the table's width; they carry nothing.
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        if (cells.length > 0) rows.push(cells.join(' | '));
      } else if (tag === 'table:table-header-rows' || tag === 'table:table-rows' || tag === 'table:table-row-group') {
        visitRows(childrenOf(child, tag));
      }
    }
  };
  visitRows(childrenOf(node, 'table:table'));
  return rows.join('\n');
}

/** The text blocks of a body, section or cell, in order. */
function blocksText(nodes: readonly XmlNode[], state: WalkState, listLevel: number): string[] {
  const blocks: string[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === null || tag === '#text' || SKIPPED.has(tag)) continue;
    let block: string | null = null;
    if (tag === 'text:p' || tag === 'text:h') block = inlineText(childrenOf(node, tag), state);
    else if (tag === 'text:list') block = listBlock(node, state, listLevel + 1, undefined);
    else if (tag === 'table:table') block = tableBlock(node, state);
    else for (const inner of blocksText(childrenOf(node, tag), state, listLevel)) blocks.push(inner); // sections, indexes (no spread: a section may hold 100,000 paragraphs)
    if (block !== null && block.trim() !== '') blocks.push(block);
  }
  return blocks;
}

export interface OdfText {
  text: string;
  warnings: string[];
}

/**
 * The readable text of content.xml. `stylesXml` (styles.xml) adds the list styles defined
 * there, so numbered lists keep their numbers. Throws TextTooLongError past MAX_SOURCE_CHARS
 * (`maxChars` in tests).
 */
export function odfContentToText(contentXml: string, stylesXml?: string, maxChars: number = MAX_SOURCE_CHARS): OdfText {
  const content = parseOdfXml(contentXml);
  const styleRoots = stylesXml ? [...parseOdfXml(stylesXml), ...content] : content;
  const state: WalkState = { numberedStyles: readNumberedListStyles(styleRoots), notes: [], budget: { left: maxChars }, largestCutRepeat: 0 };
  const body = findElement(content, 'office:text');
  if (!body) return { text: '', warnings: [] };
  const blocks = blocksText(childrenOf(body, 'office:text'), state, 0);
  if (state.notes.length > 0) blocks.push(state.notes.join('\n'));
  // Separators and list indents are not counted as lines are built: check the whole once more.
  const text = blocks.join('\n\n').trim();
  if (text.length > maxChars) throw new TextTooLongError();
  const warnings =
    state.largestCutRepeat > 0
      ? [`The document asks for a run of ${state.largestCutRepeat.toLocaleString('en')} spaces; runs longer than ${MAX_REPEAT_COUNT.toLocaleString('en')} were shortened to ${MAX_REPEAT_COUNT.toLocaleString('en')}.`]
      : [];
  return { text, warnings };
}
