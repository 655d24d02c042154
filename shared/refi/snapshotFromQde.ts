// Turns a REFI-QDA document (any tool's) into a Marginalia project: users become coders,
// selections with codings become codings (positions mapped from the file's code points to our
// UTF-16 offsets in the normalised text), notes become memos on what references them. Every
// reference that does not resolve, every duplicate GUID and every position outside its text is
// repaired or left out with a line in the report.
import { emptySnapshot, type ProjectSnapshot } from '../model/snapshot';
import type { Code, CodeSet, Coding, Memo, Source, SourceOriginal, SourceText } from '../model/types';
import type { AttributeDefinition, AttributeType, Case, CaseLink } from '../model/cases';
import type { CaseValue } from '../model/entities';
import type { Coder } from '../model/coder';
import { normaliseColor } from '../codebook/color';
import { CODE_PALETTE } from '../codebook/palette';
import { quoteAt } from '../text/quote';
import type { NormalisedText } from '../text/normalisedPositions';
import { isCanonicalGuid, normaliseGuid } from './guid';
import { guidFor } from './qdcWrite';
import { splitDescription } from './qdcDescription';
import { xsdDateTime } from './qdeFromSnapshot';
import type { QdeCode, QdeCoding, QdeDocument, QdeSelection, QdeTextSource, QdeVariableType, QdeVariableValue } from './qdeModel';
import type { ReportBuilder } from './qdpxReport';
import { chooseLineEndCounting, type LineEndCounting } from './lineEndCounting';

export interface LoadedText {
  positions: NormalisedText;
  /** How the bytes were decoded ("UTF-8", "UTF-8 with BOM", "Windows-1252"). */
  encoding: string;
  byteSize: number;
}

/** A source's original file as found in the archive. */
export interface LoadedOriginal {
  extension: string;
  bytes: Uint8Array;
}

export interface FromQdeInput {
  doc: QdeDocument;
  projectId: string;
  /** GUID → id, from marginalia.json; empty for other tools' files. */
  ids: Readonly<Record<string, string>>;
  /** Used where the file gives no date. */
  now: string;
  /** The loaded text of each text source and note that has one, or why it could not be loaded. */
  texts: ReadonlyMap<QdeTextSource, LoadedText | { error: string }>;
  /** The original file of each text source that names one (richTextPath, a PDF's path), or why it could not be read. */
  originals?: ReadonlyMap<QdeTextSource, LoadedOriginal | { error: string }>;
  report: ReportBuilder;
}

const DEFAULT_CODER_COLOR = '#4363d8';

const ATTRIBUTE_TYPE: Readonly<Record<QdeVariableType, AttributeType>> = {
  Text: 'text',
  Boolean: 'boolean',
  Integer: 'number',
  Float: 'number',
  Date: 'date',
  DateTime: 'text',
};

