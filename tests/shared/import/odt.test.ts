import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { parseOdt } from '../../../shared/import/formats/odt';
import { ZIP_BOMB_REASON } from '../../../shared/import/zip/guard';
import { buildOdt } from './builders';

const LIST_STYLES =
  '<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1"/><text:list-level-style-bullet text:level="2"/></text:list-style>' +
  '<text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-format="1"/></text:list-style>';

describe('parseOdt', () => {
  it('keeps spaces (text:s c), tabs, line breaks, headings, lists, tables and footnotes', () => {
    const body =
      '<text:sequence-decls><text:sequence-decl text:name="Table"/></text:sequence-decls>' +
      '<text:h text:outline-level="1">Field   notes</text:h>' +
      '<text:p>Two<text:s text:c="3"/>spaces,<text:tab/>a tab and<text:line-break/>a break. <text:span>a</text:span> <text:span>b</text:span> &#x263A; 😀 日本語</text:p>' +
      '<text:list text:style-name="L1"><text:list-item><text:p>bullet</text:p><text:list><text:list-item><text:p>nested</text:p></text:list-item></text:list></text:list-item></text:list>' +
      '<text:list text:style-name="L2"><text:list-item><text:p>first</text:p></text:list-item><text:list-item><text:p>second</text:p></text:list-item></text:list>' +
      '<table:table><table:table-header-rows><table:table-row><table:table-cell><text:p>Name</text:p></table:table-cell><table:table-cell><text:p>Role</text:p></table:table-cell></table:table-row></table:table-header-rows>' +
      '<table:table-row><table:table-cell><text:p>Ann</text:p></table:table-cell><table:table-cell><text:p>Owner</text:p></table:table-cell><table:table-cell/></table:table-row></table:table>' +
      '<text:p>Cited<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note> here.</text:p>' +
      '<text:section text:name="S1"><text:p>In a section</text:p></text:section>';
    expect(parseOdt(buildOdt(body, { automaticStyles: LIST_STYLES }))).toEqual({
      ok: true,
      text: [
        'Field notes',
        'Two   spaces,\ta tab and\na break. a b ☺ 😀 日本語',
        '• bullet\n  • nested',
        '1. first\n2. second',
        'Name | Role\nAnn | Owner',
        'Cited[1] here.',
        'In a section',
        '[1] A footnote.',
      ].join('\n\n'),
    });
  });

  it('leaves out deleted text from tracked changes and comments', () => {
    const body =
      '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>DELETED</text:p></text:deletion></text:changed-region></text:tracked-changes>' +
      '<text:p>Kept<office:annotation><text:p>COMMENT</text:p></office:annotation> text.</text:p>';
    expect(parseOdt(buildOdt(body))).toEqual({ ok: true, text: 'Kept text.' });
  });

  it('reads numbered list styles defined in styles.xml', () => {
    const styles =
      '<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0">' +
      '<office:styles><text:list-style style:name="Numbering_20_123"><text:list-level-style-number text:level="1"/></text:list-style></office:styles></office:document-styles>';
    const body = '<text:list text:style-name="Numbering_20_123"><text:list-item><text:p>one</text:p></text:list-item><text:list-item><text:p>two</text:p></text:list-item></text:list>';
    const odt = buildOdt(body, { extra: { 'styles.xml': new TextEncoder().encode(styles) } });
    expect(parseOdt(odt)).toEqual({ ok: true, text: '1. one\n2. two' });
  });

  it('names other OpenDocument types and plain zips', () => {
    expect(parseOdt(buildOdt('<text:p>x</text:p>', { mimetype: 'application/vnd.oasis.opendocument.spreadsheet' }))).toEqual({
      ok: false,
      reason: 'This file is an OpenDocument spreadsheet (.ods), not a text document.',
    });
    expect(parseOdt(zipSync({ 'a.txt': new Uint8Array(3) }))).toMatchObject({ ok: false, reason: expect.stringContaining('no content.xml') });
  });

  it('refuses damaged XML, empty documents and zip bombs', () => {
    const broken = zipSync({ 'content.xml': new TextEncoder().encode('<office:document-content><office:body><office:text><text:p>unclosed') });
    expect(parseOdt(broken)).toMatchObject({ ok: false, reason: expect.stringContaining('not well-formed') });
    expect(parseOdt(buildOdt('<text:p/>'))).toMatchObject({ ok: false, reason: expect.stringContaining('has no text') });
    const bomb = buildOdt('<text:p>x</text:p>', { extra: { 'Pictures/zero.bin': [new Uint8Array(3_000_000), { level: 6 }] } });
    expect(parseOdt(bomb)).toEqual({ ok: false, reason: ZIP_BOMB_REASON });
  });

  it('warns that pictures were left out', () => {
    const odt = buildOdt('<text:p>Text</text:p>', { extra: { 'Pictures/a.png': new Uint8Array(4) } });
    expect(parseOdt(odt)).toEqual({ ok: true, text: 'Text', warnings: ['The document contains images; only its text was imported.'] });
  });
});
