// Reads project.qde text into a QdeDocument in one streaming pass (./xmlScan.ts), tolerating what
// real tools write (element and attribute names in another case, namespace prefixes, missing
// optional parts). Whatever the document holds that Marginalia cannot use (pictures, audio,
// video, region selections in PDFs, links, graphs) is listed in `unsupported`, never dropped
// silently.
//
// No element tree is built: a big project's file has half a million elements, and a tree of
// them (objects, attribute records, child arrays) cost more than the rest of reading. Instead a
// stack of states says where the scanner is, and each element is turned straight into the
// document's own records. Where a kind of child is read once (`firstChild`: a description, a
// code reference), the first one counts and later ones are ignored, as a tree reader would.
import type {
  QdeCase,
  QdeCode,
  QdeCoding,
  QdeDocument,
  QdeSelection,
  QdeSet,
  QdeTextSource,
  QdeUnsupported,
  QdeValueKind,
  QdeVariable,
  QdeVariableType,
  QdeVariableValue,
} from './qdeModel';
import { scanXml, XmlFileError, type XmlAttributes, type XmlHandler, type XmlName } from './xmlScan';

const VALUE_KINDS: readonly QdeValueKind[] = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'];
const VALUE_KIND_BY_KEY = new Map(VALUE_KINDS.map((k) => [k.toLowerCase(), k]));
const VARIABLE_TYPES: readonly QdeVariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];
const OTHER_SELECTIONS = new Set(['pictureselection', 'audioselection', 'videoselection', 'transcriptselection']);

// Where the scanner is. Every element gets one; SKIP covers whole subtrees nobody reads.
const enum S {
  SKIP,
  PROJECT,
  USERS,
  CODEBOOK,
  CODES,
  CODE,
  VARIABLES,
  VARIABLE,
  CASES,
  CASE,
  VALUE,
  SOURCES,
  TEXT_SOURCE,
  PDF_SOURCE,
  SELECTION,
  CODING,
  NOTES,
  SETS,
  SET,
  LINKS,
  GRAPHS,
  /** An element whose own text is wanted (a description, a value, inline plain text). */
  TEXT,
}

// Children read once per parent (the first of each), as bits of the parent's `seen` mask.
const SEEN_DESCRIPTION = 1;
const SEEN_CONTENT = 2;
const SEEN_CODE_REF = 4;
const SEEN_VARIABLE_REF = 8;
const SEEN_VALUE = 16;
const SEEN_REPRESENTATION = 32;

/** A <VariableValue> while it is read: its first reference and its first value element. */
interface PendingValue {
  list: QdeVariableValue[];
  variableRef: string;
  kind: QdeValueKind | undefined;
  value: string;
}

/** A <PDFSource> while it is read. */
interface PendingPdf {
  guid: string;
  name: string | undefined;
  path: string | undefined;
  label: string;
  regions: number;
  codings: number;
  representation: QdeTextSource | undefined;
}

/** Counts of a text source's non-text selections, by the source being read. */
interface SourceCounts {
  name: string;
  other: number;
}

const INTEGER = /^\s*[+-]?\d+\s*$/;

/** A position as written: an integer, else NaN (for the reader to report). */
function position(raw: string | undefined): number {
  if (raw === undefined) return Number.NaN;
  // Plain digits, as nearly every file writes them, without a regular expression.
  let digits = raw.length > 0;
  for (let i = 0; i < raw.length && digits; i++) {
    const c = raw.charCodeAt(i);
    digits = c >= 48 && c <= 57;
  }
  if (digits) return Number(raw);
  return INTEGER.test(raw) ? Number(raw) : Number.NaN;
}

/**
 * The note references of a selection or a coding until it has one: one shared (frozen) empty list
 * instead of an array per selection and per coding, which nearly all keep empty.
 */
const NO_REFS = Object.freeze([]) as unknown as string[];

/** A reference element's target: `targetGUID`, else `guid`; empty ones are not references. */
function pushRef(list: string[], attributes: XmlAttributes): void {
  const target = attributes.get('targetguid') ?? attributes.get('guid') ?? '';
  if (target !== '') list.push(target);
}

