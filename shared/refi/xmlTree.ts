// Parses REFI-QDA XML (project.qde, .qdc) into a small element tree: local names (namespace
// prefixes dropped), attributes, children in document order, and text. Refuses a DOCTYPE before
// parsing, so no entity can expand (no "billion laughs") and no external file is ever fetched.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  /** Local name: `qda:Code` and `Code` both read as "Code". */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (concatenated text nodes), exactly as written. */
  text: string;
}

/** The file cannot be read as XML at all (or is refused as hostile). */
export class XmlFileError extends Error {
  override name = 'XmlFileError';
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Numeric character references (&#13;) must be decoded, as XML requires.
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type RawNode = Record<string, unknown>;

/**
 * The root element of an XML text. Line ends are normalised first (CR LF and lone CR read as LF,
 * as an XML processor must); a CR written as `&#13;` survives. Throws XmlFileError with a message
 * a user can act on.
 */
export function parseXmlTree(xml: string): XmlElement {
  const text = (xml.startsWith('\uFEFF') ? xml.slice(1) : xml).replace(/\r\n?/g, '\n');
  // A DOCTYPE is the only way to declare entities or point at external files; REFI-QDA never
  // needs one, so a file that has one is refused rather than half-trusted.
  if (/<!DOCTYPE/i.test(text)) {
    throw new XmlFileError('The project file declares a DOCTYPE, which REFI-QDA files never need; it was refused so that no entity or external file is read.');
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new XmlFileError(`The project file is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}).`);
  }
  let nodes: unknown;
  try {
    nodes = parser.parse(text);
  } catch (error) {
    throw new XmlFileError(`The project file is not well-formed XML: ${(error as Error).message}`);
  }
  const root = toElements(nodes).at(0);
  if (!root) throw new XmlFileError('The project file holds no XML element.');
  return root;
}

function toElements(nodes: unknown): XmlElement[] {
  if (!Array.isArray(nodes)) return [];
  const out: XmlElement[] = [];
  for (const node of nodes as RawNode[]) {
    const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
    if (name === undefined || name.startsWith('?') || name.startsWith('!')) continue;
    const rawChildren = node[name];
    const attributes: Record<string, string> = {};
    const rawAttributes = node[':@'];
    if (rawAttributes && typeof rawAttributes === 'object') {
      for (const [key, value] of Object.entries(rawAttributes as RawNode)) {
        if (typeof value === 'string') attributes[key] = value;
      }
    }
    let text = '';
    if (Array.isArray(rawChildren)) {
      for (const child of rawChildren as RawNode[]) {
        const t = child['#text'];
        if (typeof t === 'string' || typeof t === 'number') text += String(t);
      }
    }
    out.push({ name, attributes, children: toElements(rawChildren), text });
  }
  return out;
}

/** Children with a local name, compared case-insensitively (tools write "Codebook" too). */
export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  if (!element) return [];
  const lower = name.toLowerCase();
  return element.children.filter((c) => c.name.toLowerCase() === lower);
}

export function firstChild(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  const lower = name.toLowerCase();
  return element.children.find((c) => c.name.toLowerCase() === lower);
}

/** An attribute by name, case-insensitively (`targetGuid`, `targetGUID`). */
export function attributeOf(element: XmlElement, name: string): string | undefined {
  const exact = element.attributes[name];
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(element.attributes)) if (key.toLowerCase() === lower) return value;
  return undefined;
}
