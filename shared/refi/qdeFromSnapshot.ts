// Turns a Marginalia project into a REFI-QDA document plus the plain-text files that go beside
// it: coders as users, the codebook (criteria folded into the description, as in our .qdc),
// attributes as variables, cases with their values and source or segment links, text sources
// with one selection per coding, memos as notes referenced from what they are about, code sets.
// Everything here is what other tools can read; the rest travels in marginalia.json.
import type { ProjectSnapshot } from '../model/snapshot';
import type { Code, Coding, Memo } from '../model/types';
import type { AttributeDefinition, CaseLink } from '../model/cases';
import type { CaseValue } from '../model/entities';
import { childrenByParent } from '../codebook/tree';
import { normaliseColor } from '../codebook/color';
import { createOffsetConverter, type OffsetConverter } from '../text/offsets';
import { composeDescription } from './qdcDescription';
import { guidFor } from './qdcWrite';
import { isCanonicalGuid } from './guid';
import { stripXmlForbidden } from './xmlText';
import type { QdeCase, QdeCode, QdeCoding, QdeDocument, QdeSelection, QdeSet, QdeTextSource, QdeVariable, QdeVariableValue } from './qdeModel';

export interface QdeBuild {
  doc: QdeDocument;
  /** Files for the archive, by path inside it ("sources/<GUID>.txt"). */
  files: Map<string, string>;
  /** The sources' original files, by path inside the archive ("sources/<GUID>.docx"). */
  originals: Map<string, Uint8Array>;
  /** GUID → id, for every id that is not itself a canonical GUID (such as the legacy coder "me"). */
  ids: Record<string, string>;
  /**
   * Where each selection came from: for each of `doc.sources`, for each of its selections, the
   * index in the snapshot's `codings` of the coding it was written for (-1: a case segment).
   */
  selectionCodings: number[][];
}

const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const DATE = /^-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/;

/** The value when it is an xsd:dateTime, else undefined (the schema would refuse it). */
export function xsdDateTime(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // Almost every time in a project is toISOString's form, once per coding: checked by hand
  // (a regular expression, or a cache of verdicts thrashed by 100,000 distinct times, costs more).
  if (isIsoInstant(value)) return value;
  return DATE_TIME.test(value) ? value : undefined;
}

/** `YYYY-MM-DDTHH:MM:SS.sssZ` exactly (what `Date.prototype.toISOString` writes for years 0–9999). */
function isIsoInstant(v: string): boolean {
  if (v.length !== 24 || v.charCodeAt(23) !== 90 /* Z */) return false;
  for (let i = 0; i < 23; i++) {
    const c = v.charCodeAt(i);
    const expected = ISO_SHAPE.charCodeAt(i);
    if (expected === 100 /* d */ ? c < 48 || c > 57 : c !== expected) return false;
  }
  return true;
}

const ISO_SHAPE = 'dddd-dd-ddTdd:dd:dd.ddd';

export function isXsdDate(value: string): boolean {
  return DATE.test(value);
}

/** The internal path of a source's plain text, for its GUID. */
export function sourceTextPath(guid: string): string {
  return `sources/${guid}.txt`;
}

/**
 * Where a source's plain text goes in the archive, by the source's id: its GUID is the id itself
 * when that is a canonical GUID, else one made from it (as `qdeFromSnapshot` gives every id).
 * What lets the project-file worker start deflating a text before the document is built.
 */
export function sourceTextPathOfSource(sourceId: string): string {
  return sourceTextPath(isCanonicalGuid(sourceId) ? sourceId : guidFor(sourceId));
}

/**
 * The GUID an original file is stored under, made from its source's GUID: stable across saves
 * and distinct from every record id (another constant than selections', see selectionGuidFor).
 */
export function originalGuidFor(sourceGuid: string): string {
  if (isCanonicalGuid(sourceGuid)) {
    const head = (Number.parseInt(sourceGuid.slice(0, 8), 16) ^ 0x0a1b2c3d) >>> 0;
    return head.toString(16).padStart(8, '0') + sourceGuid.slice(8);
  }
  return guidFor(`marginalia:original:${sourceGuid}`);
}

/** The extension an original is written under: its own when it is a plain one, else "bin". */
export function originalFileExtension(extension: string): string {
  return /^[a-z0-9]{1,10}$/.test(extension) ? extension : 'bin';
}

/** A selection GUID made from a coding's id: stable across saves, distinct from every record id. */
export function selectionGuidFor(codingId: string): string {
  // A canonical id gets its first group XOR-ed with a constant: cheap (a big project has 100,000
  // codings), one-to-one, and as unlikely as any other UUID to meet an existing id.
  if (isCanonicalGuid(codingId)) return xorHead(codingId, SELECTION_MASK);
  return guidFor(`marginalia:selection:${codingId}`);
}

