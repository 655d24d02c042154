// Parses REFI-QDA XML (project.qde, .qdc) into a small element tree: local names (namespace
// prefixes dropped), attributes, children in document order, and text. Refuses a DOCTYPE, so no
// entity can expand (no "billion laughs") and no external file is ever fetched.
// saxes is a strict, conformant streaming parser (well-formedness, line ends, attribute-value
// normalisation, only the predefined entities): one pass over a 40 MB project file, about three
// times faster than validating and then parsing with fast-xml-parser.
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** Local name: `qda:Code` and `Code` both read as "Code". */
  name: string;
  /** The local name in lower case, for comparing names the way tools vary them ("Codebook"). */
  key: string;
  /** By local name in lower case (tools vary the case: `targetGuid`, `targetGUID`). */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (its text nodes, concatenated), exactly as the XML says. */
  text: string;
}

/** The file cannot be read as XML at all (or is refused as hostile). */
export class XmlFileError extends Error {
  override name = 'XmlFileError';
}

/** Deeper nesting than any real file has: refused, so later recursive walks stay bounded. */
export const MAX_XML_DEPTH = 256;

/** More elements than a project with a million codings has: refused, so memory stays bounded. */
export const MAX_XML_ELEMENTS = 5_000_000;

const DOCTYPE_REFUSED =
  'The project file declares a DOCTYPE, which REFI-QDA files never need; it was refused so that no entity or external file is read.';

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** The root element of an XML text. Throws XmlFileError with a message a user can act on. */
export function parseXmlTree(xml: string): XmlElement {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  // A DOCTYPE is the only way to declare entities or point at external files; REFI-QDA never
  // needs one, so a file that has one is refused before parsing rather than half-trusted.
  if (/<!DOCTYPE/i.test(text)) throw new XmlFileError(DOCTYPE_REFUSED);
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlElement[] = [];
  const names = new Map<string, string>();
  let count = 0;
  let root: XmlElement | undefined;
  parser.on('doctype', () => {
    throw new XmlFileError(DOCTYPE_REFUSED);
  });
  parser.on('opentag', (tag) => {
    if (++count > MAX_XML_ELEMENTS) throw new XmlFileError(`The project file has more than ${MAX_XML_ELEMENTS.toLocaleString('en')} elements; no real project has, so it was refused.`);
    const attributes: Record<string, string> = {};
    const raw = tag.attributes as Record<string, string>;
    for (const key in raw) {
      // A file uses a handful of attribute names, each thousands of times: fold each name once.
      let folded = names.get(key);
      if (folded === undefined) {
        folded = key === 'xmlns' || key.startsWith('xmlns:') ? '' : localName(key).toLowerCase();
        names.set(key, folded);
      }
      if (folded !== '') attributes[folded] = raw[key]!;
    }
    const name = localName(tag.name);
    let key = names.get(`<${name}`);
    if (key === undefined) {
      key = name.toLowerCase();
      names.set(`<${name}`, key);
    }
    const element: XmlElement = { name, key, attributes, children: [], text: '' };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    if (!tag.isSelfClosing) {
      stack.push(element);
      if (stack.length > MAX_XML_DEPTH) throw new XmlFileError(`The project file nests elements more than ${MAX_XML_DEPTH} deep; no real project does, so it was refused.`);
    }
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const addText = (t: string): void => {
    const current = stack.at(-1);
    if (current) current.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof XmlFileError) throw error;
    const message = (error as Error).message.replace(/^undefined:/, '');
    throw new XmlFileError(`The project file is not well-formed XML (${message.replace(/^(\d+):(\d+): /, 'line $1, column $2: ')}).`);
  }
  if (!root) throw new XmlFileError('The project file holds no XML element.');
  return root;
}

/** Children with a local name, compared case-insensitively (tools write "Codebook" too). */
export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  if (!element) return [];
  const lower = name.toLowerCase();
  return element.children.filter((c) => c.key === lower);
}

export function firstChild(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  const lower = name.toLowerCase();
  return element.children.find((c) => c.key === lower);
}

/** An attribute by name, case-insensitively (`targetGuid`, `targetGUID`). */
export function attributeOf(element: XmlElement, name: string): string | undefined {
  return element.attributes[lowerNames.get(name) ?? remember(name)];
}

const lowerNames = new Map<string, string>();
function remember(name: string): string {
  const lower = name.toLowerCase();
  lowerNames.set(name, lower);
  return lower;
}