function newTextSource(a: XmlAttributes): QdeTextSource {
  const source: QdeTextSource = { guid: a.get('guid') ?? '', selections: [], codings: [], noteRefs: [], variableValues: [] };
  for (const [key, field] of TEXT_SOURCE_ATTRIBUTES) {
    const value = a.get(key);
    if (value !== undefined) source[field] = value;
  }
  return source;
}

const TEXT_SOURCE_ATTRIBUTES = [
  ['name', 'name'],
  ['plaintextpath', 'plainTextPath'],
  ['richtextpath', 'richTextPath'],
  ['creatinguser', 'creatingUser'],
  ['creationdatetime', 'creationDateTime'],
  ['modifyinguser', 'modifyingUser'],
  ['modifieddatetime', 'modifiedDateTime'],
] as const;

const SELECTION_ATTRIBUTES = [
  ['name', 'name'],
  ['creatinguser', 'creatingUser'],
  ['creationdatetime', 'creationDateTime'],
  ['modifyinguser', 'modifyingUser'],
  ['modifieddatetime', 'modifiedDateTime'],
] as const;

class QdeReader implements XmlHandler {
  readonly doc: QdeDocument = { name: '', users: [], codes: [], variables: [], cases: [], sources: [], notes: [], sets: [], noteRefs: [], unsupported: [] };
  /** Unsupported items by where the tree reader found them: sources first, then links and graphs, then notes. */
  private readonly fromSources: QdeUnsupported[] = [];
  private readonly fromNotes: QdeUnsupported[] = [];
  private links = 0;
  private readonly graphs: QdeUnsupported[] = [];

  // The state stack, by depth (index 0 is outside the root).
  private readonly states: S[] = [S.SKIP];
  private readonly targets: unknown[] = [null];
  private readonly seen: number[] = [0];
  /** The depth of the innermost open element (0 outside the root). */
  private top = 0;
  /** Root children read once (the first <CodeBook>, <Sources>…): their keys. */
  private readonly rootSeen = new Set<string>();
  private codesSeen = false;
  /** Where the text of the element in state TEXT goes. */
  private captureTarget: Record<string, unknown> | null = null;
  private captureField = '';

  wantsText(): boolean {
    return this.states[this.top] === S.TEXT;
  }

  text(t: string): void {
    (this.captureTarget as Record<string, string>)[this.captureField] += t;
  }

