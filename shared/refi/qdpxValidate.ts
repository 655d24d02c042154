// Integrity checks of REFI-QDA files, beyond what the schema can say: every reference resolves,
// no GUID is used twice, every selection lies inside its text, every internal file is there.
// Returns problems as sentences; an empty list means the file is sound. (Schema validation is
// xmllint's job, in Node: see the command line.)
import { normaliseGuid } from './guid';
import { decodeXmlBytes, readArchiveDocument } from './qdpxRead';
import { decodeSourceText, openQdpxArchive, QdpxFileError } from './qdpxArchive';
import { ReportBuilder } from './qdpxReport';
import type { QdeCode, QdeDocument, QdeSelection, QdeTextSource } from './qdeModel';
import { attributeOf, childrenNamed, firstChild, parseXmlTree, XmlFileError, type XmlElement } from './xmlTree';
import { createOffsetConverter } from '../text/offsets';

export type ProblemSeverity = 'error' | 'warning';

export interface ValidationProblem {
  severity: ProblemSeverity;
  text: string;
}

export interface ValidationResult {
  problems: ValidationProblem[];
  /** The project or codebook XML, for a schema check by the caller (null when unreadable). */
  xml: string | null;
}

const MAX_PROBLEMS = 200;

class Problems {
  readonly list: ValidationProblem[] = [];
  private dropped = 0;
  add(severity: ProblemSeverity, text: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ severity, text });
    else this.dropped++;
  }
  done(): ValidationProblem[] {
    return this.dropped > 0 ? [...this.list, { severity: 'error', text: `…and ${this.dropped} more problems.` }] : this.list;
  }
}

/** Registers GUIDs of one file, reporting malformed and repeated ones. */
class Guids {
  private readonly seen = new Map<string, string>();
  constructor(private readonly problems: Problems) {}
  declare(raw: string, what: string): void {
    const guid = normaliseGuid(raw);
    if (guid === null) {
      this.problems.add('error', `${what} has “${raw}” as its GUID, which is not a GUID.`);
      return;
    }
    const first = this.seen.get(guid);
    if (first !== undefined) this.problems.add('error', `The GUID ${raw} is used twice: by ${first} and by ${lowerFirst(what)}.`);
    else this.seen.set(guid, lowerFirst(what));
  }
}

