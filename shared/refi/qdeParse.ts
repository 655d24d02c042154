// Reads a project.qde element tree into a QdeDocument, tolerating what real tools write (element
// and attribute names in another case, namespace prefixes, missing optional parts). Whatever the
// document holds that Marginalia cannot use (pictures, audio, video, region selections in PDFs,
// links, graphs) is listed in `unsupported`, never dropped silently.
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
import { attributeOf, childrenNamed, firstChild, XmlFileError, type XmlElement } from './xmlTree';

const VALUE_KINDS: readonly QdeValueKind[] = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'];
const VARIABLE_TYPES: readonly QdeVariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];

/** Throws XmlFileError when the root is not a REFI-QDA <Project>. */
export function parseQde(root: XmlElement): QdeDocument {
  if (root.name.toLowerCase() !== 'project') {
    throw new XmlFileError(`This is not a REFI-QDA project file: its root element is <${root.name}>, not <Project>.`);
  }
  const unsupported: QdeUnsupported[] = [];
  const codes = childrenNamed(firstChild(firstChild(root, 'CodeBook'), 'Codes'), 'Code').map(readCode);
  const sources: QdeTextSource[] = [];
  for (const element of firstChild(root, 'Sources')?.children ?? []) {
    const kind = element.name.toLowerCase();
    const name = attributeOf(element, 'name') ?? attributeOf(element, 'guid') ?? '';
    if (kind === 'textsource') sources.push(readTextSource(element, unsupported));
    else if (kind === 'pdfsource') {
      const representation = firstChild(element, 'Representation');
      const regions = childrenNamed(element, 'PDFSelection').length;
      if (representation) {
        sources.push({
          ...readTextSource(representation, unsupported),
          pdf: { guid: attributeOf(element, 'guid') ?? '', name: attributeOf(element, 'name'), path: attributeOf(element, 'path'), regionSelections: regions },
        });
      } else unsupported.push({ what: 'PDF source without a plain-text representation', name });
      if (regions > 0) unsupported.push({ what: `${regions} region selection${regions === 1 ? '' : 's'} (page areas) of a PDF`, name });
      const direct = childrenNamed(element, 'Coding').length;
      if (direct > 0) unsupported.push({ what: `${direct} coding${direct === 1 ? '' : 's'} of a whole PDF`, name });
    } else if (kind === 'picturesource') unsupported.push({ what: 'picture source', name });
    else if (kind === 'audiosource') unsupported.push({ what: 'audio source', name });
    else if (kind === 'videosource') unsupported.push({ what: 'video source', name });
    else unsupported.push({ what: `<${element.name}> source`, name });
  }
  const links = childrenNamed(firstChild(root, 'Links'), 'Link').length;
  if (links > 0) unsupported.push({ what: `${links} link${links === 1 ? '' : 's'} between items`, name: 'Links' });
  for (const graph of childrenNamed(firstChild(root, 'Graphs'), 'Graph')) {
    unsupported.push({ what: 'graph', name: attributeOf(graph, 'name') ?? '' });
  }
  const description = firstChild(root, 'Description');
  return {
    name: attributeOf(root, 'name') ?? '',
    ...opt('origin', attributeOf(root, 'origin')),
    ...opt('creatingUserGUID', attributeOf(root, 'creatingUserGUID')),
    ...opt('creationDateTime', attributeOf(root, 'creationDateTime')),
    ...opt('modifyingUserGUID', attributeOf(root, 'modifyingUserGUID')),
    ...opt('modifiedDateTime', attributeOf(root, 'modifiedDateTime')),
    ...(description ? { description: description.text } : {}),
    users: childrenNamed(firstChild(root, 'Users'), 'User').map((u) => ({ guid: attributeOf(u, 'guid') ?? '', ...opt('name', attributeOf(u, 'name')) })),
    codes,
    variables: childrenNamed(firstChild(root, 'Variables'), 'Variable').map(readVariable),
    cases: childrenNamed(firstChild(root, 'Cases'), 'Case').map(readCase),
    sources,
    notes: childrenNamed(firstChild(root, 'Notes'), 'Note').map((n) => readTextSource(n, unsupported)),
    sets: childrenNamed(firstChild(root, 'Sets'), 'Set').map(readSet),
    noteRefs: refs(root, 'NoteRef'),
    unsupported,
  };
}

function opt<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function refs(element: XmlElement, name: string): string[] {
  return childrenNamed(element, name)
    .map((r) => attributeOf(r, 'targetGUID') ?? attributeOf(r, 'guid') ?? '')
    .filter((g) => g !== '');
}

function descriptionOf(element: XmlElement): Partial<Record<'description', string>> {
  const d = firstChild(element, 'Description');
  return d ? { description: d.text } : {};
}

function readCode(element: XmlElement): QdeCode {
  const codable = attributeOf(element, 'isCodable')?.trim().toLowerCase();
  return {
    guid: attributeOf(element, 'guid') ?? '',
    name: attributeOf(element, 'name') ?? '',
    ...(codable === undefined ? {} : { isCodable: codable !== 'false' && codable !== '0' }),
    ...opt('color', attributeOf(element, 'color')),
    ...descriptionOf(element),
    noteRefs: refs(element, 'NoteRef'),
    children: childrenNamed(element, 'Code').map(readCode),
  };
}

