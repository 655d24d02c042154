// A small project file as other tools write it (one source, a nested code, two codings of known
// phrases), in any of the variants seen in the wild; tests open it as is or damage it first.
import { strToU8, zipSync, type Zippable } from 'fflate';

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}

export const CODE = '{A1B2C3D4-0000-4000-8000-000000000001}';
export const CHILD = 'a1b2c3d4-0000-4000-8000-000000000002';
export const USER = 'B0B0B0B0-0000-4000-8000-000000000001';
export const SOURCE = '5C5C5C5C-0000-4000-8000-000000000001';

export interface Variant {
  qdeName?: string;
  folder?: string;
  prefix?: string;
  bom?: boolean;
  crlf?: boolean;
  /** With crlf: positions count each line end as one character, as some tools write them. */
  crlfAsOne?: boolean;
  /** Each selection carries its text as its name, as ATLAS.ti writes them. */
  names?: boolean;
  inline?: boolean;
  path?: (file: string) => string;
  root?: boolean;
  /** Changes the project file's text before it is zipped. */
  edit?: (qde: string) => string;
  /** The source file's bytes instead of the text's UTF-8. */
  sourceBytes?: Uint8Array;
  /** More archive entries. */
  entries?: Zippable;
}

export const TEXT = 'Ünïcode 😀 line one\nline two with e\u0301 and 東京\nend';

/** A project with one source, a nested code and two codings of known phrases. */
export function foreignProject(v: Variant = {}): Uint8Array {
  const p = v.prefix ? `${v.prefix}:` : '';
  const stored = (v.crlf ? TEXT.replace(/\n/g, '\r\n') : TEXT);
  const phrases = ['😀 line one', 'e\u0301 and 東京'];
  const cp = (s: string, i: number): number => [...s.slice(0, i)].length;
  const selections = phrases.map((phrase, i) => {
    const counted = v.crlf && !v.crlfAsOne ? stored : TEXT;
    const storedPhrase = v.crlf && !v.crlfAsOne ? phrase.replace(/\n/g, '\r\n') : phrase;
    const at = counted.indexOf(storedPhrase);
    const name = v.names ? ` name="${escapeXml(phrase)}"` : '';
    return `<${p}PlainTextSelection guid="{5E1EC700-0000-4000-8000-00000000000${i}}"${name} startPosition="${cp(counted, at)}" endPosition="${cp(counted, at) + [...storedPhrase].length}" creatingUser="${USER}" creationDateTime="2024-01-0${i + 1}T10:00:00Z"><${p}Coding guid="c0d1c000-0000-4000-8000-00000000000${i}" creatingUser="${USER}"><${p}CodeRef targetGUID="${i === 0 ? CODE : CHILD}"/></${p}Coding></${p}PlainTextSelection>`;
  });
  const file = `${SOURCE}.txt`;
  const content = v.inline ? `<${p}PlainTextContent>${escapeXml(stored).replace(/\r/g, '&#13;')}</${p}PlainTextContent>` : '';
  const pathAttribute = v.inline ? '' : ` plainTextPath="${v.path ? v.path(file) : `internal://${file}`}"`;
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<${p}Project ${v.prefix ? `xmlns:${v.prefix}` : 'xmlns'}="urn:QDA-XML:project:1.0" name="Variant" origin="Some Tool 1.0">
<${p}Users><${p}User guid="${USER}" name="Ana"/></${p}Users>
<${p}CodeBook><${p}Codes><${p}Code guid="${CODE}" name="Place" isCodable="false" color="#F00"><${p}Code guid="${CHILD}" name="City" isCodable="true"/></${p}Code></${p}Codes></${p}CodeBook>
<${p}Sources><${p}TextSource guid="${SOURCE}" name="Interview"${pathAttribute}>${content}${selections.join('')}</${p}TextSource></${p}Sources>
</${p}Project>`;
  const entries: Zippable = { [v.qdeName ?? 'project.qde']: strToU8(v.edit ? v.edit(qde) : qde), ...v.entries };
  if (!v.inline) {
    const bytes = v.sourceBytes ?? strToU8(stored);
    entries[`${v.folder ?? 'sources'}/${file}`] = v.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
  }
  if (v.root) entries[`${v.folder ?? 'sources'}/.root`] = new Uint8Array(0);
  return zipSync(entries);
}

