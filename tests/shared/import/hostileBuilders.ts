// Small builders for hostile files: each makes, in a few kilobytes, the file that once froze,
// exhausted or silently misread the importers, so tests commit code rather than big binaries.
import { strToU8, zipSync } from 'fflate';
import { buildOdt, lieAboutSize } from './builders';

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);

export const QDC_NS = 'urn:QDA-XML:codebook:1.0';

export function guid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A .qdc whose codes are given as XML (nested <Code> elements). */
export function qdcXml(codes: string, declaration = '<?xml version="1.0" encoding="utf-8"?>'): string {
  return `${declaration}<CodeBook xmlns="${QDC_NS}" origin="Hostile test"><Codes>${codes}</Codes></CodeBook>`;
}

/** A .qde project holding one code, for archives. */
export function qdeXml(codeName = 'Economy'): string {
  return `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes><Code guid="${guid(1)}" name="${codeName}" isCodable="true"/></Codes></CodeBook></Project>`;
}

/**
 * A .qdpx of a few kilobytes whose project file inflates to `inflatedBytes` of spaces (a zip
 * bomb); `declared` makes the directory state another size (larger, as a bomb made with a
 * bigger payload would, without spending the time to compress one; or smaller, a lie).
 */
export function qdpxBomb(inflatedBytes: number, declared?: number): Uint8Array {
  const head = qdeXml();
  const body = new Uint8Array(inflatedBytes);
  body.fill(0x20);
  body.set(enc(head).subarray(0, Math.min(head.length, inflatedBytes)));
  const zip = zipSync({ 'project.qde': [body, { level: 9 }], 'Sources/a.txt': strToU8('text') });
  return declared === undefined ? zip : lieAboutSize(zip, 'project.qde', declared);
}

/** The bytes of a string in Latin-1 (each character below U+0100 as one byte). */
export function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

/** An .odt whose one paragraph asks for `count` spaces with <text:s text:c="count"/>. */
export function odtRepeatedSpaces(count: number): Uint8Array {
  return buildOdt(`<text:p>Before<text:s text:c="${count}"/>after</text:p>`);
}

/** HTML nested `depth` levels deep around a sentence, with no closing tags (as a hostile page has). */
export function deeplyNestedHtml(depth: number, tag = 'div'): string {
  return `<html><body>${`<${tag}>`.repeat(depth)}The sentence at the bottom.</body></html>`;
}

const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** An .xlsx whose one sheet has exactly this <worksheet> content (dimension, sheetData…). */
export function xlsxWithSheetXml(worksheetInner: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': enc(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    '_rels/.rels': enc(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': enc(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${S}" xmlns:r="${REL}"><sheets><sheet name="Responses" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': enc(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    'xl/worksheets/sheet1.xml': enc(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${S}">${worksheetInner}</worksheet>`),
  });
}

/** An inline-string cell. */
export function xlsxCell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

/** A sheet of a header and `n` answer rows, written compactly (for the row limit). */
export function xlsxManyRows(n: number): Uint8Array {
  const rows = [`<row r="1">${xlsxCell('A1', 'id')}${xlsxCell('B1', 'answer')}</row>`];
  for (let r = 2; r <= n + 1; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  return xlsxWithSheetXml(`<sheetData>${rows.join('')}</sheetData>`);
}