  open(name: XmlName, a: XmlAttributes, selfClosing: boolean, depth: number): void {
    const parent = this.states[depth - 1]!;
    const target = this.targets[depth - 1];
    let state = S.SKIP;
    let next: unknown = null;
    const key = name.key;
    switch (parent) {
      case S.SKIP:
        if (depth === 1) {
          if (key !== 'project') throw new XmlFileError(`This is not a REFI-QDA project file: its root element is <${name.local}>, not <Project>.`);
          state = S.PROJECT;
          this.readProjectAttributes(a);
        }
        break;
      case S.PROJECT:
        if (key === 'noteref') pushRef(this.doc.noteRefs, a);
        else if (!this.rootSeen.has(key)) {
          this.rootSeen.add(key);
          state = ROOT_CHILDREN.get(key) ?? S.SKIP;
          if (key === 'description') state = this.capture(this.doc as unknown as Record<string, unknown>, 'description');
        }
        break;
      case S.USERS:
        if (key === 'user') {
          const userName = a.get('name');
          this.doc.users.push(userName === undefined ? { guid: a.get('guid') ?? '' } : { guid: a.get('guid') ?? '', name: userName });
        }
        break;
      case S.CODEBOOK:
        if (key === 'codes' && !this.codesSeen) {
          this.codesSeen = true;
          state = S.CODES;
        }
        break;
      case S.CODES:
      case S.CODE:
        if (key === 'code') {
          const code = this.newCode(a);
          (parent === S.CODES ? this.doc.codes : (target as QdeCode).children).push(code);
          state = S.CODE;
          next = code;
        } else if (parent === S.CODE) {
          if (key === 'noteref') pushRef((target as QdeCode).noteRefs, a);
          else if (key === 'description') state = this.captureOnce(depth, SEEN_DESCRIPTION, target, 'description');
        }
        break;
      case S.VARIABLES:
        if (key === 'variable') {
          const raw = (a.get('typeofvariable') ?? 'Text').trim().toLowerCase();
          const variable: QdeVariable = { guid: a.get('guid') ?? '', name: a.get('name') ?? '', type: VARIABLE_TYPES.find((t) => t.toLowerCase() === raw) ?? 'Text' };
          this.doc.variables.push(variable);
          state = S.VARIABLE;
          next = variable;
        }
        break;
      case S.VARIABLE:
        if (key === 'description') state = this.captureOnce(depth, SEEN_DESCRIPTION, target, 'description');
        break;
      case S.CASES:
        if (key === 'case') {
          const c: QdeCase = { guid: a.get('guid') ?? '', codeRefs: [], values: [], sourceRefs: [], selectionRefs: [] };
          const caseName = a.get('name');
          if (caseName !== undefined) c.name = caseName;
          this.doc.cases.push(c);
          state = S.CASE;
          next = c;
        }
        break;
      case S.CASE: {
        const c = target as QdeCase;
        if (key === 'coderef') pushRef(c.codeRefs, a);
        else if (key === 'sourceref') pushRef(c.sourceRefs, a);
        else if (key === 'selectionref') pushRef(c.selectionRefs, a);
        else if (key === 'variablevalue') [state, next] = this.openValue(c.values, selfClosing);
        else if (key === 'description') state = this.captureOnce(depth, SEEN_DESCRIPTION, target, 'description');
        break;
      }
      case S.VALUE: {
        const value = target as PendingValue;
        if (key === 'variableref') {
          if (!this.firstTime(depth, SEEN_VARIABLE_REF)) break;
          value.variableRef = a.get('targetguid') ?? '';
        } else {
          const kind = VALUE_KIND_BY_KEY.get(key);
          if (kind === undefined || !this.firstTime(depth, SEEN_VALUE)) break;
          value.kind = kind;
          state = this.capture(value as unknown as Record<string, unknown>, 'value');
        }
        break;
      }
      case S.SOURCES:
        [state, next] = this.openSource(name, a);
        break;
      case S.PDF_SOURCE: {
        const pdf = target as PendingPdf;
        if (key === 'pdfselection') pdf.regions++;
        else if (key === 'coding') pdf.codings++;
        else if (key === 'representation' && this.firstTime(depth, SEEN_REPRESENTATION)) {
          pdf.representation = newTextSource(a);
          state = S.TEXT_SOURCE;
          next = { source: pdf.representation, counts: { name: a.get('name') ?? '', other: 0 } };
        }
        break;
      }
      case S.NOTES:
        if (key === 'note') {
          const note = newTextSource(a);
          this.doc.notes.push(note);
          state = S.TEXT_SOURCE;
          next = { source: note, counts: { name: a.get('name') ?? '', other: 0 }, note: true };
        }
        break;
      case S.TEXT_SOURCE: {
        const { source, counts } = target as { source: QdeTextSource; counts: SourceCounts };
        if (key === 'plaintextselection') {
          const selection = this.newSelection(a);
          source.selections.push(selection);
          state = S.SELECTION;
          next = selection;
        } else if (key === 'coding') [state, next] = this.openCoding(source.codings, a);
        else if (key === 'noteref') pushRef(source.noteRefs, a);
        else if (key === 'variablevalue') [state, next] = this.openValue(source.variableValues, selfClosing);
        else if (key === 'description') state = this.captureOnce(depth, SEEN_DESCRIPTION, source, 'description');
        else if (key === 'plaintextcontent') state = this.captureOnce(depth, SEEN_CONTENT, source, 'plainTextContent');
        else if (OTHER_SELECTIONS.has(key)) counts.other++;
        break;
      }
      case S.SELECTION: {
        const selection = target as QdeSelection;
        if (key === 'coding') [state, next] = this.openCoding(selection.codings, a);
        else if (key === 'noteref') pushRef(selection.noteRefs === NO_REFS ? (selection.noteRefs = []) : selection.noteRefs, a);
        else if (key === 'description') state = this.captureOnce(depth, SEEN_DESCRIPTION, selection, 'description');
        break;
      }
      case S.CODING: {
        const coding = target as QdeCoding;
        if (key === 'noteref') pushRef(coding.noteRefs === NO_REFS ? (coding.noteRefs = []) : coding.noteRefs, a);
        else if (key === 'coderef' && this.firstTime(depth, SEEN_CODE_REF)) coding.codeRef = a.get('targetguid') ?? '';
        break;
      }
      case S.SETS:
        if (key === 'set') {
          const set: QdeSet = { guid: a.get('guid') ?? '', name: a.get('name') ?? '', memberCodes: [], memberSources: [], memberNotes: [] };
          this.doc.sets.push(set);
          state = S.SET;
          next = set;
        }
        break;
      case S.SET: {
        const set = target as QdeSet;
        if (key === 'membercode') pushRef(set.memberCodes, a);
        else if (key === 'membersource') pushRef(set.memberSources, a);
        else if (key === 'membernote') pushRef(set.memberNotes, a);
        else if (key === 'description') state = this.captureOnce(depth, SEEN_DESCRIPTION, target, 'description');
        break;
      }
      case S.LINKS:
        if (key === 'link') this.links++;
        break;
      case S.GRAPHS:
        if (key === 'graph') this.graphs.push({ what: 'graph', name: a.get('name') ?? '' });
        break;
      default:
        // Inside an element read for its text (or skipped): its children are not read.
        break;
    }
    if (selfClosing) {
      // No close event comes: finish what the element began.
      if (state !== S.SKIP && state !== S.TEXT) this.finish(state, next);
      return;
    }
    this.states[depth] = state;
    this.targets[depth] = next;
    this.seen[depth] = 0;
    this.top = depth;
  }