export function snapshotFromQde({ doc, projectId, ids, now, texts, originals, report }: FromQdeInput): ProjectSnapshot {
  const time = xsdDateTime(doc.creationDateTime) ?? now;
  const invalid = new Map<string, string>();
  // A Map, not the record: looking a fresh string up as an object key costs V8 far more (a
  // string-table probe per lookup), and this runs several times per coding. Most files need none.
  const ownIds = new Map(Object.entries(ids));
  /** The id for a GUID as written: canonical form, then our own id where marginalia.json names one. */
  const idOf = (raw: string): string => {
    // Our own files and most others write canonical GUIDs: no regular expression for those.
    const guid = isCanonicalGuid(raw) ? raw : normaliseGuid(raw);
    if (guid !== null) return ownIds.size === 0 ? guid : (ownIds.get(guid) ?? guid);
    let id = invalid.get(raw);
    if (id === undefined) {
      id = guidFor(`marginalia:not-a-guid:${raw}`);
      invalid.set(raw, id);
      report.add('repaired', `“${raw.slice(0, 60)}” is not a GUID; the item it names was given a new one.`, 'identifiers that are not GUIDs');
    }
    return id;
  };
  /** Claims an id for a new record of a kind; a GUID used twice gets a fresh one the second time. */
  const claimed = new Map<string, Set<string>>();
  const claim = (kind: string, raw: string, what: string): string => {
    const id = idOf(raw);
    let taken = claimed.get(kind);
    if (taken === undefined) {
      taken = new Set<string>();
      claimed.set(kind, taken);
    }
    const before = taken.size;
    taken.add(id);
    if (taken.size > before) return id;
    let n = 1;
    let fresh = guidFor(`marginalia:duplicate:${kind}:${id}:${n}`);
    while (taken.has(fresh)) fresh = guidFor(`marginalia:duplicate:${kind}:${id}:${++n}`);
    taken.add(fresh);
    report.add('repaired', `The GUID ${raw} is used by more than one ${what}; the later one was given a new GUID, and references go to the first.`, 'duplicate GUIDs');
    return fresh;
  };

  const snapshot: ProjectSnapshot = emptySnapshot({
    id: projectId,
    name: doc.name.trim() === '' ? 'Imported project' : doc.name,
    createdAt: time,
    updatedAt: xsdDateTime(doc.modifiedDateTime) ?? time,
  });
  const P = projectId;

  // Coders.
  const coders = new Map<string, Coder>();
  for (const user of doc.users) {
    const id = idOf(user.guid);
    if (coders.has(id)) {
      report.add('repaired', `The user GUID ${user.guid} is listed twice; the second entry was left out.`, 'duplicate GUIDs');
      continue;
    }
    const coder: Coder = { id, projectId: P, name: user.name ?? '', color: CODE_PALETTE[coders.size % CODE_PALETTE.length] ?? DEFAULT_CODER_COLOR };
    coders.set(id, coder);
  }
  /** The coder for a creatingUser; a GUID no <User> names still becomes a coder. */
  const resolveCoder = (raw: string | undefined): string => {
    const id = raw === undefined || raw.trim() === '' ? guidFor('marginalia:unknown-coder') : idOf(raw);
    if (!coders.has(id)) {
      coders.set(id, { id, projectId: P, name: raw === undefined ? 'Unknown coder' : `Coder ${raw.replace(/[{}]/g, '').slice(0, 8)}`, color: DEFAULT_CODER_COLOR });
    }
    return id;
  };
  // A creatingUser and a code reference are written once per coding but name a few dozen users
  // and codes: each distinct one is resolved once (a map lookup instead of a GUID check and two).
  const coderOfRaw = new Map<string, string>();
  const coderFor = (raw: string | undefined): string => {
    if (raw === undefined) return resolveCoder(raw);
    let id = coderOfRaw.get(raw);
    if (id === undefined) {
      id = resolveCoder(raw);
      coderOfRaw.set(raw, id);
    }
    return id;
  };

  // Memo targets, found while walking what references notes.
  const noteTargets = new Map<string, Array<{ kind: Memo['targetKind']; id: string }>>();
  const referNotes = (refs: readonly string[], kind: Memo['targetKind'], id: string): void => {
    for (const ref of refs) {
      const key = idOf(ref);
      const list = noteTargets.get(key) ?? [];
      list.push({ kind, id });
      noteTargets.set(key, list);
    }
  };
  referNotes(doc.noteRefs, 'project', P);

  // Codes.
  const codeIds = new Map<string, string>();
  const walk = (nodes: readonly QdeCode[], parentId: string | null): void => {
    nodes.forEach((node, order) => {
      const id = claim('codes', node.guid, 'code');
      if (!codeIds.has(idOf(node.guid))) codeIds.set(idOf(node.guid), id);
      const { description, inclusion, exclusion } = splitDescription(node.description ?? '');
      let color = node.color === undefined ? null : normaliseColor(node.color);
      if (node.color !== undefined && color === null) {
        report.add('repaired', `Code “${node.name}” has a colour Marginalia cannot read (“${node.color}”); it was given one from the palette.`, 'unreadable colours');
      }
      color ??= CODE_PALETTE[snapshot.codes.length % CODE_PALETTE.length]!;
      const code: Code = { id, projectId: P, parentId, name: node.name, description, color, order, createdAt: time };
      if (inclusion !== '') code.inclusion = inclusion;
      if (exclusion !== '') code.exclusion = exclusion;
      if (node.isCodable === false) code.isCodable = false;
      snapshot.codes.push(code);
      referNotes(node.noteRefs, 'code', id);
      walk(node.children, id);
    });
  };
  walk(doc.codes, null);
  const codeOfRaw = new Map<string, string | undefined>();
  const codeOf = (raw: string): string | undefined => {
    let id = codeOfRaw.get(raw);
    if (id === undefined && !codeOfRaw.has(raw)) {
      id = codeIds.get(idOf(raw));
      codeOfRaw.set(raw, id);
    }
    return id;
  };

  // Variables.
  const attributeIds = new Map<string, AttributeDefinition>();
  doc.variables.forEach((variable, order) => {
    const id = claim('attributes', variable.guid, 'variable');
    const attribute: AttributeDefinition = { id, projectId: P, name: variable.name, type: ATTRIBUTE_TYPE[variable.type], order };
    if (!attributeIds.has(idOf(variable.guid))) attributeIds.set(idOf(variable.guid), attribute);
    snapshot.attributes.push(attribute);
  });

  // Sources, their selections and codings.
  const selectionsByGuid = new Map<string, { sourceId: string; start: number; end: number }>();
  const casesLinkSelections = doc.cases.some((c) => c.selectionRefs.length > 0);
  const addCoding = (source: Source, text: string, start: number, end: number, coding: QdeCoding, fallbackUser: string | undefined, fallbackTime: string | undefined): Coding | null => {
    const codeId = codeOf(coding.codeRef);
    if (codeId === undefined) {
      report.add('not-read', `A coding in “${source.name}” refers to a code the file does not define (${coding.codeRef || 'no code'}); it was left out.`, 'codings of missing codes');
      return null;
    }
    const id = claim('codings', coding.guid, 'coding');
    const quote = quoteAt(text, start, end);
    const record: Coding = {
      id,
      projectId: P,
      sourceId: source.id,
      codeId,
      start,
      end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      coder: coderFor(coding.creatingUser ?? fallbackUser),
      createdAt: xsdDateTime(coding.creationDateTime) ?? xsdDateTime(fallbackTime) ?? time,
    };
    snapshot.codings.push(record);
    referNotes(coding.noteRefs, 'coding', id);
    return record;
  };

  const extraMemos: Array<{ guidSeed: string; title: string; body: string; kind: Memo['targetKind']; id: string; createdAt: string }> = [];
  for (const element of doc.sources) {
    const name = element.pdf?.name ?? element.name ?? '';
    const loaded = texts.get(element);
    if (!loaded || 'error' in loaded) {
      const codings = element.selections.reduce((n, s) => n + s.codings.length, element.codings.length);
      report.add('not-read', `Source “${name}” could not be read: ${loaded && 'error' in loaded ? loaded.error : 'it has no plain text'}${codings > 0 ? ` (${codings} coding${codings === 1 ? '' : 's'} left out)` : ''}.`);
      continue;
    }
    const id = claim('sources', element.pdf?.guid || element.guid, 'source');
    const { text } = loaded.positions;
    const source: Source = {
      id,
      projectId: P,
      name: name.trim() === '' ? `Source ${snapshot.sources.length + 1}` : name,
      length: text.length,
      encoding: loaded.encoding,
      byteSize: loaded.byteSize,
      importedAt: xsdDateTime(element.creationDateTime) ?? time,
      order: snapshot.sources.length,
      format: element.pdf ? 'pdf' : /\.docx$/i.test(element.richTextPath ?? '') ? 'docx' : 'text',
    };
    snapshot.sources.push(source);
    snapshot.sourceTexts.push({ sourceId: id, projectId: P, text } satisfies SourceText);
    const counting = chooseLineEndCounting(element.selections, loaded.positions);
    if (loaded.positions.hadCarriageReturns) {
      report.add(
        'info',
        counting === 'two'
          ? `Source “${source.name}” has Windows line ends (CR LF); they became single line breaks, and positions were read counting CR and LF as two characters, as the standard's code points do.`
          : `Source “${source.name}” has Windows line ends (CR LF); they became single line breaks, and positions were read counting each line end as one character, because that is how the file's selections match its text.`,
        'sources with Windows line ends',
      );
    }
    const original = originals?.get(element);
    if (original && 'error' in original) {
      report.add('not-read', `Source “${source.name}”: its original file could not be read (${original.error}); its plain text is kept.`, 'original files not read');
    } else if (original) {
      (snapshot.sourceOriginals ??= []).push({ sourceId: id, projectId: P, extension: original.extension, bytes: original.bytes } satisfies SourceOriginal);
    }
    referNotes(element.noteRefs, 'source', id);
    if (element.description && element.description.trim() !== '') {
      extraMemos.push({ guidSeed: `source-description:${id}`, title: 'Description', body: element.description, kind: 'source', id, createdAt: source.importedAt });
    }
    if (element.variableValues.length > 0) {
      report.add('not-read', `Source “${source.name}” has ${element.variableValues.length} document variable value${element.variableValues.length === 1 ? '' : 's'}; Marginalia keeps attributes on cases only, so they were not read.`, 'document variables');
    }
    for (const selection of element.selections) {
      const span = spanOf(selection, loaded.positions, counting);
      if (typeof span === 'string') {
        report.add('not-read', `A selection in “${source.name}” ${span}; its ${selection.codings.length} coding${selection.codings.length === 1 ? '' : 's'} left out.`, 'selections outside their text');
        continue;
      }
      const [start, end] = span;
      // Only cases point at selections by GUID: without such a link no selection needs its key.
      const description = selection.description !== undefined && selection.description.trim() !== '' ? selection.description : null;
      const selectionKey = casesLinkSelections || description !== null ? idOf(selection.guid) : '';
      if (casesLinkSelections && !selectionsByGuid.has(selectionKey)) selectionsByGuid.set(selectionKey, { sourceId: id, start, end });
      // The first coding made is what the selection's notes attach to (a loop: no arrays per selection).
      let target: Coding | null = null;
      for (const coding of selection.codings) {
        const made = addCoding(source, text, start, end, coding, selection.creatingUser, selection.creationDateTime);
        target ??= made;
      }
      if (target) referNotes(selection.noteRefs, 'coding', target.id);
      else referNotes(selection.noteRefs, 'source', id);
      if (description !== null) {
        extraMemos.push({
          guidSeed: `selection-description:${selectionKey}`,
          title: selection.name ?? 'Comment',
          body: description,
          kind: target ? 'coding' : 'source',
          id: target ? target.id : id,
          createdAt: xsdDateTime(selection.creationDateTime) ?? time,
        });
      }
    }
    for (const coding of element.codings) addCoding(source, text, 0, text.length, coding, undefined, undefined);
  }

  // Cases, their values and links.
  const sourceIds = new Set(snapshot.sources.map((s) => s.id));
  doc.cases.forEach((element, order) => {
    const id = claim('cases', element.guid, 'case');
    const c: Case = { id, projectId: P, name: element.name ?? '', order, createdAt: time };
    snapshot.cases.push(c);
    const seen = new Set<string>();
    for (const value of element.values) {
      const attribute = attributeIds.get(idOf(value.variableRef));
      if (!attribute) {
        report.add('not-read', `Case “${c.name}” has a value for a variable the file does not define; it was left out.`, 'values of missing variables');
        continue;
      }
      if (seen.has(attribute.id)) {
        report.add('repaired', `Case “${c.name}” has two values for “${attribute.name}”; the first was kept.`, 'repeated values');
        continue;
      }
      const parsed = valueOf(value);
      if (parsed === null) {
        report.add('not-read', `Case “${c.name}”: the value “${value.value.slice(0, 40)}” is not a valid ${value.kind.replace('Value', '').toLowerCase()}; it was left out.`, 'unreadable values');
        continue;
      }
      seen.add(attribute.id);
      snapshot.caseValues.push({ projectId: P, caseId: id, attributeId: attribute.id, value: parsed } satisfies CaseValue);
    }
    for (const ref of element.sourceRefs) {
      const sourceId = idOf(ref);
      if (!sourceIds.has(sourceId)) {
        report.add('not-read', `Case “${c.name}” refers to a source that was not read (${ref}); the link was left out.`, 'case links to missing sources');
        continue;
      }
      snapshot.caseLinks.push({ id: guidFor(`marginalia:case-source:${id}:${sourceId}`), projectId: P, caseId: id, sourceId } satisfies CaseLink);
    }
    for (const ref of element.selectionRefs) {
      const selection = selectionsByGuid.get(idOf(ref));
      if (!selection) {
        report.add('not-read', `Case “${c.name}” refers to a selection that was not read (${ref}); the link was left out.`, 'case links to missing selections');
        continue;
      }
      const linkId = claim('caseLinks', ref, 'case segment');
      snapshot.caseLinks.push({ id: linkId, projectId: P, caseId: id, sourceId: selection.sourceId, start: selection.start, end: selection.end });
    }
    if (element.codeRefs.length > 0) {
      report.add('not-read', `Case “${c.name}” is linked to ${element.codeRefs.length} code${element.codeRefs.length === 1 ? '' : 's'}; Marginalia links cases to sources and segments only, so those links were not read.`, 'case-code links');
    }
    if (element.description && element.description.trim() !== '') {
      extraMemos.push({ guidSeed: `case-description:${id}`, title: 'Description', body: element.description, kind: 'case', id, createdAt: time });
    }
  });

  // Notes → memos.
  const userNames = new Map([...coders.values()].map((c) => [c.id, c.name]));
  for (const note of doc.notes) {
    const id = claim('memos', note.guid, 'note');
    const loaded = texts.get(note);
    let body = note.plainTextContent ?? '';
    if (note.plainTextContent === undefined && loaded && !('error' in loaded)) body = loaded.positions.text;
    else if (note.plainTextContent === undefined && note.plainTextPath !== undefined) {
      report.add('not-read', `The text of note “${note.name ?? ''}” could not be read${loaded && 'error' in loaded ? `: ${loaded.error}` : ''}; the note is kept empty.`, 'notes without text');
    }
    const targets = noteTargets.get(idOf(note.guid)) ?? [];
    const target = targets[0] ?? { kind: 'project' as const, id: P };
    if (targets.length > 1) report.add('info', `Note “${note.name ?? ''}” is attached to ${targets.length} items; Marginalia attaches a memo to one, the first.`, 'notes attached to several items');
    const createdAt = xsdDateTime(note.creationDateTime) ?? time;
    snapshot.memos.push({
      id,
      projectId: P,
      targetKind: target.kind,
      targetId: target.id,
      title: note.name ?? '',
      body,
      author: note.creatingUser === undefined ? '' : (userNames.get(idOf(note.creatingUser)) ?? ''),
      createdAt,
      updatedAt: xsdDateTime(note.modifiedDateTime) ?? createdAt,
    });
    const extra = note.selections.length + note.codings.length;
    if (extra > 0) report.add('not-read', `Note “${note.name ?? ''}” has ${extra} coding${extra === 1 ? '' : 's'} or selection${extra === 1 ? '' : 's'} of its own; Marginalia does not code memos, so they were not read.`, 'codings in notes');
  }
  for (const extra of extraMemos) {
    snapshot.memos.push({ id: guidFor(`marginalia:${extra.guidSeed}`), projectId: P, targetKind: extra.kind, targetId: extra.id, title: extra.title, body: extra.body, author: '', createdAt: extra.createdAt, updatedAt: extra.createdAt });
  }
  if (extraMemos.length > 0) report.add('info', `${extraMemos.length} description${extraMemos.length === 1 ? '' : 's'} of sources, selections or cases became memos on them.`);

  // Sets: code sets are kept; members Marginalia's sets cannot hold are reported.
  for (const set of doc.sets) {
    const members = set.memberCodes.map((ref) => codeOf(ref)).filter((id): id is string => id !== undefined);
    const missing = set.memberCodes.length - members.length;
    if (missing > 0) report.add('not-read', `Set “${set.name}” names ${missing} code${missing === 1 ? '' : 's'} the file does not define; ${missing === 1 ? 'it was' : 'they were'} left out of the set.`, 'set members missing');
    const others = set.memberSources.length + set.memberNotes.length;
    if (others > 0) {
      report.add('not-read', `Set “${set.name}” groups ${others} source${others === 1 ? '' : 's'} or note${others === 1 ? '' : 's'}; Marginalia's sets hold codes only, so ${set.memberCodes.length > 0 ? 'those members were' : 'the set was'} not read.`, 'sets of sources or notes');
      if (set.memberCodes.length === 0) continue;
    }
    const codeSet: CodeSet = { id: claim('codeSets', set.guid, 'set'), projectId: P, name: set.name, description: set.description ?? '', codeIds: [...new Set(members)] };
    snapshot.codeSets.push(codeSet);
  }

  for (const item of doc.unsupported) report.add('not-read', `Not read: ${item.what}${item.name ? ` “${item.name}”` : ''} (Marginalia reads text sources).`, 'items Marginalia does not read');
  snapshot.coders = [...coders.values()];
  return snapshot;
}