const SELECTION_MASK = 0x5e1ec7ed;

/** A canonical GUID with its first group XOR-ed with `mask`. */
function xorHead(guid: string, mask: number): string {
  const head = (Number.parseInt(guid.slice(0, 8), 16) ^ mask) >>> 0;
  return head.toString(16).padStart(8, '0') + guid.slice(8);
}

/** A number as xsd:decimal text (no exponent), or null when it has none (NaN, ±Infinity). */
export function decimalText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const plain = String(n);
  if (!/e/i.test(plain)) return plain;
  // Exponent notation: spell it out. toFixed covers small magnitudes, BigInt large integers.
  if (Math.abs(n) >= 1) return BigInt(Math.round(n)).toString();
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

export function qdeFromSnapshot(snapshot: ProjectSnapshot, origin: string): QdeBuild {
  const ids: Record<string, string> = {};
  // Memoised: a coder's or code's id is written once per coding.
  const guids = new Map<string, string>();
  const gid = (id: string): string => {
    if (isCanonicalGuid(id)) return id;
    let guid = guids.get(id);
    if (guid === undefined) {
      guid = guidFor(id);
      if (guid !== id) ids[guid] = id;
      guids.set(id, guid);
    }
    return guid;
  };
  const clean = stripXmlForbidden;

  const codesById = new Map(snapshot.codes.map((c) => [c.id, c]));
  const sourcesById = new Map(snapshot.sources.map((s) => [s.id, s]));
  const casesById = new Map(snapshot.cases.map((c) => [c.id, c]));

  // Memos are referenced from what they are about; a case cannot hold a note reference in the
  // standard, so case memos (and memos whose target is gone) are notes referenced from nowhere.
  // By kind, then target id (a big project looks up every coding's, and most have none).
  const memosOn = new Map<Memo['targetKind'], Map<string, Memo[]>>();
  for (const memo of snapshot.memos) {
    let ofKind = memosOn.get(memo.targetKind);
    if (ofKind === undefined) {
      ofKind = new Map();
      memosOn.set(memo.targetKind, ofKind);
    }
    const list = ofKind.get(memo.targetId) ?? [];
    list.push(memo);
    ofKind.set(memo.targetId, list);
  }
  const noteRefs = (kind: Memo['targetKind'], id: string): string[] => (memosOn.get(kind)?.get(id) ?? []).map((m) => gid(m.id));

  const coderByKey = new Map<string, string>();
  for (const coder of snapshot.coders) coderByKey.set(coder.name, coder.id);
  for (const coder of snapshot.coders) coderByKey.set(coder.id, coder.id);

  const doc: QdeDocument = {
    name: clean(snapshot.project.name),
    origin,
    ...opt('creationDateTime', xsdDateTime(snapshot.project.createdAt)),
    ...opt('modifiedDateTime', xsdDateTime(snapshot.project.updatedAt)),
    users: usersOf(snapshot, gid),
    codes: buildCodes(snapshot.codes, gid, noteRefs),
    variables: [],
    cases: [],
    sources: [],
    notes: [],
    sets: [],
    noteRefs: noteRefs('project', snapshot.project.id),
    unsupported: [],
  };

  const attributes = [...snapshot.attributes].sort(byOrderThenName);
  const attributesById = new Map(attributes.map((a) => [a.id, a]));
  doc.variables = attributes.map(
    (a): QdeVariable => ({ guid: gid(a.id), name: clean(a.name), type: a.type === 'number' ? 'Float' : a.type === 'boolean' ? 'Boolean' : a.type === 'date' ? 'Date' : 'Text' }),
  );

  const texts = new Map(snapshot.sourceTexts.map((t) => [t.sourceId, t.text]));
  const converters = new Map<string, OffsetConverter>();
  const converter = (sourceId: string): OffsetConverter => {
    let c = converters.get(sourceId);
    if (!c) {
      c = createOffsetConverter(texts.get(sourceId) ?? '');
      converters.set(sourceId, c);
    }
    return c;
  };
  /** Code-point positions of a span, or null when the text cannot hold it (it stays in marginalia.json). */
  const positions = (sourceId: string, start: number, end: number): [number, number] | null => {
    try {
      const c = converter(sourceId);
      const s = c.toCodePoint(start);
      const e = c.toCodePoint(end);
      return s <= e ? [s, e] : null;
    } catch {
      return null;
    }
  };

  // Selections per source: one per coding (its guid derived from the coding's id), one per
  // case segment (its guid is the link's id, so the case's SelectionRef names it).
  const selections = new Map<string, { list: QdeSelection[]; codings: number[] }>();
  const addSelection = (sourceId: string, selection: QdeSelection, codingIndex: number): void => {
    let of = selections.get(sourceId);
    if (of === undefined) {
      of = { list: [], codings: [] };
      selections.set(sourceId, of);
    }
    of.list.push(selection);
    of.codings.push(codingIndex);
  };
  // Each source's codings in the order of their spans (start, end, then id), with its converter.
  const codings = snapshot.codings;
  const codingsOf = new Map<string, number[]>();
  codings.forEach((coding, index) => {
    if (!sourcesById.has(coding.sourceId) || !codesById.has(coding.codeId)) return;
    const list = codingsOf.get(coding.sourceId);
    if (list === undefined) codingsOf.set(coding.sourceId, [index]);
    else list.push(index);
  });
  const coderGuid = memoLast(gid);
  const codeGuid = memoLast(gid);
  for (const [sourceId, list] of codingsOf) {
    list.sort((i, j) => {
      const a = codings[i]!;
      const b = codings[j]!;
      return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1);
    });
    for (const index of list) {
      const coding = codings[index]!;
      const at = positions(sourceId, coding.start, coding.end);
      if (!at) continue;
      addSelection(sourceId, codingSelection(coding, at, gid, coderGuid, codeGuid, noteRefs), index);
    }
  }
  const segmentLinks = new Set<string>();
  for (const link of snapshot.caseLinks) {
    if (link.start === undefined || link.end === undefined || !sourcesById.has(link.sourceId) || !casesById.has(link.caseId)) continue;
    const at = positions(link.sourceId, link.start, link.end);
    if (!at) continue;
    segmentLinks.add(link.id);
    addSelection(link.sourceId, { guid: gid(link.id), start: at[0], end: at[1], codings: [], noteRefs: [] }, -1);
  }

  const files = new Map<string, string>();
  const originals = new Map<string, Uint8Array>();
  const selectionCodings: number[][] = [];
  const originalOf = new Map((snapshot.sourceOriginals ?? []).map((o) => [o.sourceId, o]));
  for (const source of [...snapshot.sources].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))) {
    const guid = gid(source.id);
    const path = sourceTextPath(guid);
    files.set(path, texts.get(source.id) ?? '');
    // The file the source was imported from rides beside its plain text, as the standard's
    // examples carry a .docx: richTextPath on the TextSource (TextSourceType has no `path`).
    const original = originalOf.get(source.id);
    let richTextPath: string | undefined;
    if (original) {
      const name = `${originalGuidFor(guid)}.${originalFileExtension(original.extension)}`;
      originals.set(`sources/${name}`, original.bytes);
      richTextPath = `internal://${name}`;
    }
    const element: QdeTextSource = {
      guid,
      name: clean(source.name),
      ...opt('richTextPath', richTextPath),
      plainTextPath: `internal://${guid}.txt`,
      ...opt('creationDateTime', xsdDateTime(source.importedAt)),
      selections: selections.get(source.id)?.list ?? [],
      codings: [],
      noteRefs: noteRefs('source', source.id),
      variableValues: [],
    };
    doc.sources.push(element);
    selectionCodings.push(selections.get(source.id)?.codings ?? []);
  }

  const valuesByCase = new Map<string, CaseValue[]>();
  for (const value of snapshot.caseValues) {
    if (!attributesById.has(value.attributeId)) continue;
    const list = valuesByCase.get(value.caseId) ?? [];
    list.push(value);
    valuesByCase.set(value.caseId, list);
  }
  const linksByCase = new Map<string, CaseLink[]>();
  for (const link of snapshot.caseLinks) {
    const list = linksByCase.get(link.caseId) ?? [];
    list.push(link);
    linksByCase.set(link.caseId, list);
  }
  const attributeRank = new Map(attributes.map((a, i) => [a.id, i]));
  for (const c of [...snapshot.cases].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))) {
    const links = linksByCase.get(c.id) ?? [];
    const values = (valuesByCase.get(c.id) ?? []).sort((a, b) => attributeRank.get(a.attributeId)! - attributeRank.get(b.attributeId)!);
    const element: QdeCase = {
      guid: gid(c.id),
      name: clean(c.name),
      codeRefs: [],
      values: values.flatMap((v) => {
        const value = variableValue(v, attributesById.get(v.attributeId)!, gid);
        return value ? [value] : [];
      }),
      sourceRefs: [...new Set(links.filter((l) => l.start === undefined && sourcesById.has(l.sourceId)).map((l) => gid(l.sourceId)))],
      selectionRefs: links.filter((l) => segmentLinks.has(l.id)).map((l) => gid(l.id)),
    };
    doc.cases.push(element);
  }

  for (const memo of [...snapshot.memos].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))) {
    const author = coderByKey.get(memo.author);
    doc.notes.push({
      guid: gid(memo.id),
      name: clean(memo.title),
      ...opt('creatingUser', author === undefined ? undefined : gid(author)),
      ...opt('creationDateTime', xsdDateTime(memo.createdAt)),
      ...opt('modifiedDateTime', xsdDateTime(memo.updatedAt)),
      plainTextContent: clean(memo.body),
      selections: [],
      codings: [],
      noteRefs: [],
      variableValues: [],
    });
  }

  doc.sets = snapshot.codeSets.map((set): QdeSet => {
    const description = clean(set.description);
    return {
      guid: gid(set.id),
      name: clean(set.name),
      ...(description !== '' ? { description } : {}),
      memberCodes: set.codeIds.filter((id) => codesById.has(id)).map(gid),
      memberSources: [],
      memberNotes: [],
    };
  });
  return { doc, files, originals, ids, selectionCodings };
}