  close(_name: XmlName, depth: number): void {
    const state = this.states[depth]!;
    if (state !== S.SKIP && state !== S.TEXT) this.finish(state, this.targets[depth]);
    this.top = depth - 1;
  }

  /** The document, once every element was read. */
  result(): QdeDocument {
    const unsupported = this.fromSources;
    if (this.links > 0) unsupported.push({ what: `${this.links} link${this.links === 1 ? '' : 's'} between items`, name: 'Links' });
    unsupported.push(...this.graphs, ...this.fromNotes);
    this.doc.unsupported = unsupported;
    return this.doc;
  }

  private readProjectAttributes(a: XmlAttributes): void {
    const doc = this.doc;
    doc.name = a.get('name') ?? '';
    const origin = a.get('origin');
    if (origin !== undefined) doc.origin = origin;
    const creatingUserGUID = a.get('creatinguserguid');
    if (creatingUserGUID !== undefined) doc.creatingUserGUID = creatingUserGUID;
    const creationDateTime = a.get('creationdatetime');
    if (creationDateTime !== undefined) doc.creationDateTime = creationDateTime;
    const modifyingUserGUID = a.get('modifyinguserguid');
    if (modifyingUserGUID !== undefined) doc.modifyingUserGUID = modifyingUserGUID;
    const modifiedDateTime = a.get('modifieddatetime');
    if (modifiedDateTime !== undefined) doc.modifiedDateTime = modifiedDateTime;
  }

  private newCode(a: XmlAttributes): QdeCode {
    const code: QdeCode = { guid: a.get('guid') ?? '', name: a.get('name') ?? '', noteRefs: [], children: [] };
    const codable = a.get('iscodable')?.trim().toLowerCase();
    if (codable !== undefined) code.isCodable = codable !== 'false' && codable !== '0';
    const color = a.get('color');
    if (color !== undefined) code.color = color;
    return code;
  }

  private newSelection(a: XmlAttributes): QdeSelection {
    // Fields assigned one by one: this runs once per coding, and spreads would allocate several objects.
    const selection: QdeSelection = {
      guid: a.get('guid') ?? '',
      start: position(a.get('startposition')),
      end: position(a.get('endposition')),
      codings: [],
      noteRefs: NO_REFS,
    };
    for (const [key, field] of SELECTION_ATTRIBUTES) {
      const value = a.get(key);
      if (value !== undefined) selection[field] = value;
    }
    return selection;
  }

  private openCoding(list: QdeCoding[], a: XmlAttributes): [S, unknown] {
    const coding: QdeCoding = { guid: a.get('guid') ?? '', codeRef: '', noteRefs: NO_REFS };
    const creatingUser = a.get('creatinguser');
    if (creatingUser !== undefined) coding.creatingUser = creatingUser;
    const creationDateTime = a.get('creationdatetime');
    if (creationDateTime !== undefined) coding.creationDateTime = creationDateTime;
    list.push(coding);
    return [S.CODING, coding];
  }

