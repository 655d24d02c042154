// Reads REFI-QDA codebooks as real tools write them: a .qdc file, or the <CodeBook> inside a
// project.qde. Tolerates what the wild does (namespace variants and prefixes, braced or upper-case
// GUIDs, CRLF files, an empty <Sets/>) and leaves judging the content to the import plan.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface QdcCode {
  /** As written in the file (may be braced, upper-case, or not a GUID at all). */
  guid: string;
  name: string;
  /** The raw isCodable attribute, when present. */
  isCodable?: string;
  color?: string;
  description?: string;
  /** The enclosing <Code>'s guid, as written; null at the top level. */
  parentGuid: string | null;
  /**
   * The enclosing <Code>'s index in `codes`, when read from a file: a file may repeat a GUID, and
   * then only the nesting says which of the two is the parent.
   */
  parentIndex?: number;
  /** Names from the top level down to this code. */
  path: string[];
}

export interface QdcSet {
  guid: string;
  name: string;
  description?: string;
  /** Member codes' guids as written. */
  memberGuids: string[];
}

export interface QdcCodebook {
  origin: string | null;
  codes: QdcCode[];
  sets: QdcSet[];
}

/** The file is not a codebook at all (the import cannot even be planned). */
export class CodebookFileError extends Error {
  override name = 'CodebookFileError';
}

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Prefixes such as qda:Code name the same elements; namespaces vary between tools and versions.
  removeNSPrefix: true,
  // Descriptions keep their exact whitespace; values stay strings (no number or boolean guessing).
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // isCodable="true" stays the string "true" (parseAttributeValue: false). The builder-only option
  // suppressBooleanAttributes that LIBRARIES.md warns about does not concern reading; we write
  // XML by hand (qdcWrite.ts), so it never applies.
  // Decodes numeric character references (&#13; &#10;) too, which XML requires.
  htmlEntities: true,
  // Text always under '#text', so <Description>text</Description> and <Description/> read alike.
  alwaysCreateTextNode: true,
  isArray: (name) => name === 'Code' || name === 'Set' || name === 'MemberCode',
});

/** Reads a .qdc file. Throws CodebookFileError when the text is not a REFI-QDA codebook. */
export function readQdc(xml: string): QdcCodebook {
  const root = parseXml(xml);
  const codebook = child(root, 'CodeBook');
  if (!codebook) throw new CodebookFileError('This file is not a REFI-QDA codebook (its root element is not <CodeBook>).');
  return readCodebookElement(codebook, child(codebook, 'Sets'), 'guid');
}

/**
 * Reads the codebook inside a REFI-QDA project (project.qde). Code sets live in the project's
 * <Sets> there, mixed with document sets: only sets with member codes are kept, and only their
 * codes. A project without a <CodeBook> gives an empty codebook.
 */
export function readQdeCodebook(xml: string): QdcCodebook {
  const root = parseXml(xml);
  const project = child(root, 'Project');
  if (!project) throw new CodebookFileError('This file is not a REFI-QDA project (its root element is not <Project>).');
  const codebook = child(project, 'CodeBook');
  const result = codebook
    ? readCodebookElement(codebook, child(project, 'Sets'), 'targetGUID')
    : { origin: null, codes: [], sets: [] };
  return {
    ...result,
    origin: attribute(project, 'origin') ?? null,
    sets: result.sets.filter((set) => set.memberGuids.length > 0),
  };
}

function parseXml(xml: string): XmlNode {
  // An XML processor reads CR LF and lone CR as LF before anything else; a CR that matters is
  // written &#13; and survives this.
  const text = (xml.startsWith('\uFEFF') ? xml.slice(1) : xml).replace(/\r\n?/g, '\n');
  // The parser alone accepts a truncated file (an interrupted download) and would import half a
  // codebook; checking well-formedness first turns that into one clear error.
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new CodebookFileError(`This file is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}).`);
  }
  try {
    return parser.parse(text) as XmlNode;
  } catch (error) {
    throw new CodebookFileError(`This file is not well-formed XML: ${(error as Error).message}`);
  }
}

function readCodebookElement(codebook: XmlNode, sets: XmlNode | undefined, memberAttribute: string): QdcCodebook {
  const codes: QdcCode[] = [];
  const visit = (nodes: XmlNode[], parentGuid: string | null, parentPath: string[], parentIndex?: number): void => {
    for (const node of nodes) {
      const index = codes.length;
      const guid = attribute(node, 'guid') ?? '';
      const name = attribute(node, 'name') ?? '';
      const path = [...parentPath, name];
      const description = textOf(child(node, 'Description'));
      codes.push({
        guid,
        name,
        parentGuid,
        ...(parentIndex !== undefined ? { parentIndex } : {}),
        path,
        ...optional('isCodable', attribute(node, 'isCodable')),
        ...optional('color', attribute(node, 'color')),
        ...optional('description', description),
      });
      visit(children(node, 'Code'), guid, path, index);
    }
  };
  visit(children(child(codebook, 'Codes'), 'Code'), null, []);

  const readSets: QdcSet[] = children(sets, 'Set').map((set) => ({
    guid: attribute(set, 'guid') ?? '',
    name: attribute(set, 'name') ?? '',
    ...optional('description', textOf(child(set, 'Description'))),
    memberGuids: children(set, 'MemberCode')
      // The codebook schema names the member's attribute guid, the project schema targetGUID.
      .map((m) => attribute(m, memberAttribute) ?? attribute(m, 'guid') ?? attribute(m, 'targetGUID') ?? '')
      .filter((g) => g !== ''),
  }));
  return { origin: attribute(codebook, 'origin') ?? null, codes, sets: readSets };
}

/** A child element by local name; element names are matched case-insensitively ("Codebook"). */
function child(node: unknown, name: string): XmlNode | undefined {
  if (!isNode(node)) return undefined;
  const key = Object.keys(node).find((k) => !k.startsWith('@') && k.toLowerCase() === name.toLowerCase());
  if (key === undefined) return undefined;
  const value = node[key];
  if (Array.isArray(value)) return isNode(value[0]) ? value[0] : {};
  // An empty element (<Sets/>) parses to an empty string: treat it as an element with nothing in it.
  return isNode(value) ? value : {};
}

function children(node: unknown, name: string): XmlNode[] {
  if (!isNode(node)) return [];
  const key = Object.keys(node).find((k) => !k.startsWith('@') && k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : node[key];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((item) => (isNode(item) ? item : {}));
}

function attribute(node: XmlNode, name: string): string | undefined {
  const value = node[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}

function textOf(node: XmlNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  const text = node['#text'];
  return typeof text === 'string' ? text : '';
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