function readVariable(element: XmlElement): QdeVariable {
  const raw = attributeOf(element, 'typeOfVariable') ?? 'Text';
  const type = VARIABLE_TYPES.find((t) => t.toLowerCase() === raw.trim().toLowerCase()) ?? 'Text';
  return { guid: attributeOf(element, 'guid') ?? '', name: attributeOf(element, 'name') ?? '', type, ...descriptionOf(element) };
}

function readValues(element: XmlElement): QdeVariableValue[] {
  return childrenNamed(element, 'VariableValue').flatMap((v): QdeVariableValue[] => {
    const ref = firstChild(v, 'VariableRef');
    const variableRef = ref ? (attributeOf(ref, 'targetGUID') ?? '') : '';
    const valueElement = v.children.find((c) => VALUE_KINDS.some((k) => k.toLowerCase() === c.name.toLowerCase()));
    if (!valueElement || variableRef === '') return [];
    const kind = VALUE_KINDS.find((k) => k.toLowerCase() === valueElement.name.toLowerCase())!;
    return [{ variableRef, kind, value: valueElement.text }];
  });
}

function readCase(element: XmlElement): QdeCase {
  return {
    guid: attributeOf(element, 'guid') ?? '',
    ...opt('name', attributeOf(element, 'name')),
    ...descriptionOf(element),
    codeRefs: refs(element, 'CodeRef'),
    values: readValues(element),
    sourceRefs: refs(element, 'SourceRef'),
    selectionRefs: refs(element, 'SelectionRef'),
  };
}

const INTEGER = /^\s*[+-]?\d+\s*$/;

function position(raw: string | undefined): number {
  if (raw === undefined || !INTEGER.test(raw)) return Number.NaN;
  return Number(raw);
}

function readCoding(element: XmlElement): QdeCoding {
  const codeRef = firstChild(element, 'CodeRef');
  const coding: QdeCoding = {
    guid: attributeOf(element, 'guid') ?? '',
    codeRef: codeRef ? (attributeOf(codeRef, 'targetGUID') ?? '') : '',
    noteRefs: refs(element, 'NoteRef'),
  };
  // Assigned one by one: this runs once per coding, and spreads would allocate several objects.
  const creatingUser = attributeOf(element, 'creatingUser');
  if (creatingUser !== undefined) coding.creatingUser = creatingUser;
  const creationDateTime = attributeOf(element, 'creationDateTime');
  if (creationDateTime !== undefined) coding.creationDateTime = creationDateTime;
  return coding;
}

function readSelection(element: XmlElement): QdeSelection {
  const selection: QdeSelection = {
    guid: attributeOf(element, 'guid') ?? '',
    start: position(attributeOf(element, 'startPosition')),
    end: position(attributeOf(element, 'endPosition')),
    codings: childrenNamed(element, 'Coding').map(readCoding),
    noteRefs: refs(element, 'NoteRef'),
  };
  for (const key of ['name', 'creatingUser', 'creationDateTime', 'modifyingUser', 'modifiedDateTime'] as const) {
    const value = attributeOf(element, key);
    if (value !== undefined) selection[key] = value;
  }
  const description = firstChild(element, 'Description');
  if (description) selection.description = description.text;
  return selection;
}

function readTextSource(element: XmlElement, unsupported: QdeUnsupported[]): QdeTextSource {
  const content = firstChild(element, 'PlainTextContent');
  const name = attributeOf(element, 'name') ?? '';
  // Transcripts and sync points belong to audio and video, which are reported as a whole.
  const other = element.children.filter((c) => /^(PictureSelection|AudioSelection|VideoSelection|TranscriptSelection)$/i.test(c.name)).length;
  if (other > 0) unsupported.push({ what: `${other} non-text selection${other === 1 ? '' : 's'}`, name });
  return {
    guid: attributeOf(element, 'guid') ?? '',
    ...opt('name', attributeOf(element, 'name')),
    ...descriptionOf(element),
    ...opt('plainTextPath', attributeOf(element, 'plainTextPath')),
    ...(content ? { plainTextContent: content.text } : {}),
    ...opt('richTextPath', attributeOf(element, 'richTextPath')),
    ...opt('creatingUser', attributeOf(element, 'creatingUser')),
    ...opt('creationDateTime', attributeOf(element, 'creationDateTime')),
    ...opt('modifyingUser', attributeOf(element, 'modifyingUser')),
    ...opt('modifiedDateTime', attributeOf(element, 'modifiedDateTime')),
    selections: childrenNamed(element, 'PlainTextSelection').map(readSelection),
    codings: childrenNamed(element, 'Coding').map(readCoding),
    noteRefs: refs(element, 'NoteRef'),
    variableValues: readValues(element),
  };
}

function readSet(element: XmlElement): QdeSet {
  return {
    guid: attributeOf(element, 'guid') ?? '',
    name: attributeOf(element, 'name') ?? '',
    ...descriptionOf(element),
    memberCodes: refs(element, 'MemberCode'),
    memberSources: refs(element, 'MemberSource'),
    memberNotes: refs(element, 'MemberNote'),
  };
}