/**
 * A <User> per coder, and one for each coder id that codings name without a coder record (the
 * legacy "me"), so every creatingUser in the file resolves.
 */
function usersOf(snapshot: ProjectSnapshot, gid: (id: string) => string): QdeDocument['users'] {
  const users = snapshot.coders.map((c) => ({ guid: gid(c.id), name: stripXmlForbidden(c.name) }));
  const known = new Set(snapshot.coders.map((c) => c.id));
  for (const coding of snapshot.codings) {
    if (known.has(coding.coder)) continue;
    known.add(coding.coder);
    users.push({ guid: gid(coding.coder), name: stripXmlForbidden(coding.coder) });
  }
  return users;
}

function opt<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function byOrderThenName(a: AttributeDefinition, b: AttributeDefinition): number {
  return (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1);
}

function buildCodes(codes: readonly Code[], gid: (id: string) => string, noteRefs: (kind: 'code', id: string) => string[]): QdeCode[] {
  const byParent = childrenByParent(codes);
  const written = new Set<string>();
  const build = (code: Code): QdeCode => {
    written.add(code.id);
    const description = composeDescription({
      description: stripXmlForbidden(code.description),
      inclusion: stripXmlForbidden(code.inclusion ?? ''),
      exclusion: stripXmlForbidden(code.exclusion ?? ''),
    });
    const color = normaliseColor(code.color);
    return {
      guid: gid(code.id),
      name: stripXmlForbidden(code.name),
      isCodable: code.isCodable !== false,
      ...(color ? { color } : {}),
      ...(description !== '' ? { description } : {}),
      noteRefs: noteRefs('code', code.id),
      children: (byParent.get(code.id) ?? []).filter((c) => !written.has(c.id)).map(build),
    };
  };
  const roots = (byParent.get(null) ?? []).map(build);
  // Codes caught in a parent cycle (damaged data) are reachable from no root: write them at the
  // top so they are not lost; marginalia.json keeps their real parent.
  for (const code of codes) if (!written.has(code.id)) roots.push(build(code));
  return roots;
}

