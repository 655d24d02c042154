import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { parseDocx } from '../../../shared/import/formats/docx';
import { ZIP_BOMB_REASON } from '../../../shared/import/zip/guard';
import { buildDocx, lieAboutSize, listItem, paragraph, table } from './builders';

const enc = (s: string) => new TextEncoder().encode(s);

describe('parseDocx', () => {
  it('reads headings, paragraphs, lists and tables as readable plain text', async () => {
    const body =
      paragraph('Interview notes', 'Heading1') +
      paragraph('First paragraph with “quotes”, café and an emoji 😀 and 日本語.') +
      listItem('Bullet one', 1) +
      listItem('Nested bullet', 1, 1) +
      listItem('Bullet two', 1) +
      listItem('Step one', 2) +
      listItem('Step two', 2) +
      table([
        ['Name', 'Role'],
        ['Ann', 'Owner\nsince 2015'],
      ]) +
      '<w:p><w:r><w:t>Line one</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>Line two</w:t></w:r></w:p>' +
      paragraph('Method', 'Heading2');
    const result = await parseDocx(buildDocx(body));
    expect(result).toEqual({
      ok: true,
      text: [
        'Interview notes',
        'First paragraph with “quotes”, café and an emoji 😀 and 日本語.',
        '• Bullet one\n  • Nested bullet\n• Bullet two',
        '1. Step one\n2. Step two',
        'Name | Role\nAnn | Owner since 2015',
        'Line one\nLine two',
        'Method',
      ].join('\n\n'),
    });
  });

  it('leaves images out and says so', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const result = await parseDocx(buildDocx(paragraph('Text with a picture nearby'), { 'word/media/image1.png': png }));
    expect(result).toEqual({ ok: true, text: 'Text with a picture nearby', warnings: ['The document contains images; only its text was imported.'] });
  });

  it('refuses a zip bomb from the directory, before inflating it', async () => {
    const bomb = buildDocx(paragraph('Innocent'), { 'word/media/padding.bin': [new Uint8Array(3_000_000), { level: 6 }] });
    expect(await parseDocx(bomb)).toEqual({ ok: false, reason: ZIP_BOMB_REASON });
  });

  it('refuses a bomb whose directory lies about its size', async () => {
    const big = paragraph('x'.repeat(2000)).repeat(500);
    const liar = lieAboutSize(buildDocx(big), 'word/document.xml', 2048);
    expect(await parseDocx(liar)).toEqual({ ok: false, reason: ZIP_BOMB_REASON });
  });

  it('explains an encrypted or old-format Word file', async () => {
    const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    expect(await parseDocx(ole2)).toMatchObject({ ok: false, reason: expect.stringContaining('password-protected or an older Word (.doc)') });
  });

  it('refuses a renamed file, an empty file, another zip and a damaged document', async () => {
    expect(await parseDocx(enc('plain text renamed to .docx'))).toMatchObject({ ok: false, reason: expect.stringContaining('not a Word document (.docx)') });
    expect(await parseDocx(new Uint8Array())).toEqual({ ok: false, reason: 'This file is empty (0 bytes).' });
    expect(await parseDocx(zipSync({ 'photo.jpg': new Uint8Array(10) }))).toMatchObject({ ok: false, reason: expect.stringContaining('not a Word document') });
    const broken = zipSync({ '_rels/.rels': enc('<Relationships'), 'word/document.xml': enc('<w:document><w:body><w:p>') });
    expect(await parseDocx(broken)).toMatchObject({ ok: false, reason: expect.stringContaining('could not be read') });
  });

  it('refuses a document with no text', async () => {
    expect(await parseDocx(buildDocx(''))).toMatchObject({ ok: false, reason: expect.stringContaining('has no text') });
  });
});
