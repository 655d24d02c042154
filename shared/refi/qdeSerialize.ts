// Writes a QdeDocument as project.qde text that validates against Project-mrt2019.xsd: every
// element in the schema's sequence order, no empty list containers, attributes escaped so a
// reader gets back exactly the strings the document holds.
import {
  PROJECT_NAMESPACE,
  type QdeCase,
  type QdeCode,
  type QdeCoding,
  type QdeDocument,
  type QdeSelection,
  type QdeSet,
  type QdeTextSource,
  type QdeVariableValue,
} from './qdeModel';
import { escapeXmlAttribute, escapeXmlText } from './xmlText';

type Attributes = Array<[string, string | number | boolean | undefined]>;

function attrs(list: Attributes): string {
  let out = '';
  for (const [key, value] of list) {
    if (value === undefined) continue;
    out += ` ${key}="${typeof value === 'string' ? escapeXmlAttribute(value) : String(value)}"`;
  }
  return out;
}

/** Indentation by depth, made once (a big project writes half a million lines). */
const INDENT = Array.from({ length: 16 }, (_, depth) => '  '.repeat(depth));
const indent = (depth: number): string => INDENT[depth] ?? '  '.repeat(depth);

/** Characters gathered before a chunk is handed on: big enough to be cheap, small enough to stream. */
const CHUNK = 1 << 16;

/**
 * Collects lines and hands them on in chunks of about 64 K characters, so a big project's file is
 * never one giant string (or one giant array of lines) when it is streamed into the archive.
 * An element with no content is written self-closing.
 */
class Out {
  private buffer = '';
  constructor(private readonly sink: (chunk: string) => void) {}
  line(text: string): void {
    this.buffer += text + '\n';
    if (this.buffer.length >= CHUNK) this.flush();
  }
  flush(): void {
    if (this.buffer === '') return;
    this.sink(this.buffer);
    this.buffer = '';
  }
  open(depth: number, name: string, attributes: Attributes, hasContent: boolean): void {
    this.line(`${indent(depth)}<${name}${attrs(attributes)}${hasContent ? '' : '/'}>`);
  }
  close(depth: number, name: string): void {
    this.line(`${indent(depth)}</${name}>`);
  }
  text(depth: number, name: string, text: string): void {
    this.line(`${indent(depth)}<${name}>${escapeXmlText(text)}</${name}>`);
  }
  refs(depth: number, name: string, guids: readonly string[]): void {
    for (const guid of guids) this.line(`${indent(depth)}<${name} targetGUID="${escapeXmlAttribute(guid)}"/>`);
  }
}

/** The whole project.qde text. */
export function serializeQde(doc: QdeDocument): string {
  const chunks: string[] = [];
  serializeQdeChunks(doc, (chunk) => chunks.push(chunk));
  return chunks.join('');
}

/**
 * project.qde in chunks of text, in order, each handed to `sink` as soon as it is written;
 * `onSource` hears each text source written (for a progress bar: they are most of the file).
 */
export function serializeQdeChunks(doc: QdeDocument, sink: (chunk: string) => void, onSource?: (index: number) => void): void {
  const out = new Out(sink);
  out.line('<?xml version="1.0" encoding="UTF-8"?>');
  out.line(
    `<Project xmlns="${PROJECT_NAMESPACE}"${attrs([
      ['name', doc.name],
      ['origin', doc.origin],
      ['creatingUserGUID', doc.creatingUserGUID],
      ['creationDateTime', doc.creationDateTime],
      ['modifyingUserGUID', doc.modifyingUserGUID],
      ['modifiedDateTime', doc.modifiedDateTime],
    ])}>`,
  );
  if (doc.users.length > 0) {
    out.open(1, 'Users', [], true);
    for (const user of doc.users) out.open(2, 'User', [['guid', user.guid], ['name', user.name]], false);
    out.close(1, 'Users');
  }
  if (doc.codes.length > 0) {
    out.open(1, 'CodeBook', [], true);
    out.open(2, 'Codes', [], true);
    for (const code of doc.codes) writeCode(out, code, 3);
    out.close(2, 'Codes');
    out.close(1, 'CodeBook');
  }
  if (doc.variables.length > 0) {
    out.open(1, 'Variables', [], true);
    for (const v of doc.variables) {
      const attributes: Attributes = [['guid', v.guid], ['name', v.name], ['typeOfVariable', v.type]];
      out.open(2, 'Variable', attributes, v.description !== undefined);
      if (v.description !== undefined) {
        out.text(3, 'Description', v.description);
        out.close(2, 'Variable');
      }
    }
    out.close(1, 'Variables');
  }
  if (doc.cases.length > 0) {
    out.open(1, 'Cases', [], true);
    for (const c of doc.cases) writeCase(out, c);
    out.close(1, 'Cases');
  }
  if (doc.sources.length > 0) {
    out.open(1, 'Sources', [], true);
    doc.sources.forEach((source, index) => {
      writeTextSource(out, 'TextSource', source, 2);
      onSource?.(index);
    });
    out.close(1, 'Sources');
  }
  if (doc.notes.length > 0) {
    out.open(1, 'Notes', [], true);
    for (const note of doc.notes) writeTextSource(out, 'Note', note, 2);
    out.close(1, 'Notes');
  }
  if (doc.sets.length > 0) {
    out.open(1, 'Sets', [], true);
    for (const set of doc.sets) writeSet(out, set);
    out.close(1, 'Sets');
  }
  if (doc.description !== undefined) out.text(1, 'Description', doc.description);
  out.refs(1, 'NoteRef', doc.noteRefs);
  out.line('</Project>');
  out.flush();
}