/** `f` remembering its last argument and result: codings in a row mostly share a coder or a code. */
function memoLast(f: (id: string) => string): (id: string) => string {
  let lastId: string | undefined;
  let last = '';
  return (id) => {
    if (id !== lastId) {
      last = f(id);
      lastId = id;
    }
    return last;
  };
}

function codingSelection(
  coding: Coding,
  [start, end]: [number, number],
  gid: (id: string) => string,
  coderGuid: (id: string) => string,
  codeGuid: (id: string) => string,
  noteRefs: (kind: 'coding', id: string) => string[],
): QdeSelection {
  const creatingUser = coderGuid(coding.coder);
  const creationDateTime = xsdDateTime(coding.createdAt);
  const own = isCanonicalGuid(coding.id);
  const qdeCoding: QdeCoding = { guid: own ? coding.id : gid(coding.id), codeRef: codeGuid(coding.codeId), creatingUser, noteRefs: noteRefs('coding', coding.id) };
  const selection: QdeSelection = { guid: own ? xorHead(coding.id, SELECTION_MASK) : guidFor(`marginalia:selection:${coding.id}`), start, end, creatingUser, codings: [qdeCoding], noteRefs: [] };
  if (creationDateTime !== undefined) selection.creationDateTime = qdeCoding.creationDateTime = creationDateTime;
  return selection;
}

function variableValue(value: CaseValue, attribute: AttributeDefinition, gid: (id: string) => string): QdeVariableValue | null {
  const variableRef = gid(attribute.id);
  const v = value.value;
  if (typeof v === 'boolean') return { variableRef, kind: 'BooleanValue', value: v ? 'true' : 'false' };
  if (typeof v === 'number') {
    const text = decimalText(v);
    return text === null ? null : { variableRef, kind: 'FloatValue', value: text };
  }
  if (attribute.type === 'date' && isXsdDate(v)) return { variableRef, kind: 'DateValue', value: v };
  return { variableRef, kind: 'TextValue', value: stripXmlForbidden(v) };
}
