// The XML scanner under the REFI-QDA readers: what it reads (references, CDATA, comments, line
// ends, attribute normalisation, namespace prefixes) is what a conformant parser reads, checked
// against saxes on random documents; what is not well-formed, or hostile, is refused with a line
// and column, never read half-way.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { parseXmlTree, type XmlElement } from '../../../shared/refi/xmlTree';
import { MAX_XML_DEPTH, scanXml, XmlFileError } from '../../../shared/refi/xmlScan';

/** The same tree, read by saxes (a strict, conformant streaming parser): the oracle. */
function saxesTree(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes as Record<string, string>)) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
      attributes[key.slice(key.indexOf(':') + 1).toLowerCase()] = value;
    }
    const name = tag.name.slice(tag.name.indexOf(':') + 1);
    const element: XmlElement = { name, key: name.toLowerCase(), attributes, children: [], text: '' };
    if (stack.length > 0) stack.at(-1)!.children.push(element);
    else root = element;
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const text = (t: string): void => {
    if (stack.length > 0) stack.at(-1)!.text += t;
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.write(xml).close();
  return root!;
}

function refusal(xml: string): string {
  try {
    parseXmlTree(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(XmlFileError);
    return (error as Error).message;
  }
  throw new Error('the XML was read');
}

// Random well-formed documents with the hard parts: references, line ends in text and in
// attributes, CDATA, comments, prefixes, empty elements, astral and combining characters.
const textPiece = fc.constantFrom('a', ' ', '\n', '\r\n', '\r', '\t', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#13;', '&#10;', '&#x1F600;', '😀', 'e\u0301', '東京', '>', '"', "'");
const text = fc.array(textPiece, { maxLength: 8 }).map((parts) => parts.join(''));
const attributeValue = fc.array(fc.constantFrom('x', ' ', '\t', '\n', '\r\n', '&amp;', '&#9;', '&#10;', '&#13;', '&lt;', '>', "'", '😀'), { maxLength: 6 }).map((p) => p.join(''));
const name = fc.constantFrom('Code', 'code', 'qda:Code', 'Note', 'PlainTextSelection', 'x', 'a-b.c', 'É');
const attributeName = fc.constantFrom('guid', 'targetGUID', 'qda:name', 'isCodable', 'startPosition');

interface Node {
  name: string;
  attributes: Array<[string, string]>;
  content: Array<Node | { text: string } | { cdata: string } | { comment: string }>;
}

const node: fc.Memo<Node> = fc.memo((depth) =>
  fc.record({
    name,
    attributes: fc.uniqueArray(fc.tuple(attributeName, attributeValue), { maxLength: 3, selector: ([k]) => k.slice(k.indexOf(':') + 1).toLowerCase() }),
    content:
      depth <= 1
        ? fc.array(fc.oneof(text.map((t) => ({ text: t })), fc.constant({ cdata: 'a <b> & ]] \r\n' }), fc.constant({ comment: ' a - b ' })), { maxLength: 3 })
        : fc.array(fc.oneof(node(depth - 1), text.map((t) => ({ text: t })), fc.constant({ cdata: 'x]]y' }), fc.constant({ comment: '' })), { maxLength: 4 }),
  }),
);

function write(n: Node): string {
  const attributes = n.attributes.map(([k, v], i) => (i % 2 === 0 ? ` ${k}="${v.replace(/"/g, '&quot;')}"` : `\n ${k} = '${v.replace(/'/g, '&apos;')}'`)).join('');
  if (n.content.length === 0) return `<${n.name}${attributes}/>`;
  const inner = n.content
    .map((c) => ('name' in c ? write(c) : 'text' in c ? c.text : 'cdata' in c ? `<![CDATA[${c.cdata}]]>` : `<!--${c.comment}-->`))
    .join('');
  return `<${n.name}${attributes}>${inner}</${n.name} >`;
}

describe('scanXml', () => {
  it('reads random well-formed documents exactly as a conformant parser does', () => {
    fc.assert(
      fc.property(node(4), fc.boolean(), (root, declaration) => {
        const xml = `${declaration ? '<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- c -->' : ''}${write(root)}\n`;
        expect(parseXmlTree(xml)).toEqual(saxesTree(xml));
      }),
      { numRuns: 300 },
    );
  });

  it('normalises line ends and attribute white space as XML says, and keeps references to them', () => {
    const root = parseXmlTree('<a v="x\ty\r\nz&#10;w&#13;">one\r\ntwo\rthree&#13;four<![CDATA[five\r\nsix]]></a>');
    expect(root.attributes.v).toBe('x y z\nw\r');
    expect(root.text).toBe('one\ntwo\nthree\rfourfive\nsix');
  });

  it('tells apart names that begin alike, between siblings and at end tags', () => {
    const root = parseXmlTree('<r><a x="1"/><ab x="2"></ab><a\tx="3"\n/><a.b x = "4"/></r >');
    expect(root.children.map((c) => [c.name, c.attributes.x])).toEqual([['a', '1'], ['ab', '2'], ['a', '3'], ['a.b', '4']]);
  });

  it('drops namespace prefixes and declarations, and folds attribute names to lower case', () => {
    const root = parseXmlTree('<q:Project xmlns:q="urn:QDA-XML:project:1.0" xmlns="x"><q:Code q:targetGUID="g"/></q:Project>');
    expect(root).toMatchObject({ name: 'Project', key: 'project', attributes: {} });
    expect(root.children[0]).toMatchObject({ name: 'Code', attributes: { targetguid: 'g' } });
  });

  it('refuses a DOCTYPE before reading anything, so no entity is ever expanded', () => {
    expect(refusal('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x "y">]><p>&x;</p>')).toMatch(/DOCTYPE/);
    expect(refusal('<!doctype p SYSTEM "file:///etc/passwd"><p/>')).toMatch(/DOCTYPE/);
  });

  it('refuses what is not well-formed, naming the line and column', () => {
    const cases: Array<[string, RegExp]> = [
      ['<a><b></a>', /line 1, column 7: <\/a> where <\/b> was expected/],
      ['<a>\n  &nbsp;</a>', /line 2, column 3: an entity reference other than/],
      ['<a>&#0;</a>', /character reference to a character XML does not allow/],
      ['<a x="1" x="2"/>', /the attribute “x” is given twice/],
      ['<a x=1/>', /malformed start tag/],
      ['<a x="1"y="2"/>', /malformed start tag/],
      ['<r><ab></a></r>', /<\/a> where <\/ab> was expected/],
      ['<r><a></ab></r>', /<\/ab> where <\/a> was expected/],
      ['<r><a></a/></r>', /malformed end tag/],
      ['<a x="<"/>', /malformed start tag/],
      ['<a/><b/>', /a second root element/],
      ['text<a/>', /text outside the root element/],
      ['<a>]]></a>', /“]]>” in text/],
      ['<a>\u0001</a>', /a character XML does not allow \(U\+0001\)/],
      ['<a><!-- a -- b --></a>', /“--” inside a comment/],
      ['<a><![CDATA[x</a>', /unclosed CDATA section/],
      ['<a>', /ends inside <a>/],
      ['</a>', /with no element open/],
      ['<1a/>', /is not an XML name/],
      ['<a><? ?></a>', /processing instruction without a target/],
      ['<a/><?xml version="1.0"?>', /XML declaration that is not at the start/],
      ['', /holds no XML element/],
    ];
    for (const [xml, message] of cases) expect(refusal(xml)).toMatch(message);
  });

  it('refuses nesting deeper than any real file, and reports progress through a long text', () => {
    expect(refusal('<a>'.repeat(MAX_XML_DEPTH + 1) + '</a>'.repeat(MAX_XML_DEPTH + 1))).toMatch(/nests elements more than 256 deep/);
    const xml = `<a>${'<b x="1">t</b>'.repeat(200_000)}</a>`;
    const seen: number[] = [];
    let count = 0;
    scanXml(xml, { open: () => void count++, close: () => {}, text: () => {}, wantsText: () => false }, (f) => seen.push(f));
    expect(count).toBe(200_001);
    expect(seen.length).toBeGreaterThan(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.every((f) => f > 0 && f < 1)).toBe(true);
  });
});
