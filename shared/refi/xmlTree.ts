// Parses REFI-QDA XML (a .qdc codebook, a project file to validate) into a small element tree:
// local names (namespace prefixes dropped), attributes, children in document order, and text.
// The XML itself is read by ./xmlScan.ts (strict, one pass, DOCTYPE refused); readers of big
// files (project.qde) use that scanner directly and build no tree.
import { scanXml, XmlFileError, type XmlAttributes, type XmlName } from './xmlScan';

export { XmlFileError, MAX_XML_DEPTH, MAX_XML_ELEMENTS } from './xmlScan';

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

/** The root element of an XML text. Throws XmlFileError with a message a user can act on. */
export function parseXmlTree(xml: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  scanXml(xml, {
    open(name: XmlName, attributes: XmlAttributes, selfClosing: boolean) {
      const element: XmlElement = { name: name.local, key: name.key, attributes: attributes.toRecord(), children: [], text: '' };
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else root = element;
      if (!selfClosing) stack.push(element);
    },
    close() {
      stack.pop();
    },
    wantsText: () => stack.length > 0,
    text(t: string) {
      stack[stack.length - 1]!.text += t;
    },
  });
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
