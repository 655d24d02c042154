// A one-pass, streaming XML scanner for REFI-QDA files: calls a handler for each start tag, end
// tag and run of text, so a reader builds what it needs (a project, a codebook) without a generic
// element tree in between. It checks well-formedness (names, attribute syntax, matching tags, one
// root, references, characters XML 1.0 forbids) and refuses a DOCTYPE outright, so no entity can
// expand (no "billion laughs") and no external file is ever fetched: only the five predefined
// entities and character references are read.
//
// Why not a general streaming parser: project.qde of a big project is ~50 MB, and a parser that
// walks it character by character in JavaScript spends seconds there. This one finds markup with
// the engine's native `indexOf` and sticky regular expressions, and hands out names it has
// folded once (a file uses a few dozen names, each up to hundreds of thousands of times).

/** The file cannot be read as XML at all (or is refused as hostile). */
export class XmlFileError extends Error {
  override name = 'XmlFileError';
}

/** Deeper nesting than any real file has: refused, so later recursive walks stay bounded. */
export const MAX_XML_DEPTH = 256;

/** More elements than a project with a million codings has: refused, so memory stays bounded. */
export const MAX_XML_ELEMENTS = 5_000_000;

export const DOCTYPE_REFUSED =
  'The project file declares a DOCTYPE, which REFI-QDA files never need; it was refused so that no entity or external file is read.';

/** An element name as written, with its local name and the key readers compare (lower case). */
export interface XmlName {
  /** As written, prefix included (`qda:Code`): what the end tag must repeat. */
  raw: string;
  /** Local name: `qda:Code` and `Code` both give "Code". */
  local: string;
  /** The local name in lower case, for comparing names the way tools vary them ("Codebook"). */
  key: string;
}

/**
 * The attributes of the start tag being reported, valid only during `open`: reused from tag to
 * tag so that no object is made per element. Names are local and lower case (tools vary the case:
 * `targetGuid`, `targetGUID`); namespace declarations are left out.
 */
export class XmlAttributes {
  count = 0;
  readonly keys: string[] = [];
  readonly values: string[] = [];

  /** The value of an attribute by its lower-case local name. */
  get(key: string): string | undefined {
    for (let i = 0; i < this.count; i++) if (this.keys[i] === key) return this.values[i];
    return undefined;
  }

  /** A copy as a plain record (for a generic tree). */
  toRecord(): Record<string, string> {
    const out: Record<string, string> = {};
    for (let i = 0; i < this.count; i++) out[this.keys[i]!] = this.values[i]!;
    return out;
  }
}

export interface XmlHandler {
  /** A start tag; `selfClosing` tags get no `close`. `depth` is 1 for the root. */
  open(name: XmlName, attributes: XmlAttributes, selfClosing: boolean, depth: number): void;
  close(name: XmlName, depth: number): void;
  /**
   * Character data inside the element last opened and not closed (text or CDATA), already
   * decoded. Only asked for when `wantsText()` says so: most text in a project file is the
   * indentation between elements, which nobody reads.
   */
  text(text: string): void;
  wantsText(): boolean;
}

