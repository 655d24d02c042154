// A codebook to print or share as a document: one section per code in tree order, headed by its
// path, with its definition, criteria, memo, counts and one example segment. Markdown and HTML
// come from the same sections; all user text is escaped, so it prints as typed.
import type { Code, Coding, Source } from '../model/types';
import { normaliseColor } from './color';
import { countCodings, type CodeCounts } from './counts';
import { exampleCodingOf } from './definition';
import { codePath, flattenTree } from './tree';
import { plural } from '../text/plural';
import { escapeHtml } from '../text/escapeHtml';
import { htmlDocument } from '../text/htmlDocument';

export interface PrintableCodebookInput {
  /** Shown in the document title, e.g. the project name. */
  title: string;
  codes: readonly Code[];
  codings: ReadonlyArray<Pick<Coding, 'id' | 'codeId' | 'sourceId' | 'start' | 'exact'>>;
  sources: ReadonlyArray<Pick<Source, 'id' | 'name' | 'order'>>;
  /** Show a code's first coding when no typical example was chosen (default true). */
  fallbackToFirstCoding?: boolean;
}

export interface CodebookSection {
  code: Code;
  path: string;
  depth: number;
  counts: CodeCounts;
  example: { text: string; sourceName: string; chosen: boolean } | null;
}

/** The sections both renderers print, in tree order. */
export function codebookSections(input: PrintableCodebookInput): CodebookSection[] {
  const byId = new Map(input.codes.map((c) => [c.id, c]));
  const counts = countCodings(input.codes, input.codings);
  const codingsById = new Map(input.codings.map((c) => [c.id, c]));
  const sourceById = new Map(input.sources.map((s) => [s.id, s]));
  const first = new Map<string, (typeof input.codings)[number]>();
  const rank = (c: (typeof input.codings)[number]): [number, number] => [
    sourceById.get(c.sourceId)?.order ?? Number.MAX_SAFE_INTEGER,
    c.start,
  ];
  for (const coding of input.codings) {
    const current = first.get(coding.codeId);
    if (!current) first.set(coding.codeId, coding);
    else {
      const [a1, a2] = rank(coding);
      const [b1, b2] = rank(current);
      if (a1 < b1 || (a1 === b1 && a2 < b2)) first.set(coding.codeId, coding);
    }
  }
  return flattenTree(input.codes).map(({ code, depth }) => {
    const chosen = exampleCodingOf(code, codingsById);
    const shown = chosen ?? (input.fallbackToFirstCoding === false ? null : (first.get(code.id) ?? null));
    return {
      code,
      path: codePath(byId, code.id),
      depth,
      counts: counts.get(code.id)!,
      example: shown
        ? { text: shown.exact, sourceName: sourceById.get(shown.sourceId)?.name ?? 'unknown source', chosen: chosen !== null }
        : null,
    };
  });
}

export function buildCodebookMarkdown(input: PrintableCodebookInput): string {
  const out: string[] = [`# ${mdInline(`Codebook: ${input.title}`)}`, ''];
  for (const section of codebookSections(input)) {
    const { code } = section;
    out.push(`## ${mdInline(section.path)}`, '');
    if (code.isCodable === false) out.push('*Folder: groups codes, not applied to text.*', '');
    out.push(`*${countsLine(section.counts)}*`, '');
    for (const [label, text] of definitionParts(code)) {
      out.push(`**${label}**`, '', mdBlock(text), '');
    }
    if (section.example) {
      out.push(`**${section.example.chosen ? 'Typical example' : 'Example'}** (${mdInline(section.example.sourceName)})`, '');
      out.push(...mdBlock(section.example.text).split('\n').map((line) => (line === '' ? '>' : `> ${line}`)), '');
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

export function buildCodebookHtml(input: PrintableCodebookInput): string {
  const title = `Codebook: ${input.title}`;
  const style = [
    'body { font: 11pt/1.45 Georgia, serif; max-width: 48em; margin: 2em auto; padding: 0 1em; color: #111; }',
    'section { margin-bottom: 1.6em; break-inside: avoid; }',
    'h2 { font-size: 1.15em; margin-bottom: 0.2em; }',
    '.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.4em; border: 1px solid #0003; }',
    '.counts, .folder { color: #444; font-size: 0.9em; margin-top: 0; }',
    'dt { font-weight: bold; margin-top: 0.5em; }',
    'dd { margin-left: 0; }',
    'blockquote { margin: 0.4em 0 0 0; padding-left: 0.8em; border-left: 3px solid #999; }',
  ];
  const out: string[] = [];
  for (const section of codebookSections(input)) {
    const { code } = section;
    const color = normaliseColor(code.color);
    // The colour is normalised to #rrggbb, so it is safe inside the style attribute.
    const swatch = color ? `<span class="swatch" style="background:${color}" aria-hidden="true"></span>` : '';
    out.push('<section>', `<h2>${swatch}${escapeHtml(section.path)}</h2>`);
    if (code.isCodable === false) out.push('<p class="folder">Folder: groups codes, not applied to text.</p>');
    out.push(`<p class="counts">${escapeHtml(countsLine(section.counts))}</p>`);
    const parts = definitionParts(code);
    if (parts.length > 0 || section.example) {
      out.push('<dl>');
      for (const [label, text] of parts) out.push(`<dt>${escapeHtml(label)}</dt>`, `<dd>${htmlBlock(text)}</dd>`);
      if (section.example) {
        const label = section.example.chosen ? 'Typical example' : 'Example';
        out.push(
          `<dt>${label} <span class="counts">(${escapeHtml(section.example.sourceName)})</span></dt>`,
          `<dd><blockquote>${htmlBlock(section.example.text)}</blockquote></dd>`,
        );
      }
      out.push('</dl>');
    }
    out.push('</section>');
  }
  return htmlDocument({ title, style, body: out });
}

function definitionParts(code: Code): Array<[string, string]> {
  const parts: Array<[string, string]> = [
    ['Definition', code.description],
    ['Use when', code.inclusion ?? ''],
    ['Do not use when', code.exclusion ?? ''],
    ['Memo', code.memo ?? ''],
  ];
  return parts.filter(([, text]) => text.trim() !== '');
}

function countsLine(c: CodeCounts): string {
  const own = `${plural(c.nCodings, 'coding')} in ${plural(c.nSources, 'source')}`;
  if (c.nCodingsWithSubcodes === c.nCodings) return own;
  return `${own}; with subcodes ${plural(c.nCodingsWithSubcodes, 'coding')} in ${plural(c.nSourcesWithSubcodes, 'source')}`;
}


/** Text on one line where Markdown would read punctuation as syntax. */
function mdInline(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\`*_{}[\]<>()#+!|~-]/g, (c) => `\\${c}`);
}

/** Paragraphs as typed: punctuation escaped, single line breaks kept as hard breaks. */
function mdBlock(text: string): string {
  return text
    .trim()
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.replace(/[\\`*_{}[\]<>()#+!|~-]/g, (c) => `\\${c}`).replace(/^(\s*\d+)([.)])/, '$1\\$2'))
        .join('  \n'),
    )
    .join('\n\n');
}


function htmlBlock(text: string): string {
  return text
    .trim()
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
}