function writeCode(out: Out, code: QdeCode, depth: number): void {
  const attributes: Attributes = [
    ['guid', code.guid],
    ['name', code.name],
    ['isCodable', code.isCodable ?? true],
    ['color', code.color],
  ];
  const content = code.description !== undefined || code.noteRefs.length > 0 || code.children.length > 0;
  out.open(depth, 'Code', attributes, content);
  if (!content) return;
  if (code.description !== undefined) out.text(depth + 1, 'Description', code.description);
  out.refs(depth + 1, 'NoteRef', code.noteRefs);
  for (const child of code.children) writeCode(out, child, depth + 1);
  out.close(depth, 'Code');
}

function writeValue(out: Out, value: QdeVariableValue, depth: number): void {
  out.open(depth, 'VariableValue', [], true);
  out.refs(depth + 1, 'VariableRef', [value.variableRef]);
  out.text(depth + 1, value.kind, value.value);
  out.close(depth, 'VariableValue');
}

function writeCase(out: Out, c: QdeCase): void {
  const content = c.description !== undefined || c.codeRefs.length + c.values.length + c.sourceRefs.length + c.selectionRefs.length > 0;
  out.open(2, 'Case', [['guid', c.guid], ['name', c.name]], content);
  if (!content) return;
  if (c.description !== undefined) out.text(3, 'Description', c.description);
  out.refs(3, 'CodeRef', c.codeRefs);
  for (const value of c.values) writeValue(out, value, 3);
  out.refs(3, 'SourceRef', c.sourceRefs);
  out.refs(3, 'SelectionRef', c.selectionRefs);
  out.close(2, 'Case');
}

// Selections and codings are most of a big project file: written with one template each, and
// GUIDs (always canonical here) and numbers without escaping.
function optionalAttribute(name: string, value: string | undefined): string {
  return value === undefined ? '' : ` ${name}="${escapeXmlAttribute(value)}"`;
}

function writeCoding(out: Out, coding: QdeCoding, depth: number): void {
  const at = indent(depth);
  const inner = indent(depth + 1);
  if (coding.noteRefs.length === 0) {
    out.line(
      `${at}<Coding guid="${coding.guid}"${optionalAttribute('creatingUser', coding.creatingUser)}${optionalAttribute('creationDateTime', coding.creationDateTime)}>\n` +
        `${inner}<CodeRef targetGUID="${escapeXmlAttribute(coding.codeRef)}"/>\n${at}</Coding>`,
    );
    return;
  }
  out.line(`${at}<Coding guid="${coding.guid}"${optionalAttribute('creatingUser', coding.creatingUser)}${optionalAttribute('creationDateTime', coding.creationDateTime)}>`);
  out.line(`${inner}<CodeRef targetGUID="${escapeXmlAttribute(coding.codeRef)}"/>`);
  out.refs(depth + 1, 'NoteRef', coding.noteRefs);
  out.line(`${at}</Coding>`);
}

function writeSelection(out: Out, selection: QdeSelection, depth: number): void {
  const content = selection.description !== undefined || selection.codings.length > 0 || selection.noteRefs.length > 0;
  const at = indent(depth);
  out.line(
    `${at}<PlainTextSelection guid="${selection.guid}"${optionalAttribute('name', selection.name)} startPosition="${selection.start}" endPosition="${selection.end}"` +
      `${optionalAttribute('creatingUser', selection.creatingUser)}${optionalAttribute('creationDateTime', selection.creationDateTime)}` +
      `${optionalAttribute('modifyingUser', selection.modifyingUser)}${optionalAttribute('modifiedDateTime', selection.modifiedDateTime)}${content ? '' : '/'}>`,
  );
  if (!content) return;
  if (selection.description !== undefined) out.text(depth + 1, 'Description', selection.description);
  for (const coding of selection.codings) writeCoding(out, coding, depth + 1);
  out.refs(depth + 1, 'NoteRef', selection.noteRefs);
  out.line(`${at}</PlainTextSelection>`);
}

function writeTextSource(out: Out, element: 'TextSource' | 'Note', source: QdeTextSource, depth: number): void {
  const attributes: Attributes = [
    ['guid', source.guid],
    ['name', source.name],
    ['richTextPath', source.richTextPath],
    ['plainTextPath', source.plainTextPath],
    ['creatingUser', source.creatingUser],
    ['creationDateTime', source.creationDateTime],
    ['modifyingUser', source.modifyingUser],
    ['modifiedDateTime', source.modifiedDateTime],
  ];
  const content =
    source.description !== undefined ||
    source.plainTextContent !== undefined ||
    source.selections.length + source.codings.length + source.noteRefs.length + source.variableValues.length > 0;
  out.open(depth, element, attributes, content);
  if (!content) return;
  if (source.description !== undefined) out.text(depth + 1, 'Description', source.description);
  if (source.plainTextContent !== undefined) out.text(depth + 1, 'PlainTextContent', source.plainTextContent);
  for (const selection of source.selections) writeSelection(out, selection, depth + 1);
  for (const coding of source.codings) writeCoding(out, coding, depth + 1);
  out.refs(depth + 1, 'NoteRef', source.noteRefs);
  for (const value of source.variableValues) writeValue(out, value, depth + 1);
  out.close(depth, element);
}

function writeSet(out: Out, set: QdeSet): void {
  const content = set.description !== undefined || set.memberCodes.length + set.memberSources.length + set.memberNotes.length > 0;
  out.open(2, 'Set', [['guid', set.guid], ['name', set.name]], content);
  if (!content) return;
  if (set.description !== undefined) out.text(3, 'Description', set.description);
  out.refs(3, 'MemberCode', set.memberCodes);
  out.refs(3, 'MemberSource', set.memberSources);
  out.refs(3, 'MemberNote', set.memberNotes);
  out.close(2, 'Set');
}