  private openValue(list: QdeVariableValue[], selfClosing: boolean): [S, unknown] {
    // An empty <VariableValue/> has no reference and no value: the tree reader dropped it too.
    if (selfClosing) return [S.SKIP, null];
    return [S.VALUE, { list, variableRef: '', kind: undefined, value: '' } satisfies PendingValue];
  }

  private openSource(name: XmlName, a: XmlAttributes): [S, unknown] {
    const key = name.key;
    const label = a.get('name') ?? a.get('guid') ?? '';
    if (key === 'textsource') {
      const source = newTextSource(a);
      this.doc.sources.push(source);
      return [S.TEXT_SOURCE, { source, counts: { name: a.get('name') ?? '', other: 0 } }];
    }
    if (key === 'pdfsource') {
      const pdf: PendingPdf = { guid: a.get('guid') ?? '', name: a.get('name'), path: a.get('path'), label, regions: 0, codings: 0, representation: undefined };
      return [S.PDF_SOURCE, pdf];
    }
    const what = key === 'picturesource' ? 'picture source' : key === 'audiosource' ? 'audio source' : key === 'videosource' ? 'video source' : `<${name.local}> source`;
    this.fromSources.push({ what, name: label });
    return [S.SKIP, null];
  }

  /** True the first time a child of this kind opens under the element at `depth - 1`. */
  private firstTime(depth: number, bit: number): boolean {
    const mask = this.seen[depth - 1]!;
    if (mask & bit) return false;
    this.seen[depth - 1] = mask | bit;
    return true;
  }

  private captureOnce(depth: number, bit: number, target: unknown, field: string): S {
    return this.firstTime(depth, bit) ? this.capture(target as Record<string, unknown>, field) : S.SKIP;
  }

  private capture(target: Record<string, unknown>, field: string): S {
    target[field] = '';
    this.captureTarget = target;
    this.captureField = field;
    return S.TEXT;
  }

  /** An element of `state` has closed (or was self-closing). */
  private finish(state: S, target: unknown): void {
    if (state === S.VALUE) {
      const pending = target as PendingValue;
      if (pending.kind !== undefined && pending.variableRef !== '') pending.list.push({ variableRef: pending.variableRef, kind: pending.kind, value: pending.value });
    } else if (state === S.TEXT_SOURCE) {
      const { counts, note } = target as { counts: SourceCounts; note?: boolean };
      if (counts.other > 0) (note ? this.fromNotes : this.fromSources).push({ what: `${counts.other} non-text selection${counts.other === 1 ? '' : 's'}`, name: counts.name });
    } else if (state === S.PDF_SOURCE) this.finishPdf(target as PendingPdf);
  }

  /** A PDF is a source by its plain-text representation (whose own non-text selections were listed when it closed). */
  private finishPdf(pdf: PendingPdf): void {
    if (pdf.representation) {
      this.doc.sources.push({ ...pdf.representation, pdf: { guid: pdf.guid, name: pdf.name, path: pdf.path, regionSelections: pdf.regions } });
    } else this.fromSources.push({ what: 'PDF source without a plain-text representation', name: pdf.label });
    if (pdf.regions > 0) this.fromSources.push({ what: `${pdf.regions} region selection${pdf.regions === 1 ? '' : 's'} (page areas) of a PDF`, name: pdf.label });
    if (pdf.codings > 0) this.fromSources.push({ what: `${pdf.codings} coding${pdf.codings === 1 ? '' : 's'} of a whole PDF`, name: pdf.label });
  }
}

const ROOT_CHILDREN = new Map<string, S>([
  ['users', S.USERS],
  ['codebook', S.CODEBOOK],
  ['variables', S.VARIABLES],
  ['cases', S.CASES],
  ['sources', S.SOURCES],
  ['notes', S.NOTES],
  ['sets', S.SETS],
  ['links', S.LINKS],
  ['graphs', S.GRAPHS],
]);

/**
 * Reads project.qde text. Throws XmlFileError when it is not XML, is hostile, or is not a
 * REFI-QDA <Project>. `onProgress` hears the share of the text read (0–1).
 */
export function parseQde(xml: string, onProgress?: (fraction: number) => void): QdeDocument {
  const reader = new QdeReader();
  scanXml(xml, reader, onProgress);
  return reader.result();
}