export function validateQdpx(bytes: Uint8Array): ValidationResult {
  const problems = new Problems();
  const report = new ReportBuilder();
  let doc: QdeDocument;
  let xml: string | null = null;
  let archive;
  try {
    archive = openQdpxArchive(bytes, report);
    const raw = archive.read(archive.projectFile);
    if (raw.ok) xml = decodeXmlBytes(raw.data);
    doc = readArchiveDocument(archive);
  } catch (error) {
    if (error instanceof QdpxFileError) return { problems: [{ severity: 'error', text: error.message }], xml };
    throw error;
  }
  for (const entry of report.build(null, false).entries) problems.add('error', entry.text);
  const textOf = (source: QdeTextSource, label: string): string | null => {
    if (source.plainTextContent !== undefined) return source.plainTextContent;
    if (source.plainTextPath === undefined) {
      problems.add('error', `${label} has neither a plainTextPath nor PlainTextContent.`);
      return null;
    }
    const where = archive.resolve(source.plainTextPath);
    if (!where.ok) {
      problems.add('error', `${label}: ${where.reason}.`);
      return null;
    }
    const data = archive.read(where.name);
    if (!data.ok) {
      problems.add('error', `${label}: ${data.reason}.`);
      return null;
    }
    const decoding = new ReportBuilder();
    const decoded = decodeSourceText(data.data, label, decoding);
    for (const entry of decoding.build(null, false).entries) problems.add('warning', entry.text);
    if ('error' in decoded) {
      problems.add('error', `${label}: ${decoded.error}`);
      return null;
    }
    return decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  };
  checkDocument(doc, problems, textOf);
  // The original a text source names (richTextPath, a PDF's path) should be in the archive; a
  // reader keeps the plain text without it, so it is a warning. External paths are not checked.
  for (const source of doc.sources) {
    const path = source.richTextPath ?? source.pdf?.path;
    if (path === undefined || /^(absolute|relative):\/\//i.test(path.trim())) continue;
    const where = archive.resolve(path);
    if (!where.ok) problems.add('warning', `Source “${source.pdf?.name ?? source.name ?? source.guid}”: its original file cannot be found (${where.reason}).`);
  }
  return { problems: problems.done(), xml };
}

function checkDocument(doc: QdeDocument, problems: Problems, textOf: (source: QdeTextSource, label: string) => string | null): void {
  const guids = new Guids(problems);
  const users = new Set<string>();
  for (const user of doc.users) {
    guids.declare(user.guid, `User “${user.name ?? ''}”`);
    const g = normaliseGuid(user.guid);
    if (g) users.add(g);
  }
  const codes = new Set<string>();
  const walk = (list: readonly QdeCode[]): void => {
    for (const code of list) {
      guids.declare(code.guid, `Code “${code.name}”`);
      const g = normaliseGuid(code.guid);
      if (g) codes.add(g);
      if (code.isCodable === undefined) problems.add('error', `Code “${code.name}” has no isCodable attribute (the schema requires it).`);
      walk(code.children);
    }
  };
  walk(doc.codes);
  const variables = new Set<string>();
  for (const v of doc.variables) {
    guids.declare(v.guid, `Variable “${v.name}”`);
    const g = normaliseGuid(v.guid);
    if (g) variables.add(g);
  }
  const sources = new Set<string>();
  const selections = new Set<string>();
  const notes = new Set(doc.notes.map((n) => normaliseGuid(n.guid)).filter((g): g is string => g !== null));
  const refs: Array<{ target: string; kind: 'code' | 'note' | 'source' | 'selection' | 'variable' | 'user'; where: string }> = [];
  const noteRefs = (list: readonly string[], where: string): void => {
    for (const target of list) refs.push({ target, kind: 'note', where });
  };
  noteRefs(doc.noteRefs, 'The project');
  const walkRefs = (list: readonly QdeCode[]): void => {
    for (const code of list) {
      noteRefs(code.noteRefs, `Code “${code.name}”`);
      walkRefs(code.children);
    }
  };
  walkRefs(doc.codes);

  const checkSelection = (selection: QdeSelection, label: string, length: number | null): void => {
    const where = `Selection ${selection.guid} in ${lowerFirst(label)}`;
    guids.declare(selection.guid, where);
    const g = normaliseGuid(selection.guid);
    if (g) selections.add(g);
    const { start, end } = selection;
    if (!Number.isInteger(start) || !Number.isInteger(end)) problems.add('error', `${where}: a position is not a whole number.`);
    else if (start < 0 || end < start) problems.add('error', `${where}: positions ${start}–${end} are in the wrong order.`);
    else if (length !== null && end > length) problems.add('error', `${where}: ends at ${end}, past the end of the text (${length} characters).`);
    for (const coding of selection.codings) {
      guids.declare(coding.guid, `Coding ${coding.guid} in ${lowerFirst(label)}`);
      refs.push({ target: coding.codeRef, kind: 'code', where: `Coding ${coding.guid}` });
      if (coding.creatingUser) refs.push({ target: coding.creatingUser, kind: 'user', where: `Coding ${coding.guid}` });
      noteRefs(coding.noteRefs, `Coding ${coding.guid}`);
    }
    noteRefs(selection.noteRefs, where);
  };
  for (const source of doc.sources) {
    const label = `Source “${source.pdf?.name ?? source.name ?? source.guid}”`;
    if (source.pdf) guids.declare(source.pdf.guid, `${label} (PDF)`);
    guids.declare(source.guid, source.pdf ? `${label} (its plain-text representation)` : label);
    const g = normaliseGuid(source.pdf?.guid ?? source.guid);
    if (g) sources.add(g);
    const text = textOf(source, label);
    const length = text === null ? null : createOffsetConverter(text).codePointLength;
    for (const selection of source.selections) checkSelection(selection, label, length);
    for (const coding of source.codings) {
      guids.declare(coding.guid, `Coding ${coding.guid} of ${lowerFirst(label)}`);
      refs.push({ target: coding.codeRef, kind: 'code', where: `Coding ${coding.guid}` });
    }
    noteRefs(source.noteRefs, label);
    for (const value of source.variableValues) refs.push({ target: value.variableRef, kind: 'variable', where: label });
  }
  for (const c of doc.cases) {
    const label = `Case “${c.name ?? c.guid}”`;
    guids.declare(c.guid, label);
    for (const target of c.codeRefs) refs.push({ target, kind: 'code', where: label });
    for (const value of c.values) refs.push({ target: value.variableRef, kind: 'variable', where: label });
    for (const target of c.sourceRefs) refs.push({ target, kind: 'source', where: label });
    for (const target of c.selectionRefs) refs.push({ target, kind: 'selection', where: label });
  }
  for (const note of doc.notes) {
    const label = `Note “${note.name ?? note.guid}”`;
    guids.declare(note.guid, label);
    if (note.plainTextContent === undefined && note.plainTextPath !== undefined) textOf(note, label);
    if (note.creatingUser) refs.push({ target: note.creatingUser, kind: 'user', where: label });
  }
  for (const set of doc.sets) {
    const label = `Set “${set.name}”`;
    guids.declare(set.guid, label);
    for (const target of set.memberCodes) refs.push({ target, kind: 'code', where: label });
    for (const target of set.memberSources) refs.push({ target, kind: 'source', where: label });
    for (const target of set.memberNotes) refs.push({ target, kind: 'note', where: label });
  }
  const known = { code: codes, note: notes, source: sources, selection: selections, variable: variables, user: users };
  for (const ref of refs) {
    const g = normaliseGuid(ref.target);
    if (g !== null && known[ref.kind].has(g)) continue;
    // A creating user outside <Users> is common and harmless: a warning, not an error.
    problems.add(ref.kind === 'user' ? 'warning' : 'error', `${ref.where} refers to a ${ref.kind} that the file does not define (${ref.target}).`);
  }
}

/** Checks a .qdc codebook: well-formed, GUIDs sound and unique, set members resolve, no empty lists. */
export function validateQdc(bytes: Uint8Array): ValidationResult {
  const problems = new Problems();
  const xml = decodeXmlBytes(bytes);
  let root: XmlElement;
  try {
    root = parseXmlTree(xml);
  } catch (error) {
    if (error instanceof XmlFileError) return { problems: [{ severity: 'error', text: error.message.replace('project file', 'codebook') }], xml };
    throw error;
  }
  if (root.name.toLowerCase() !== 'codebook') {
    return { problems: [{ severity: 'error', text: `This is not a REFI-QDA codebook: its root element is <${root.name}>, not <CodeBook>.` }], xml };
  }
  const guids = new Guids(problems);
  const codes = new Set<string>();
  const codesElement = firstChild(root, 'Codes');
  if (!codesElement || childrenNamed(codesElement, 'Code').length === 0) problems.add('error', 'The codebook has no codes (the schema requires at least one).');
  const walk = (element: XmlElement | undefined): void => {
    for (const code of childrenNamed(element, 'Code')) {
      const name = attributeOf(code, 'name') ?? '';
      guids.declare(attributeOf(code, 'guid') ?? '', `Code “${name}”`);
      const g = normaliseGuid(attributeOf(code, 'guid') ?? '');
      if (g) codes.add(g);
      if (attributeOf(code, 'isCodable') === undefined) problems.add('error', `Code “${name}” has no isCodable attribute (the schema requires it).`);
      walk(code);
    }
  };
  walk(codesElement);
  const sets = firstChild(root, 'Sets');
  if (sets && childrenNamed(sets, 'Set').length === 0) problems.add('error', 'The codebook has an empty <Sets> list (the schema requires at least one <Set>).');
  for (const set of childrenNamed(sets, 'Set')) {
    const label = `Set “${attributeOf(set, 'name') ?? ''}”`;
    guids.declare(attributeOf(set, 'guid') ?? '', label);
    for (const member of childrenNamed(set, 'MemberCode')) {
      const target = attributeOf(member, 'guid') ?? attributeOf(member, 'targetGUID') ?? '';
      const g = normaliseGuid(target);
      if (g === null || !codes.has(g)) problems.add('error', `${label} refers to a code that the codebook does not define (${target}).`);
    }
  }
  return { problems: problems.done(), xml };
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