// XML 1.0 names (production [5]), astral characters as surrogate pairs.
const NAME_START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
// eslint-disable-next-line no-misleading-character-class -- XML's NameChar range includes combining marks (U+0300–U+036F) on purpose
const NAME = new RegExp(`^(?:[${NAME_START}]|[\\uD800-\\uDB7F][\\uDC00-\\uDFFF])(?:[${NAME_CHAR}]|[\\uD800-\\uDB7F][\\uDC00-\\uDFFF])*$`);
/** A name's extent: up to whitespace or a character that ends it (checked against NAME once per distinct name). */
const NAME_RUN = /[^\s/>=<"'&]+/y;
/** One attribute: whitespace, name, `=`, a quoted value without `<`. */
const ATTRIBUTE = /[ \t\r\n]+([^\s/>=<"'&]+)[ \t\r\n]*=[ \t\r\n]*(?:"([^"<]*)"|'([^'<]*)')/y;
/** A processing instruction's target: up to white space or the closing `?`. */
const PI_TARGET = /[^\s?]+/y;
const WHITESPACE_ONLY = /^[ \t\r\n]*$/;
// eslint-disable-next-line no-control-regex -- these control characters are exactly what XML 1.0 forbids
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/y;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/**
 * Scans `xml` (a BOM is skipped) and reports to `handler`. Throws XmlFileError, naming line and
 * column. `onProgress` hears the share of the text scanned (0–1), about every megabyte.
 */
export function scanXml(xml: string, handler: XmlHandler, onProgress?: (fraction: number) => void): void {
  new Scanner(xml, handler, onProgress).run();
}

const PROGRESS_STEP = 1 << 20;

class Scanner {
  private pos: number;
  private depth = 0;
  private elements = 0;
  private readonly open: XmlName[] = [];
  private readonly names = new Map<string, XmlName>();
  private readonly attributeKeys = new Map<string, string>();
  /**
   * Per element name, the attribute names as its last start tag wrote them, by position: the
   * next tag of that name most likely writes the same ones in the same order, so a name found
   * equal in place is that same string (no substring, and its hash is known for the lookup).
   */
  private readonly attributeNamesOf = new Map<XmlName, string[]>();
  private readonly attributes = new XmlAttributes();
  private sawRoot = false;
  /** The name of the element last opened at each depth: its next sibling most often has the same. */
  private readonly lastOpened: Array<XmlName | undefined> = [];
  /** The next `&` at or after the scan position (or -1): found once, so text needs no search of its own. */
  private nextAmp = -2;
  /** The same for the next "]]>", which text may not hold. */
  private nextCdataEnd = -2;

  constructor(
    private readonly xml: string,
    private readonly handler: XmlHandler,
    private readonly onProgress?: (fraction: number) => void,
  ) {
    this.pos = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  run(): void {
    const { xml } = this;
    // A DOCTYPE is the only way to declare entities or point at external files; REFI-QDA never
    // needs one, so a file that has one is refused before anything else rather than half-trusted.
    if (hasDoctype(xml)) throw new XmlFileError(DOCTYPE_REFUSED);
    const forbidden = FORBIDDEN_CHARACTER.exec(xml);
    if (forbidden) this.fail(forbidden.index, `a character XML does not allow (U+${forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`);
    const end = xml.length;
    let report = this.onProgress ? PROGRESS_STEP : Infinity;
    while (this.pos < end) {
      if (this.pos >= report) {
        this.onProgress!(this.pos / end);
        report = this.pos + PROGRESS_STEP;
      }
      const lt = xml.indexOf('<', this.pos);
      const textEnd = lt === -1 ? end : lt;
      if (textEnd > this.pos) this.characters(this.pos, textEnd);
      if (lt === -1) break;
      const next = xml.charCodeAt(lt + 1);
      if (next === 47 /* / */) this.endTag(lt);
      else if (next === 33 /* ! */) this.markup(lt);
      else if (next === 63 /* ? */) this.instruction(lt);
      else this.startTag(lt);
    }
    if (this.depth > 0) this.fail(end, `the document ends inside <${this.open[this.depth - 1]!.raw}>`);
    if (!this.sawRoot) throw new XmlFileError('The project file holds no XML element.');
  }

  private fail(at: number, what: string): never {
    let line = 1;
    let lineStart = 0;
    for (let i = this.xml.indexOf('\n'); i !== -1 && i < at; i = this.xml.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    throw new XmlFileError(`The project file is not well-formed XML (line ${line}, column ${at - lineStart + 1}: ${what}).`);
  }

  /** Text from `start` to `end` (no markup inside). */
  private characters(start: number, end: number): void {
    const { xml } = this;
    this.pos = end;
    if (this.depth === 0) {
      if (!WHITESPACE_ONLY.test(xml.slice(start, end))) this.fail(start, 'text outside the root element');
      return;
    }
    if (this.nextAmp !== -1 && this.nextAmp < start) this.nextAmp = xml.indexOf('&', start);
    if (this.nextCdataEnd !== -1 && this.nextCdataEnd < start) this.nextCdataEnd = xml.indexOf(']]>', start);
    if (this.nextCdataEnd !== -1 && this.nextCdataEnd + 3 <= end) this.fail(this.nextCdataEnd, '“]]>” in text');
    const hasReference = this.nextAmp !== -1 && this.nextAmp < end;
    const wanted = this.handler.wantsText();
    if (!wanted && !hasReference) return;
    let raw = xml.slice(start, end);
    if (hasReference) raw = this.expand(raw, start, false);
    else if (raw.indexOf('\r') !== -1) raw = normaliseLineEnds(raw);
    if (wanted) this.handler.text(raw);
  }

  /**
   * Line ends normalised, then references expanded (a `&#13;` stays a carriage return, as the
   * standard says). In attribute values every whitespace character becomes a space first.
   */
  private expand(raw: string, offset: number, attribute: boolean): string {
    let out = '';
    let from = 0;
    for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', from)) {
      out += literal(raw.slice(from, amp), attribute);
      REFERENCE.lastIndex = amp;
      const match = REFERENCE.exec(raw);
      if (!match) this.fail(offset + amp, 'an entity reference other than &lt; &gt; &amp; &quot; &apos; or a character reference');
      if (match[1] !== undefined) out += PREDEFINED[match[1]]!;
      else {
        const cp = match[2] !== undefined ? Number.parseInt(match[2], 10) : Number.parseInt(match[3]!, 16);
        if (!isXmlChar(cp)) this.fail(offset + amp, `a character reference to a character XML does not allow (${match[0]})`);
        out += String.fromCodePoint(cp);
      }
      from = REFERENCE.lastIndex;
    }
    return out + literal(raw.slice(from), attribute);
  }

  private name(at: number): XmlName {
    NAME_RUN.lastIndex = at;
    const match = NAME_RUN.exec(this.xml);
    if (!match) this.fail(at, 'a tag without a name');
    const raw = match[0];
    let name = this.names.get(raw);
    if (name === undefined) {
      if (!NAME.test(raw)) this.fail(at, `“${raw.slice(0, 40)}” is not an XML name`);
      const colon = raw.indexOf(':');
      const local = colon === -1 ? raw : raw.slice(colon + 1);
      name = { raw, local, key: local.toLowerCase() };
      this.names.set(raw, name);
    }
    return name;
  }

  /**
   * The tag name at `at`. The element's likely name (`hint`: the expected end tag, the previous
   * sibling's) is compared in place first, so most tags cost no substring and no map lookup; the
   * general path (a sticky expression, a check per distinct name) decides everything else.
   */
  private tagName(at: number, hint: XmlName | undefined): XmlName {
    if (hint !== undefined && this.xml.startsWith(hint.raw, at) && endsPlainName(this.xml.charCodeAt(at + hint.raw.length))) return hint;
    return this.name(at);
  }

  private startTag(lt: number): void {
    const { xml, attributes } = this;
    if (this.depth === 0 && this.sawRoot) this.fail(lt, 'a second root element');
    const name = this.tagName(lt + 1, this.lastOpened[this.depth]);
    this.lastOpened[this.depth] = name;
    let at = lt + 1 + name.raw.length;
    attributes.count = 0;
    let lastNames = this.attributeNamesOf.get(name);
    if (lastNames === undefined) this.attributeNamesOf.set(name, (lastNames = []));
    for (let ordinal = 0; ; ordinal++) {
      const plain = this.plainAttribute(at, lastNames, ordinal);
      if (plain === NO_ATTRIBUTE) break;
      if (plain !== NOT_PLAIN) {
        at = plain;
        continue;
      }
      ATTRIBUTE.lastIndex = at;
      const match = ATTRIBUTE.exec(xml);
      if (!match) break;
      const value = match[2] ?? match[3]!;
      this.addAttribute(match[1]!, value, ATTRIBUTE.lastIndex - value.length - 1, at, needsDecoding(value));
      at = ATTRIBUTE.lastIndex;
    }
    const after = this.tagEnd(at);
    if (after < 0) this.fail(at, `a malformed start tag <${name.raw}>`);
    this.pos = after;
    const selfClosing = after - at >= 2 && xml.charCodeAt(after - 2) === 47; /* / */
    if (++this.elements > MAX_XML_ELEMENTS) {
      throw new XmlFileError(`The project file has more than ${MAX_XML_ELEMENTS.toLocaleString('en')} elements; no real project has, so it was refused.`);
    }
    this.sawRoot = true;
    if (selfClosing) {
      this.handler.open(name, attributes, true, this.depth + 1);
      return;
    }
    if (this.depth >= MAX_XML_DEPTH) throw new XmlFileError(`The project file nests elements more than ${MAX_XML_DEPTH} deep; no real project does, so it was refused.`);
    this.open[this.depth++] = name;
    this.handler.open(name, attributes, false, this.depth);
  }

  /**
   * An attribute in the shape nearly every file writes (` name="value"`: white space, a name of
   * ASCII letters, digits and `_:.-`, `=` and a double quote right after it, no `<` in the value),
   * read with character tests on the document instead of the ATTRIBUTE expression, which would
   * match, capture and copy for each of the million attributes of a big project. Gives the
   * position after it, NO_ATTRIBUTE where the expression could not match either (the tag ends),
   * or NOT_PLAIN for anything else, which the expression then reads (or refuses) as before.
   */
  private plainAttribute(at: number, lastNames: string[], ordinal: number): number {
    const { xml } = this;
    let p = at;
    let c = xml.charCodeAt(p);
    if (!isXmlSpace(c)) return NO_ATTRIBUTE;
    do c = xml.charCodeAt(++p);
    while (isXmlSpace(c));
    if (c === 47 /* / */ || c === 62 /* > */) return NO_ATTRIBUTE;
    const nameStart = p;
    while (isPlainNameChar(c)) c = xml.charCodeAt(++p);
    if (p === nameStart || c !== 61 /* = */ || xml.charCodeAt(p + 1) !== 34 /* " */) return NOT_PLAIN;
    const nameEnd = p;
    const valueStart = p + 2;
    let decode = false;
    for (p = valueStart; ; p++) {
      c = xml.charCodeAt(p);
      if (c === 34 /* " */) break;
      // `<` (refused) and the end of the text: the expression's path says what is wrong.
      if (c === 60 /* < */ || Number.isNaN(c)) return NOT_PLAIN;
      if (c === 38 /* & */ || c === 9 || c === 10 || c === 13) decode = true;
    }
    const last = lastNames[ordinal];
    const rawKey = last !== undefined && last.length === nameEnd - nameStart && xml.startsWith(last, nameStart) ? last : (lastNames[ordinal] = xml.slice(nameStart, nameEnd));
    this.addAttribute(rawKey, xml.slice(valueStart, p), valueStart, at, decode);
    return p + 1;
  }

  /** Records an attribute of the start tag being read (`from`: where it starts, for messages). */
  private addAttribute(rawKey: string, raw: string, valueStart: number, from: number, decode: boolean): void {
    const { attributes } = this;
    let key = this.attributeKeys.get(rawKey);
    if (key === undefined) {
      if (!NAME.test(rawKey)) this.fail(from, `“${rawKey.slice(0, 40)}” is not an attribute name`);
      const colon = rawKey.indexOf(':');
      key = rawKey === 'xmlns' || rawKey.startsWith('xmlns:') ? '' : (colon === -1 ? rawKey : rawKey.slice(colon + 1)).toLowerCase();
      this.attributeKeys.set(rawKey, key);
    }
    for (let i = 0; i < attributes.count; i++) {
      if (attributes.keys[i] === key && key !== '') this.fail(from, `the attribute “${rawKey}” is given twice`);
    }
    if (key === '') return;
    attributes.keys[attributes.count] = key;
    attributes.values[attributes.count] = decode ? this.expand(raw, valueStart, true) : raw;
    attributes.count++;
  }

  /** `[ \t\r\n]*\/?>` at `at` (what TAG_END matched): the position after the `>`, or -1. */
  private tagEnd(at: number): number {
    const { xml } = this;
    let c = xml.charCodeAt(at);
    while (isXmlSpace(c)) c = xml.charCodeAt(++at);
    if (c === 62 /* > */) return at + 1;
    return c === 47 /* / */ && xml.charCodeAt(at + 1) === 62 ? at + 2 : -1;
  }

  private endTag(lt: number): void {
    const expected = this.depth > 0 ? this.open[this.depth - 1] : undefined;
    const name = this.tagName(lt + 2, expected);
    const after = this.tagEnd(lt + 2 + name.raw.length);
    if (after < 0 || this.xml.charCodeAt(after - 2) === 47 /* / */) this.fail(lt, `a malformed end tag </${name.raw}>`);
    if (expected === undefined) this.fail(lt, `an end tag </${name.raw}> with no element open`);
    if (expected !== name) this.fail(lt, `</${name.raw}> where </${expected.raw}> was expected`);
    this.pos = after;
    this.handler.close(name, this.depth);
    this.depth--;
  }

  /** `<!--…-->`, `<![CDATA[…]]>`; anything else after `<!` (a DOCTYPE was refused already) is an error. */
  private markup(lt: number): void {
    const { xml } = this;
    if (xml.startsWith('<!--', lt)) {
      const close = xml.indexOf('--', lt + 4);
      if (close === -1) this.fail(lt, 'an unclosed comment');
      if (xml.charCodeAt(close + 2) !== 62 /* > */) this.fail(close, '“--” inside a comment');
      this.pos = close + 3;
      return;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      if (this.depth === 0) this.fail(lt, 'a CDATA section outside the root element');
      const close = xml.indexOf(']]>', lt + 9);
      if (close === -1) this.fail(lt, 'an unclosed CDATA section');
      this.pos = close + 3;
      if (this.handler.wantsText()) this.handler.text(normaliseLineEnds(xml.slice(lt + 9, close)));
      return;
    }
    this.fail(lt, 'markup that is neither a comment nor a CDATA section');
  }

  /** `<?target …?>`: the XML declaration and processing instructions, skipped. */
  private instruction(lt: number): void {
    const close = this.xml.indexOf('?>', lt + 2);
    if (close === -1) this.fail(lt, 'an unclosed processing instruction');
    PI_TARGET.lastIndex = lt + 2;
    const target = PI_TARGET.exec(this.xml);
    if (!target || !NAME.test(target[0])) this.fail(lt, 'a processing instruction without a target');
    if (target[0].toLowerCase() === 'xml' && lt !== (this.xml.charCodeAt(0) === 0xfeff ? 1 : 0)) this.fail(lt, 'an XML declaration that is not at the start');
    this.pos = close + 2;
  }
}

/** `<!DOCTYPE` anywhere, in any case (found by the rare `<!`, not by a case-insensitive search of 50 MB). */
function hasDoctype(xml: string): boolean {
  for (let at = xml.indexOf('<!'); at !== -1; at = xml.indexOf('<!', at + 2)) {
    if (xml.slice(at + 2, at + 9).toUpperCase() === 'DOCTYPE') return true;
  }
  return false;
}

/** What `plainAttribute` returns when no attribute starts here (the tag ends, or is malformed). */
const NO_ATTRIBUTE = -1;
/** … and when one may, in a shape the ATTRIBUTE expression reads. */
const NOT_PLAIN = -2;

/** White space between markup: space, tab, line feed, carriage return. */
function isXmlSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** ASCII name characters (letters, digits, `_ : . -`): the names nearly every file uses. */
function isPlainNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 46 || c === 45;
}

/** Characters that surely end a name where NAME_RUN would end it too (white space, `/`, `>`). */
function endsPlainName(c: number): boolean {
  return isXmlSpace(c) || c === 47 || c === 62;
}

/** Anything an attribute value needs done to it: a reference, or whitespace other than spaces. */
function needsDecoding(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 38 /* & */ || c === 9 || c === 10 || c === 13) return true;
  }
  return false;
}

/** CR LF and lone CR become LF (XML 1.0 §2.11). */
function normaliseLineEnds(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/** Literal characters of text or of an attribute value (§3.3.3: each whitespace character becomes a space). */
function literal(text: string, attribute: boolean): string {
  const lines = normaliseLineEnds(text);
  return attribute ? lines.replace(/[\t\n]/g, ' ') : lines;
}
