import { describe, expect, it } from 'vitest';
import { parseHtml, sniffHtmlCharset } from '../../../shared/import/formats/html';
import { htmlToReadableText } from '../../../shared/import/formats/htmlText';

const utf8 = (s: string) => new TextEncoder().encode(s);

const PAGE = `<!doctype html><html><head><title>Harbour news</title>
<style>body { color: red } .x::after { content: "STYLE TEXT" }</style>
<script>document.write("SCRIPT TEXT"); var secret = "SCRIPT VAR";</script>
<script type="application/ld+json">{"headline": "JSON-LD TEXT"}</script>
</head><body>
<header><a href="/">Site logo</a></header>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>Library  branch to close</h1>
<p>The council voted <b>5–2</b> on Tuesday. <a href="https://example.org/vote">Read the minutes</a>.<img src="chart.png" alt="A chart"></p>
<p>“We are choosing where the books live,” said a councillor.<br>Residents disagreed.</p>
<h2>What happens next</h2>
<ul><li>Books move to Mill Road</li><li>A sale in April</li></ul>
<ol><li>Vote</li><li>Appeal</li></ol>
<table><tr><th>Branch</th><th>Visits</th></tr><tr><td>Harbour Street</td><td>14,000</td></tr></table>
<blockquote>Quoted words</blockquote>
<div hidden>HIDDEN TEXT</div>
<noscript>Enable JavaScript</noscript>
</article></main>
<aside>Related: ASIDE TEXT</aside>
<footer>© FOOTER TEXT</footer>
<script>alert("LATE SCRIPT")</script>
</body></html>`;

describe('parseHtml', () => {
  it('keeps the readable text and drops scripts, styles, navigation, header, footer, asides and images', () => {
    const result = parseHtml(utf8(PAGE));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.text).toBe(
      [
        'Library branch to close',
        'The council voted 5–2 on Tuesday. Read the minutes.',
        '“We are choosing where the books live,” said a councillor.\nResidents disagreed.',
        'What happens next',
        '• Books move to Mill Road\n• A sale in April',
        '1. Vote\n2. Appeal',
        'Branch | Visits\nHarbour Street | 14,000',
        'Quoted words',
      ].join('\n\n'),
    );
    for (const hidden of ['SCRIPT', 'STYLE', 'JSON-LD', 'HIDDEN', 'ASIDE', 'FOOTER', 'Site logo', 'News', 'Enable JavaScript', 'A chart', '[', 'https://']) {
      expect(result.text).not.toContain(hidden);
    }
  });

  it('does not upper-case headings', () => {
    expect(htmlToReadableText('<h1>Mixed Case Heading</h1><h3>another one</h3>')).toBe('Mixed Case Heading\n\nanother one');
  });

  it('uses the charset the page declares', () => {
    const latin = new Uint8Array([...utf8('<meta charset="windows-1252"><p>caf'), 0xe9, 0x20, 0x93, 0x71, 0x94, ...utf8('</p>')]);
    expect(sniffHtmlCharset(latin)).toBe('windows-1252');
    expect(parseHtml(latin)).toMatchObject({ ok: true, text: 'café “q”', encoding: 'Windows-1252' });
    const httpEquiv = utf8('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>x</p>');
    expect(sniffHtmlCharset(httpEquiv)).toBe('windows-1252');
    expect(sniffHtmlCharset(utf8('<meta charset="utf-16">'))).toBe('utf-8');
    expect(sniffHtmlCharset(utf8('<meta charset="no-such-thing">'))).toBeNull();
  });

  it('refuses a page with nothing readable, and non-HTML bytes', () => {
    expect(parseHtml(utf8('<script>only()</script><style>p{}</style>'))).toEqual({
      ok: false,
      reason: 'This page has no readable text (only scripts, styles, navigation or images).',
    });
    expect(parseHtml(new Uint8Array())).toMatchObject({ ok: false, reason: 'This file is empty (0 bytes).' });
    expect(parseHtml(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toMatchObject({ ok: false, reason: 'This file is not text (it looks like a JPEG image).' });
  });

  it('keeps very long pages whole (html-to-text would truncate at 16 M characters by default)', () => {
    const paragraph = `<p>${'word '.repeat(200)}</p>`;
    const html = paragraph.repeat(20);
    const text = htmlToReadableText(html);
    expect(text.split('\n\n')).toHaveLength(20);
  });
});