/** UTF-16 offsets of a selection in the normalised text, or why it cannot be placed. */
function spanOf(selection: QdeSelection, positions: NormalisedText, counting: LineEndCounting): [number, number] | string {
  const { start, end } = selection;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return 'has a position that is not a whole number';
  if (start < 0 || end < start) return `has positions in the wrong order (${start}–${end})`;
  const length = counting === 'two' ? positions.codePointLength : positions.normalisedCodePointLength;
  if (end > length) return `ends at ${end}, past the end of its text (${length} characters)`;
  const toOffset = counting === 'two' ? positions.toOffset : positions.toOffsetCountingLineEndsAsOne;
  const s = toOffset(start);
  const e = toOffset(end);
  if (s === null || e === null) return 'cannot be placed in its text';
  return [s, e];
}

function valueOf(value: QdeVariableValue): string | number | boolean | null {
  const text = value.value;
  switch (value.kind) {
    case 'BooleanValue': {
      const t = text.trim().toLowerCase();
      return t === 'true' || t === '1' ? true : t === 'false' || t === '0' ? false : null;
    }
    case 'IntegerValue':
    case 'FloatValue': {
      const t = text.trim();
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
      const n = Number(t);
      return Number.isFinite(n) ? n : null;
    }
    case 'DateValue':
      return text.trim();
    default:
      return text;
  }
}
